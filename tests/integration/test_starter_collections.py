"""al-folio's own starter (../shared, skipped when absent) after `mkdocs-folio init`: every
page of every collection and stock page is there, and no page shows raw Liquid."""

from __future__ import annotations

import pytest

from tests.conftest import shared_path
from tests.sitebuilder import BuildResult, copy_tree, init_and_build, text


@pytest.fixture(scope="module")
def starter(tmp_path_factory) -> BuildResult:
    source = shared_path("fixtures", "al-folio-starter")
    root = copy_tree(source, tmp_path_factory.mktemp("starter") / "site")
    result = init_and_build(root)
    assert result.error is None, result.error
    return result


def test_every_post_has_its_page(starter):
    posts = sorted(shared_path("fixtures", "al-folio-starter", "_posts").glob("*.md"))
    assert len(posts) == 31
    built = [p for p in (starter.out / "blog").glob("20*/*/index.html")]
    assert len(built) == 31
    assert starter.exists("blog/2021/distill/")  # front-matter date wins over the file name
    assert starter.exists("blog/2015/formatting-and-links/")


@pytest.mark.parametrize(
    "url",
    [
        "index.html",
        "blog/",
        "blog/page/2/",
        "blog/page/7/",
        "blog/2024/",
        "blog/tag/formatting/",
        "blog/category/sample-posts/",
        "blog/category/external-posts/",
        "news/",
        "news/announcement_1/",
        "news/announcement_2/",
        "news/announcement_3/",
        "projects/",
        "projects/1_project/",
        "projects/9_project/",
        "cv/",
        "teaching/",
        "teachings/data-science-fundamentals/",
        "teachings/introduction-to-machine-learning/",
        "people/",
        "repositories/",
        "books/",
        "books/the_godfather/",
        "books/2024/",
        "publications/",
    ],
)
def test_page_exists(starter, url):
    assert starter.exists(url), url


def test_about_news_and_latest_posts(starter):
    soup = starter.soup()
    news, posts = soup.select("div.news")
    assert len(news.select("tr")) == 3
    assert len(posts.select("tr")) == 3


def test_blog_index_from_the_stock_page(starter):
    soup = starter.soup("blog/")
    assert text(soup.select_one(".header-bar h1")) == "al-folio"
    strip = [text(a) for a in soup.select(".tag-category-list a")]
    assert strip[:2] == ["formatting", "images"] and strip[-1] == "external-services"
    cards = soup.select(".featured-posts .card")
    assert [text(c.select_one(".card-title")) for c in cards] == [
        "a distill-style blog post",
        "a post with code",
    ]
    assert cards[0].select_one(".folio-icon svg") is not None  # the pin, drawn inline
    assert len(soup.select("ul.post-list > li")) == 5
    pager = soup.select_one("ul.pagination")
    assert [text(a) for a in pager.select("a.page-link")] == ["1", "2", "3", "4", "Older"]
    last = starter.soup("blog/page/7/")
    assert "disabled" in last.select("ul.pagination li")[-1]["class"]


def test_redirect_post_in_listing(starter):
    pages = " ".join(starter.html(f"blog/page/{n}/") for n in range(2, 8))
    assert "/al-folio/assets/pdf/example_pdf.pdf" in pages


def test_projects_grid(starter):
    soup = starter.soup("projects/")
    assert [text(h) for h in soup.select("h2.category")] == ["work", "fun"]
    assert len(soup.select(".projects .card")) == 9


def test_cv_is_rendercv(starter):
    soup = starter.soup("cv/")
    titles = [text(h) for h in soup.select("div.cv div.card.mt-3.p-3 h3.card-title")]
    assert titles[:3] == ["Contact Information", "Professional Summary", "Experience"]
    assert "Albert Einstein" in text(soup.select_one("div.cv"))


def test_teaching_and_people_and_repositories(starter):
    teaching = starter.soup("teaching/")
    assert [text(h) for h in teaching.select("h2.year")] == ["2024", "2023"]
    assert teaching.select("iframe") == []
    people = starter.soup("people/")
    assert len(people.select(".profiles-block")) == 2
    assert "Write your biography here" in text(people.select_one(".profiles-block .clearfix"))
    repos = starter.soup("repositories/")
    assert len(repos.select(".repo--user")) == 2 and len(repos.select(".repo--repo")) == 7


def test_feed(starter):
    feed = (starter.out / "feed.xml").read_text()
    assert feed.startswith("<?xml") and feed.count("<entry>") == 10


def test_no_page_body_shows_raw_liquid(starter):
    offenders = []
    for path in starter.out.rglob("*.html"):
        soup = starter.soup(path.relative_to(starter.out).as_posix())
        body = soup.select_one("article") or soup.body
        if body is None:
            continue
        for node in body.select("code, pre, script, style"):
            node.decompose()
        content = body.get_text()
        if "{%" in content or "{{" in content:
            offenders.append(path.relative_to(starter.out).as_posix())
    # The code post explains the highlight tag in prose, inside {% raw %}: that text is meant.
    assert offenders in ([], ["blog/2015/code/index.html"])


def test_unsupported_tags_warn_once_per_page_and_tag(starter):
    tags = [w for w in starter.warnings if "unknown Liquid tag" in w]
    assert len(tags) == len(set(tags))
    for warning in tags:
        assert "_posts/" in warning or "_projects/" in warning or "_pages/" in warning
