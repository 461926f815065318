"""The core of collections and the blog: reading documents with Jekyll's rules, defaults,
archives, pagination, related posts, citations, external posts, CV sources, books."""

from __future__ import annotations

import textwrap
from datetime import datetime, timezone
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from mkdocs_folio.problems import Problems
from mkdocs_folio.site.blog import (
    PaginationSettings,
    RelatedIndex,
    archive_settings,
    build_archives,
    citation,
    external_posts,
    paginate,
    pagination_settings,
    reading_time,
    title_from_url,
)
from mkdocs_folio.site.books import book_from, shelf
from mkdocs_folio.site.collections import (
    Document,
    ReadOptions,
    collection_specs,
    front_matter_defaults,
    newest_first,
    read_collection,
    split_list,
)
from mkdocs_folio.site.config import read_site_config
from mkdocs_folio.site.cv import choose_source, pdf_target, read_list_cv
from mkdocs_folio.site.frontmatter import FrontMatter
from mkdocs_folio.site.teaching import courses_by_year, read_course
from mkdocs_folio.site.yamlfile import LineDict, parse_yaml

NOW = datetime(2025, 6, 1, tzinfo=timezone.utc)


def config(text: str = "", tmp_path: Path | None = None):
    overrides = parse_yaml(textwrap.dedent(text)) if text.strip() else {}
    return read_site_config(None, overrides or {}, Problems())


def write(root: Path, files: dict[str, str]) -> None:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(content).lstrip(), encoding="utf-8")


def doc(url: str, date: str | None = None, tags=(), categories=(), title: str = "") -> Document:
    return Document(
        collection="posts",
        abs_path=Path(url.strip("/") + ".md"),
        rel_path=url.strip("/") + ".md",
        front=FrontMatter(meta=LineDict(), body="a b c"),
        slug=url.strip("/").rsplit("/", 1)[-1],
        date=datetime.fromisoformat(date).replace(tzinfo=timezone.utc) if date else None,
        title=title or url,
        url=url,
        layout="post",
        tags=list(tags),
        categories=list(categories),
    )


# -- reading --------------------------------------------------------------------------------------


def test_split_list_accepts_strings_and_lists():
    assert split_list("a b  c") == ["a", "b", "c"]
    assert split_list(["a", None, " b ", ""]) == ["a", "b"]
    assert split_list(None) == [] and split_list(False) == []


def test_posts_rules(tmp_path):
    write(
        tmp_path,
        {
            "_posts/2024-01-02-a.md": "---\ntitle: A\n---\nx\n",
            "_posts/2024-03-04-b.md": "---\ntitle: B\ndate: 2024-03-04 10:00:00-0400\n---\n",
            "_posts/2030-01-01-future.md": "---\ntitle: F\n---\n",
            "_posts/2024-01-01-off.md": "---\ntitle: off\npublished: false\n---\n",
            "_posts/_skip.md": "---\ntitle: S\n---\n",
            "_posts/sub/_hidden/2024-01-01-h.md": "---\ntitle: H\n---\n",
            "_posts/bad.md": "---\ntitle: bad\n---\n",
            "_posts/2024-05-05-backup.md~": "---\ntitle: bak\n---\n",
            "_drafts/idea.md": "---\ntitle: Idea\n---\n",
        },
    )
    site = config("permalink: /blog/:year/:title/\n")
    (spec,) = [s for s in collection_specs(site, tmp_path) if s.name == "posts"]
    problems = Problems()
    posts = read_collection(spec, site=site, problems=problems, options=ReadOptions(now=NOW))
    assert [p.title for p in posts] == ["B", "A"]
    assert [p.url for p in posts] == ["/blog/2024/b/", "/blog/2024/a/"]
    assert len(problems) == 1 and "YYYY-MM-DD" in str(list(problems)[0])
    with_future = read_collection(
        spec, site=site, problems=Problems(), options=ReadOptions(now=NOW, future=True, drafts=True)
    )
    titles = [p.title for p in with_future]
    assert titles[0] == "F" and "Idea" in titles
    assert next(p for p in with_future if p.title == "Idea").draft


def test_mixed_date_formats_sort_newest_first(tmp_path):
    write(
        tmp_path,
        {
            "_news/a.md": "---\ndate: 2015-10-22 15:59:00-0400\n---\n",
            "_news/b.md": "---\ndate: 2016-01-15\n---\n",
            "_news/c.md": "---\ndate: Jan 20, 2016\n---\n",
            "_news/d.md": "---\ndate: 2015-10-22T22:00:00Z\n---\n",
        },
    )
    site = config()
    (spec,) = [s for s in collection_specs(site, tmp_path) if s.name == "news"]
    news = newest_first(read_collection(spec, site=site, problems=Problems()))
    assert [d.slug for d in news] == ["c", "b", "d", "a"]
    assert news[0].url == "/news/c.html"  # no pretty permalink style in this config


def test_declared_collections_and_defaults():
    site = config(
        """
        permalink: /blog/:year/:title/
        collections:
          talks: {output: true, permalink: /talks/:path/}
          notes: {}
          news: {defaults: {layout: post}, output: true}
        defaults:
          - scope: {path: ""}
            values: {author: Everyone}
          - scope: {path: "_posts", type: posts}
            values: {author: Poster, comments: true}
          - scope: {path: "", type: talks}
            values: {layout: page}
        """
    )
    specs = {s.name: s for s in collection_specs(site, Path("/site"))}
    assert specs["talks"].output and specs["talks"].permalink == "/talks/:path/"
    assert not specs["notes"].output
    assert specs["projects"].output and specs["teachings"].default_layout == "course"
    assert front_matter_defaults(site, "_posts/2024-01-01-a.md", "posts") == {
        "author": "Poster",
        "comments": True,
    }
    assert front_matter_defaults(site, "_talks/x.md", "talks")["layout"] == "page"
    assert front_matter_defaults(site, "_news/x.md", "news", {"layout": "post"}) == {
        "layout": "post",
        "author": "Everyone",
    }


# -- archives ---------------------------------------------------------------------------------------


def test_archive_settings_in_both_shapes():
    v2 = config(
        """
        jekyll-archives:
          posts:
            enabled: [year, tags]
            permalinks: {year: "/blog/:year/", tags: "/blog/:type/:name/"}
        """
    )
    settings = archive_settings(v2, "posts")
    assert settings.enabled == ("year", "tags")
    assert settings.href("tags", "Machine Learning") == "/blog/tag/machine-learning/"
    assert settings.href("categories", "x") is None
    v1 = config(
        """
        jekyll-archives:
          enabled: [year, tags, categories]
          permalinks: {year: "/posts/:year/", tag: "/t/:name/", category: "/c/:name/"}
        """
    )
    settings = archive_settings(v1, "posts")
    assert settings.href("year", "2024") == "/posts/2024/"
    assert settings.href("categories", "A B") == "/c/a-b/"
    assert archive_settings(config(), "posts").href("year", "2020") == "/blog/2020/"
    assert archive_settings(v1, "books").enabled == ()


def test_build_archives_groups_by_slug():
    posts = [
        doc("/a/", "2024-01-01", tags=["ML"], categories=["notes"]),
        doc("/b/", "2023-01-01", tags=["ml", "x"]),
    ]
    archives = build_archives(posts, archive_settings(config(), "posts"))
    found = {(a.kind, a.permalink): [d.url for d in a.documents] for a in archives}
    assert found[("tags", "/blog/tag/ml/")] == ["/a/", "/b/"]
    assert found[("year", "/blog/2024/")] == ["/a/"]
    assert found[("categories", "/blog/category/notes/")] == ["/a/"]


# -- pagination ------------------------------------------------------------------------------------


def test_pagination_settings_merge_site_and_page():
    site = config("pagination: {enabled: true, per_page: 7}\n")
    meta = LineDict({"pagination": LineDict({"enabled": True, "sort_reverse": True})})
    settings = pagination_settings(meta, site, "blog.md", Problems())
    assert settings.per_page == 7 and settings.sort_reverse
    off = config("pagination: {enabled: false}\n")
    assert pagination_settings(meta, off, "blog.md", Problems()) is None
    assert pagination_settings(LineDict(), site, "blog.md", Problems()) is None
    problems = Problems()
    bad = LineDict({"pagination": LineDict({"enabled": True, "per_page": "many"})})
    assert pagination_settings(bad, config(), "blog.md", problems).per_page == 10
    assert "per_page" in str(list(problems)[0])


def test_paginator_values():
    posts = [doc(f"/p{i}/", f"2024-01-{i + 1:02d}") for i in range(12)]
    settings = PaginationSettings(per_page=5, sort_reverse=True, trail_before=1, trail_after=1)
    pages = paginate(posts, settings, "/blog/", "blog")
    assert [p.url for p in pages.pages] == ["/blog/", "/blog/page/2/", "/blog/page/3/"]
    second = pages.paginator(2)
    assert [d.url for d in second["posts"]] == [f"/p{i}/" for i in (6, 5, 4, 3, 2)]
    assert second["previous_page_path"] == "/blog/" and second["next_page_path"] == "/blog/page/3/"
    assert [t["num"] for t in second["page_trail"]] == [1, 2, 3]
    assert second["page_trail"][1]["title"] == "blog - page 2"
    assert pages.paginator(1)["previous_page"] is None
    assert pages.paginator(3)["next_page_path"] is None
    ascending = paginate(posts, PaginationSettings(per_page=5), "/blog/", "blog")
    assert ascending.paginator(1)["posts"][0].url == "/p0/"  # sort_reverse defaults to false


@given(st.integers(min_value=0, max_value=60), st.integers(min_value=1, max_value=12))
def test_every_post_lands_on_exactly_one_page(count, per_page):
    posts = [doc(f"/p{i}/", f"2020-01-01T00:{i:02d}:00") for i in range(count)]
    pages = paginate(posts, PaginationSettings(per_page=per_page), "/blog/", "blog")
    seen = [d.url for p in pages.pages for d in p.documents]
    assert sorted(seen) == sorted(d.url for d in posts)
    assert all(len(p.documents) <= per_page for p in pages.pages)
    assert pages.total_pages == max(1, -(-count // per_page))


# -- posts -----------------------------------------------------------------------------------------


def test_reading_time():
    assert reading_time("") == 1
    assert reading_time("w " * 179) == 1
    assert reading_time("w " * 180) == 2


def test_citation_text_and_bibtex():
    site = config("title: My Blog\nfirst_name: Ada\nmiddle_name: Q.\nlast_name: Lovelace\n")
    cite = citation(
        title="On Engines",
        date=datetime(2024, 4, 28, tzinfo=timezone.utc),
        url="https://x.org/blog/2024/on-engines/",
        site=site,
    )
    assert cite.text == (
        "Lovelace, Ada Q. (Apr 2024). On Engines. My Blog. https://x.org/blog/2024/on-engines/."
    )
    assert cite.bibtex.splitlines()[0] == "@article{lovelace2024on-engines,"
    assert "  journal = {My Blog}," in cite.bibtex


def test_related_posts_rank_by_shared_tags():
    posts = [
        doc("/a/", "2024-03-01", tags=["x", "y"]),
        doc("/b/", "2024-02-01", tags=["x"]),
        doc("/c/", "2024-01-01", tags=["x", "y"], categories=["k"]),
        doc("/d/", "2024-01-01", tags=["z"]),
    ]
    index = RelatedIndex(posts)
    related = index.related(["x", "y"], ["k"], exclude_url="/a/", limit=5)
    assert [d.url for d in related] == ["/c/", "/b/"]
    assert index.related(["x"], [], exclude_url="/a/", limit=1)[0].url == "/b/"


def test_external_posts():
    site = config(
        """
        external_sources:
          - name: Blog
            posts:
              - url: https://x.org/2024/a-nice-post.html
                published_date: 2024-05-14
              - url: https://x.org/b
                title: Given title
                published_date: nonsense
            categories: [external]
            tags: "t1 t2"
          - name: Feed
            rss_url: https://x.org/feed
        """
    )
    problems = Problems()
    posts = external_posts(site, problems)
    assert [p.title for p in posts] == ["A nice post", "Given title"]
    assert posts[0].redirect == "https://x.org/2024/a-nice-post.html"
    assert posts[0].tags == ["t1", "t2"] and posts[0].categories == ["external"]
    assert posts[0].external_source == "Blog" and posts[1].date is None
    messages = [str(p) for p in problems]
    assert any("published_date" in m for m in messages)
    assert sum("'Feed'" in m for m in messages) == 1
    assert title_from_url("https://x.org/") == "x.org"


# -- CV, teaching, books ------------------------------------------------------------------------


def test_cv_source_choice():
    rendercv = {"cv": {"name": "A"}}
    resume = {"basics": {"name": "B"}}
    legacy = [{"title": "x", "type": "list", "contents": []}]
    assert choose_source("", rendercv, resume)[0] == "rendercv"
    assert choose_source("jsonresume", rendercv, resume)[0] == "jsonresume"
    assert choose_source("rendercv", None, resume) == (
        None,
        ["cv_format is rendercv but _data/cv.yml has no `cv:` section"],
    )
    chosen, notes = choose_source("", legacy, resume)
    assert chosen == "jsonresume" and "remove assets/json/resume.json" in notes[0]
    assert choose_source("", legacy, None)[0] == "list"
    assert choose_source("", None, None)[0] is None


def test_cv_list_format_unknown_type_is_reported():
    problems = Problems()
    data = parse_yaml(
        "- title: X\n  type: bogus\n  contents: []\n- title: Y\n  type: list\n  contents: [a]\n"
    )
    cv = read_list_cv(data, lambda s: s, problems, "_data/cv.yml")
    assert [s.title for s in cv.sections] == ["Y"]
    assert "_data/cv.yml:2" in str(list(problems)[0])


def test_cv_pdf_target():
    assert pdf_target("cv.pdf") == "/assets/pdf/cv.pdf"
    assert pdf_target("/assets/pdf/cv.pdf") == "/assets/pdf/cv.pdf"
    assert pdf_target("https://x.org/cv.pdf") == "https://x.org/cv.pdf"
    assert pdf_target(None) == ""


def test_courses_by_year_and_bad_schedule():
    problems = Problems()
    meta = parse_yaml("title: C\nyear: 2024\nterm: Spring\nschedule: nope\n")
    course = read_course(meta, title="C", url="/c/", where="c.md", problems=problems)
    assert course.schedule == [] and "schedule" in str(list(problems)[0])
    other = read_course(
        parse_yaml("year: soon\n"), title="D", url="/d/", where="d.md", problems=problems
    )
    groups = courses_by_year([other, course])
    assert [year for year, _ in groups] == ["2024", "Other"]


def test_books():
    book = book_from(
        {"status": " Reading ", "stars": 3.5, "isbn": "978-3-16", "started": "2024-02-01"},
        title="T",
        url="/books/t/",
    )
    assert book.status == "reading" and book.status_caption == "READING"
    assert book.star_icons == ["star", "star", "star", "star-half-stroke", "star-regular"]
    assert book.open_library == "https://openlibrary.org/isbn/978316"
    other = book_from({"status": "lost", "date": "2023-01-01"}, title="U", url="/u/")
    assert other.status == "uncategorized"
    assert [year for year, _ in shelf([other, book])] == ["2024", "2023"]
