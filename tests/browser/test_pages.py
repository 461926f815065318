"""Every page of the built demo, as a static host serves it: no console error, no uncaught
exception, no failed request, and not a single request to another origin unless the page
opts into a third-party feature (listed in OPT_IN below, with the origins it may reach).
"""

from __future__ import annotations

import fnmatch
from urllib.parse import urlsplit

# Pages that opt into a third-party feature (comments, maps, diagrams, embedded videos...),
# as {page URL pattern: origins it may reach}. The tests run offline, so failed loads from
# those origins are expected there. A theme change that makes every page reach a CDN must
# fail here, so never add "*".
OPT_IN: dict[str, set[str]] = {
    "writing/": {"https://cdn.jsdelivr.net"},  # `mermaid: enabled` (content feature)
}

LOCAL_SCHEMES = {"data", "blob", "about"}


def allowed_origins(url: str) -> set[str]:
    allowed: set[str] = set()
    for pattern, origins in OPT_IN.items():
        if fnmatch.fnmatch(url, pattern):
            allowed |= origins
    return allowed


def foreign_requests(requests: list[str], local_origin: str, allowed: set[str]) -> list[str]:
    foreign = []
    for request in requests:
        parts = urlsplit(request)
        if parts.scheme in LOCAL_SCHEMES:
            continue
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin != local_origin and origin not in allowed:
            foreign.append(request)
    return foreign


def test_every_page_is_clean(open_page, static_host, demo_pages) -> None:
    local = static_host.base.rstrip("/")
    failures = []
    for url in demo_pages:
        static_host.sent.clear()
        visit = open_page(static_host.base + url)
        page = visit.page
        # scroll to the end so that lazy images and embeds load too
        page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
        page.wait_for_load_state("networkidle")
        allowed = allowed_origins(url)
        foreign = foreign_requests(visit.requests, local, allowed)
        missing = [s.path for s in static_host.sent if s.status != 200]
        for problem in visit.problems():
            if not any(origin in problem for origin in allowed):  # offline: opted-in loads fail
                failures.append(f"/{url}: console: {problem}")
        failures += [
            f"/{url}: request to another origin: {r} (if this page opts into a third-party "
            "feature, list it in OPT_IN in tests/browser/test_pages.py)"
            for r in foreign
        ]
        failures += [f"/{url}: not found: {path}" for path in missing]
        page.context.close()
    assert demo_pages, "the demo build has no page"
    assert not failures, "\n".join(failures)


def test_the_check_sees_foreign_requests() -> None:
    """The filter itself: another port or host is foreign, data: URLs are not."""
    local = "http://127.0.0.1:8000"
    requests = [
        "http://127.0.0.1:8000/a.css",
        "data:image/svg+xml,%3Csvg%3E",
        "http://127.0.0.1:9000/b.js",
        "https://cdn.jsdelivr.net/npm/x.js",
    ]
    assert foreign_requests(requests, local, set()) == requests[2:]
    assert foreign_requests(requests, local, {"https://cdn.jsdelivr.net"}) == requests[2:3]
