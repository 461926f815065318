"""Page-weight budget of the demo home page, as a static host serves it (gzip for text).

Bytes and counts, never times: the built demo is served by a small gzip-aware server
(tests.browser.support.GzipServer) that records the body bytes of every response. Chromium
loads the home page until the network is idle; every request counts, including the search
worker and index if they load, except the profile photo (the owner's choice of image).
"""

from __future__ import annotations

import pytest

BUDGET_BYTES = 100_000  # 100 KB transferred (response bodies, gzip where a host would)
BUDGET_REQUESTS = 10


def load_home(open_page, static_host, width: str):
    static_host.sent.clear()
    visit = open_page(static_host.base, width=width, wait_until="networkidle")
    photo = visit.page.evaluate(
        "() => { const img = document.querySelector('.profile img');"
        " return img ? new URL(img.currentSrc || img.src).pathname : null; }"
    )
    sent = [s for s in static_host.sent if s.path != photo]
    return visit, sent, photo


def table(sent) -> str:
    rows = [f"{s.body_bytes:>8} {'gzip' if s.gzip else '    '} {s.status} {s.path}" for s in sent]
    return "\n".join([*rows, f"{sum(s.body_bytes for s in sent):>8} total, {len(sent)} requests"])


@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_home_page_weight_and_request_budget(open_page, static_host, width, record_property):
    visit, sent, photo = load_home(open_page, static_host, width)
    total = sum(s.body_bytes for s in sent)
    record_property("home_bytes", total)
    record_property("home_requests", len(sent))
    print(f"\nhome page at {width} width (profile photo {photo} excluded):\n{table(sent)}")
    assert all(s.status == 200 for s in sent), table(sent)
    assert total <= BUDGET_BYTES, table(sent)
    assert len(sent) <= BUDGET_REQUESTS, table(sent)
    assert visit.problems() == []


def test_text_responses_are_compressed(open_page, static_host) -> None:
    """The measurement is honest only if every text asset was gzipped, as hosts do."""
    _, sent, _ = load_home(open_page, static_host, "desktop")
    text = [s for s in sent if s.content_type.startswith(("text/", "application/j"))]
    assert text and all(s.gzip for s in text), table(sent)


def test_no_unused_material_palette_stylesheet(open_page, static_host) -> None:
    """Material's palette CSS (colour schemes we replace with our own) is never loaded."""
    _, sent, _ = load_home(open_page, static_host, "desktop")
    assert not [s for s in sent if "palette" in s.path], table(sent)


def test_search_worker_and_index_load_on_first_use(open_page, static_host) -> None:
    """The search index grows with every post and paper: it is not part of the page weight
    until the reader opens search, and search still works then (mouse on the button)."""
    visit, sent, _ = load_home(open_page, static_host, "desktop")
    assert not [s for s in sent if "search" in s.path], table(sent)
    page = visit.page
    page.click("#search-toggle")
    page.keyboard.type("politeness")
    page.wait_for_selector(".md-search-result__item", state="attached")
    paths = [s.path for s in static_host.sent]
    assert "/search/search_index.json" in paths
    assert any("/workers/search." in path for path in paths)
    assert visit.problems() == []


def test_lazy_search_works_with_materials_own_shortcut(open_page, static_host) -> None:
    """Material's '/' shortcut opens search without our button: the index still loads."""
    page = open_page(static_host.base + "lab/").page
    page.keyboard.press("/")
    page.wait_for_function("document.getElementById('__search').checked")
    page.keyboard.type("politeness")
    page.wait_for_selector(".md-search-result__item", state="attached")
