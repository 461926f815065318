"""`external_sources` RSS feeds are fetched as al-folio fetches them, from a server on
127.0.0.1: a good feed, bad XML, a timeout, a 404, a huge feed; the last good copy; the
build cache and `mkdocs serve` rebuilds."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from mkdocs_folio.site import feeds
from tests.integration.test_incremental import cold_build, differences, serve_rebuild
from tests.sitebuilder import al_folio_site, build_site, text

ABOUT = "---\nlayout: about\ntitle: about\npermalink: /\n---\nHello.\n"

BLOG = """
---
layout: page
title: blog
permalink: /blog/
pagination:
  enabled: true
  collection: posts
  per_page: 5
---
<ul class="post-list">
{% for post in paginator.posts %}
<li><a class="post-title" href="{{ post.redirect }}">{{ post.title }}</a>
<p class="summary">{{ post.description }}</p>
<span class="source">{{ post.external_source }}</span>
<span class="words">{{ post.feed_content | strip_html | number_of_words }}</span></li>
{% endfor %}
</ul>
"""

MKDOCS_YML = """
site_name: test
docs_dir: _pages
theme:
  name: folio
plugins:
  - material/search
  - folio:
      offline: {offline}
      feed_timeout: 0.5
"""


def rss(*items: tuple[str, str, str]) -> bytes:
    body = "".join(
        f"<item><title>{title}</title><link>{link}</link>"
        f"<pubDate>Tue, 10 Mar 2024 10:00:00 GMT</pubDate>"
        f"<description>{summary}</description>"
        f"<content:encoded><![CDATA[<p>{summary} and more words here</p>]]></content:encoded>"
        f"</item>"
        for title, link, summary in items
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>Ada on Medium</title>{body}</channel></rss>"
    ).encode()


GOOD = rss(
    (
        "Engines &amp;amp; &lt;b&gt;looms&lt;/b&gt;",
        "https://medium.com/@ada/engines-1",
        "&lt;script&gt;alert(1)&lt;/script&gt;On engines",
    ),
    ("Notes on Bernoulli", "https://medium.com/@ada/notes-2", "Numbers"),
)


class FeedServer:
    """Routes: path -> (status, body, delay in seconds); counts the requests per path."""

    def __init__(self) -> None:
        self.routes: dict[str, tuple[int, bytes, float]] = {}
        self.hits: dict[str, int] = {}
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server.hits[self.path] = server.hits.get(self.path, 0) + 1
                status, body, delay = server.routes.get(self.path, (404, b"not here", 0.0))
                if delay:
                    time.sleep(delay)
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/rss+xml")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{path}"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture()
def server():
    feeds.forget_fetches()
    running = FeedServer()
    yield running
    running.close()
    feeds.forget_fetches()


def feed_site(root: Path, url: str, *, offline: bool = False) -> Path:
    extra = {
        "_pages/blog.md": BLOG,
        "mkdocs.yml": MKDOCS_YML.format(offline=str(offline).lower()),
    }
    site = al_folio_site(root, ABOUT, extra)
    config = site / "_config.yml"
    config.write_text(
        config.read_text()
        + f"external_sources:\n  - name: medium.com\n    rss_url: {url}\n    tags: [medium]\n"
    )
    return site


def feed_warnings(result) -> list[str]:
    return [w for w in result.folio_warnings() if "external_sources" in w]


def titles(result) -> list[str]:
    return [text(a) for a in result.soup("blog/").select("a.post-title")]


def test_a_good_feed_lists_its_posts_escaped(server, tmp_path):
    server.routes["/feed"] = (200, GOOD, 0.0)
    result = build_site(feed_site(tmp_path, server.url("/feed")))
    assert result.error is None
    assert feed_warnings(result) == []
    soup = result.soup("blog/")
    links = soup.select("a.post-title")
    assert [text(a) for a in links] == ["Engines & looms", "Notes on Bernoulli"]
    assert links[0]["href"] == "https://medium.com/@ada/engines-1"
    assert links[0].select("b") == []  # the feed's markup is text, not tags
    assert soup.select("ul.post-list script") == []
    assert "alert(1)" in text(soup.select_one("p.summary"))
    assert text(soup.select_one("span.source")) == "medium.com"
    # feed_content: the content as text ("alert(1) On engines and more words here")
    assert text(soup.select_one("span.words")) == "7"
    # The last good copy is kept beside the build cache.
    assert list((tmp_path / ".cache" / "mkdocs-folio" / "feeds").glob("*.xml"))


def test_a_feed_that_is_down_lists_the_last_good_copy_with_one_warning(server, tmp_path):
    server.routes["/feed"] = (200, GOOD, 0.0)
    site = feed_site(tmp_path, server.url("/feed"))
    assert build_site(site).error is None
    feeds.forget_fetches()  # a new process
    server.routes["/feed"] = (404, b"gone", 0.0)
    result = build_site(site)
    assert result.error is None
    assert titles(result) == ["Engines & looms", "Notes on Bernoulli"]
    (warning,) = feed_warnings(result)
    assert "HTTP 404" in warning and "the 2 posts of the copy fetched" in warning
    assert "_config.yml" in warning


@pytest.mark.parametrize(
    ("route", "expected"),
    [
        pytest.param(
            (200, b"<rss><channel><item><title>x</item>", 0.0), "not well-formed", id="bad-xml"
        ),
        pytest.param((200, GOOD, 2.0), "no answer within 0.5 s", id="timeout"),
        pytest.param((404, b"nope", 0.0), "HTTP 404", id="404"),
        pytest.param(
            (200, b"<rss>" + b" " * (6 * 1024 * 1024) + b"</rss>", 0.0),
            "larger than 5 MB",
            id="huge",
        ),
        pytest.param(
            (200, b"<html><body>a page</body></html>", 0.0), "not an RSS or Atom feed", id="html"
        ),
    ],
)
def test_a_bad_feed_gives_one_warning_and_the_build_goes_on(server, tmp_path, route, expected):
    server.routes["/feed"] = route
    started = time.monotonic()
    result = build_site(feed_site(tmp_path, server.url("/feed")), strict=False)
    assert result.error is None
    assert time.monotonic() - started < 30
    (warning,) = feed_warnings(result)
    assert expected in warning and "no posts from it" in warning
    assert titles(result) == []


def test_entities_in_a_dtd_are_refused(server, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    evil = (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file://{secret}">]>'
        "<rss><channel><item><title>&x;</title><link>https://e.org/a</link></item>"
        "</channel></rss>"
    ).encode()
    server.routes["/feed"] = (200, evil, 0.0)
    result = build_site(feed_site(tmp_path, server.url("/feed")))
    assert result.error is None
    (warning,) = feed_warnings(result)
    assert "DTD" in warning
    assert "TOP SECRET" not in result.html("blog/")


def test_offline_uses_the_saved_copy_and_never_fetches(server, tmp_path):
    server.routes["/feed"] = (200, GOOD, 0.0)
    site = feed_site(tmp_path, server.url("/feed"))
    assert build_site(site).error is None
    assert server.hits == {"/feed": 1}
    feeds.forget_fetches()
    offline = feed_site(tmp_path, server.url("/feed"), offline=True)
    result = build_site(offline)
    assert server.hits == {"/feed": 1}
    assert feed_warnings(result) == []
    assert titles(result) == ["Engines & looms", "Notes on Bernoulli"]


def test_offline_without_a_copy_says_so(server, tmp_path):
    result = build_site(feed_site(tmp_path, server.url("/feed"), offline=True))
    assert result.error is None and server.hits == {}
    (warning,) = feed_warnings(result)
    assert "offline" in warning and "no posts from it" in warning


def test_serve_rebuilds_fetch_once_and_never_show_a_stale_blog(server, tmp_path):
    server.routes["/feed"] = (200, GOOD, 0.0)
    site = feed_site(tmp_path, server.url("/feed"))
    out = tmp_path / "out"
    serve_rebuild(site, out)
    serve_rebuild(site, out)  # a rebuild within the TTL: no new request
    assert server.hits == {"/feed": 1}
    assert "Engines &amp; looms" in (out / "blog" / "index.html").read_text()

    # The feed changes and the TTL has passed: the next rebuild fetches, and the blog page,
    # reused until now, shows the new post.
    server.routes["/feed"] = (
        200,
        rss(("A brand new post", "https://medium.com/@ada/new-3", "Fresh")),
        0.0,
    )
    feeds.forget_fetches()
    serve_rebuild(site, out)
    assert server.hits == {"/feed": 2}
    html = (out / "blog" / "index.html").read_text()
    assert "A brand new post" in html and "Engines" not in html
    # Every file is what a cold build of the same feed, in a new process, writes.
    cold_build(site, tmp_path / "cold")
    assert differences(out, tmp_path / "cold") == []

    # A warm build in a new process, same feed: the same page as a cold build would give.
    feeds.forget_fetches()
    result = build_site(site)
    assert titles(result) == ["A brand new post"]
