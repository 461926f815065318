"""The engine-agnostic core: config, front matter, Jekyll rules, pages, about switches."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_folio.problems import Problems
from mkdocs_folio.site.about import read_about, read_profile
from mkdocs_folio.site.config import read_site_config
from mkdocs_folio.site.frontmatter import split_front_matter
from mkdocs_folio.site.jekyll_rules import is_skipped
from mkdocs_folio.site.pages import permalink_to_dest, read_source_page
from mkdocs_folio.site.permalinks import document_values, expand_permalink, slugify
from mkdocs_folio.site.views import build_navbar
from mkdocs_folio.site.yamlfile import LineDict, parse_yaml


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# -- _config.yml --------------------------------------------------------------------------


def test_blank_title_means_owner_name_and_site_url(tmp_path):
    path = write(
        tmp_path,
        "_config.yml",
        "title: blank\nfirst_name: You\nmiddle_name: R.\nlast_name: Name\n"
        "url: https://example.github.io/\nbaseurl: /al-folio/\n",
    )
    problems = Problems()
    site = read_site_config(path, {}, problems)
    assert site.title == "You R. Name"
    assert site.title_is_name
    assert site.owner.first == "You" and site.owner.rest == "R. Name"
    assert site.baseurl == "/al-folio"
    assert site.site_url == "https://example.github.io/al-folio/"
    assert site.max_width == "930px"
    assert not problems


def test_plugin_overrides_win_and_merge_nested(tmp_path):
    path = write(tmp_path, "_config.yml", "title: Mine\nscholar:\n  last_name: [A]\n  style: apa\n")
    site = read_site_config(path, {"title": "Theirs", "scholar": {"style": "ieee"}}, Problems())
    assert site.title == "Theirs"
    assert site.raw["scholar"] == {"last_name": ["A"], "style": "ieee"}


def test_no_config_file_is_fine(tmp_path):
    site = read_site_config(None, {"first_name": "Ada", "last_name": "Q"}, Problems())
    assert site.title == "Ada Q"
    assert site.site_url == ""


def test_broken_config_reports_file_and_line(tmp_path):
    path = write(tmp_path, "_config.yml", "title: x\nfoo: [1, 2\nbar: 3\n")
    problems = Problems()
    site = read_site_config(path, {}, problems)
    assert site.title == "My site"
    (problem,) = list(problems)
    assert problem.path == path and problem.line in (3, 4)
    assert "broken YAML" in problem.message


# -- front matter -------------------------------------------------------------------------


def test_front_matter_lines_and_body():
    problems = Problems()
    front = split_front_matter(
        "---\ntitle: a\nprofile:\n  align: left\n---\nbody\n", "x.md", problems
    )
    assert front.meta["title"] == "a"
    assert front.meta.lines["profile"] == 3
    assert front.meta["profile"].lines["align"] == 4
    assert front.body == "body\n" and front.body_line == 6
    assert not problems


def test_broken_front_matter_is_reported_and_not_leaked():
    problems = Problems()
    front = split_front_matter("---\ntitle: a\nbad: [1\n---\nHello\n", "p.md", problems)
    assert front.broken and front.body == "Hello\n"
    # The keys that parse on their own survive; only the broken one is dropped.
    assert dict(front.meta) == {"title": "a"} and front.meta.lines["title"] == 2
    (problem,) = list(problems)
    assert problem.path == "p.md" and problem.line == 4
    assert "front matter" in problem.message and "'bad'" in problem.hint


def test_front_matter_not_a_mapping():
    problems = Problems()
    front = split_front_matter("---\n- a\n- b\n---\nx", "p.md", problems)
    assert front.broken and "mapping" in list(problems)[0].message


def test_empty_front_matter_block_is_recognised():
    front = split_front_matter("---\n---\nbody", "p.md", Problems())
    assert front.has_front_matter and front.body == "body"


def test_unclosed_front_matter():
    problems = Problems()
    front = split_front_matter("---\ntitle: x\n", "p.md", problems)
    assert front.broken and "not closed" in list(problems)[0].message


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_front_matter_never_raises(text):
    problems = Problems()
    front = split_front_matter("---\n" + text + "\n---\nbody", "fuzz.md", problems)
    assert isinstance(front.meta, LineDict)
    for problem in problems:
        assert problem.path == "fuzz.md"


# -- Jekyll rules -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "skipped"),
    [
        ("about.md", False),
        ("_publications.md", True),
        (".DS_Store", True),
        ("#notes.md#", True),
        ("notes.md~", True),
        ("~tmp.md", True),
        ("2022_eccv_sslwin copy.md", False),
        ("sub/_archive/x.md", True),
        ("about_einstein.md", True),  # excluded by glob relative to the site root
    ],
)
def test_jekyll_skip_rule(path, skipped):
    exclude = ["_pages/about_einstein.md", "bin/", "Gemfile"]
    assert is_skipped(path, root_prefix="_pages", exclude=exclude, include=["_pages"]) is skipped


def test_exclude_globs_and_include_subtracts():
    assert is_skipped("drafts/x.md", exclude=["drafts/"])
    assert is_skipped("notes.txt", exclude=["*.txt"])
    assert not is_skipped("notes.txt", exclude=["*.txt"], include=["*.txt"])
    assert not is_skipped("_keep.md", include=["_keep.md"])


# -- pages and navbar ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("permalink", "dest"),
    [
        ("/", "index.html"),
        ("/publications/", "publications/index.html"),
        ("/404.html", "404.html"),
        ("/cv", "cv/index.html"),
        ("/a/b/", "a/b/index.html"),
    ],
)
def test_permalink_destinations(permalink, dest):
    assert permalink_to_dest(permalink) == dest


def _page(src: str, text: str, problems: Problems | None = None):
    problems = Problems() if problems is None else problems
    front = split_front_matter(text, src, problems)
    return read_source_page(src, Path(src), front, problems, default_layout="page")


def test_navbar_order_home_first_and_dropdown():
    pages = [
        _page(
            "pubs.md",
            "---\ntitle: publications\npermalink: /publications/\nnav: true\nnav_order: 2\n---\n",
        ),
        _page("about.md", "---\nlayout: about\ntitle: about\npermalink: /\nnav: true\n---\n"),
        _page("blog.md", "---\ntitle: blog\npermalink: /blog/\nnav: true\nnav_order: 1\n---\n"),
        _page("hidden.md", "---\ntitle: hidden\npermalink: /hidden/\n---\n"),
        _page(
            "menu.md",
            "---\ntitle: more\nnav: true\nnav_order: 3\ndropdown: true\nchildren:\n"
            "  - title: blog\n    permalink: /blog/\n  - title: divider\n"
            "  - title: books\n    permalink: /books/\n  - title: ext\n    permalink: https://x.org/\n---\n",
        ),
    ]
    navbar = build_navbar(pages, lambda p: (p.permalink or "/").lstrip("/") or "./")
    assert [item.title for item in navbar.items] == ["about", "blog", "publications", "more"]
    assert navbar.items[0].href == "./"
    children = navbar.items[3].children
    assert [c.divider for c in children] == [False, True, False, False]
    assert children[0].href == "blog/" and children[2].href == "books/"
    assert children[3].external and children[3].href == "https://x.org/"
    assert navbar.items[3].child_hrefs == ["blog/", "books/"]


def test_page_keys_with_wrong_types_are_reported():
    problems = Problems()
    page = _page(
        "x.md",
        "---\nlayout: fancy\npermalink: 3\nnav_order: soon\ndropdown: true\nchildren: nope\n---\n",
        problems,
    )
    assert page.layout == "page" and page.permalink is None and page.nav_order is None
    messages = " | ".join(p.message for p in problems)
    assert "unknown layout 'fancy'" in messages
    assert "permalink" in messages and "nav_order" in messages and "children" in messages
    assert {p.line for p in problems} == {2, 3, 4, 6}


def test_redirect_and_published():
    assert _page("a.md", "---\nredirect: true\n---\n").redirect == "/"
    assert _page("a.md", "---\nredirect: https://x.org\n---\n").redirect == "https://x.org"
    assert not _page("a.md", "---\npublished: false\n---\n").published


# -- about page: every schema generation --------------------------------------------------


def _site(tmp_path, text="title: blank\nfirst_name: A\nlast_name: B\n"):
    return read_site_config(write(tmp_path, "_config.yml", text), {}, Problems())


def _about(text: str, site, problems=None):
    problems = Problems() if problems is None else problems
    meta = parse_yaml(text)
    return read_about(meta, site, "about.md", problems)


def test_about_current_schema(tmp_path):
    about = _about(
        "subtitle: <a href='#'>x</a>\nprofile:\n  align: right\n  image: prof_pic.jpg\n"
        "  image_circular: true\n  more_info: <p>Here</p>\nselected_papers: true\nsocial: true\n"
        "announcements:\n  enabled: true\n  scrollable: true\n  limit: 5\n"
        "latest_posts:\n  enabled: false\n  limit: 3\n",
        _site(tmp_path),
    )
    assert about.subtitle_html == "<a href='#'>x</a>"
    assert about.profile.float_class == "float-right"
    assert about.profile.image == "assets/img/prof_pic.jpg"
    assert about.profile.image_class == "rounded-circle"
    assert about.profile.info_kind == "more-info" and about.profile.info_html == "<p>Here</p>"
    assert about.news.enabled and about.news.scrollable and about.news.limit == 5
    assert not about.latest_posts.enabled
    assert about.selected_papers and about.social


def test_about_2023_schema_uses_site_maps(tmp_path):
    site = _site(
        tmp_path,
        "announcements:\n  enabled: true\n  scrollable: true\n  limit: 3\n"
        "latest_posts:\n  enabled: true\n  limit: 2\n",
    )
    about = _about(
        "profile:\n  align: right\n  image: yuki.jpeg\n  address: <p>Street</p>\n"
        "news: true\nlatest_posts: false\n",
        site,
    )
    assert about.news.enabled and about.news.limit == 3 and about.news.scrollable
    assert not about.latest_posts.enabled
    assert about.profile.info_kind == "address" and about.profile.info_html == "<p>Street</p>"


def test_about_news_off_when_site_map_disabled(tmp_path):
    site = _site(tmp_path, "announcements:\n  enabled: false\n")
    assert not _about("news: true\n", site).news.enabled


def test_about_oldest_schema_news_limit_and_description_fallback(tmp_path):
    site = _site(tmp_path, "news_limit: 4\n")
    about = _about("description: <em>Hi</em>\nnews: true\n", site)
    assert about.news.enabled and about.news.limit == 4
    assert about.subtitle_html == "<em>Hi</em>"


@pytest.mark.parametrize("align", ["center", "left-box", None, "RIGHT"])
def test_unknown_align_behaves_like_right(align):
    profile = read_profile({"align": align, "image": "p.jpg"}, "x", 1, Problems())
    assert profile.float_class == "float-right"


def test_profile_not_a_mapping_is_one_problem():
    problems = Problems()
    assert read_profile("prof_pic.jpg", "about.md", 7, problems) is None
    (problem,) = list(problems)
    assert problem.line == 7 and "'profile' must be a mapping" in problem.message


def test_bad_limit_is_reported(tmp_path):
    problems = Problems()
    about = _about("announcements:\n  enabled: true\n  limit: many\n", _site(tmp_path), problems)
    assert about.news.limit is None
    assert list(problems)[0].line == 3


# -- permalinks ---------------------------------------------------------------------------


def test_post_and_news_permalinks():
    from datetime import datetime

    values = document_values(
        collection="posts",
        path="2015-03-15-formatting",
        slug="formatting",
        date=datetime(2015, 3, 15),
        output_ext="/",
    )
    assert expand_permalink("/blog/:year/:title/", values) == "/blog/2015/formatting/"
    values = document_values(
        collection="news", path="announcement_1", slug="announcement_1", date=None, output_ext="/"
    )
    assert expand_permalink("/:collection/:path:output_ext", values) == "/news/announcement_1/"


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Hello, World!", "hello-world"),
        ("  a  b ", "a-b"),
        ("C++ & Rust", "c-rust"),
        ("tag_1", "tag-1"),
    ],
)
def test_slugify(text, slug):
    assert slugify(text) == slug
