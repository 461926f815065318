"""Bad input of every kind, in every input file, built for real.

The promise: the build finishes (no traceback, exit 0 without --strict), and the user gets
exactly one clear warning naming the file (and the line where there is one) and what to do.
Each case is a small al-folio site with one thing wrong; the baseline site builds with no
warning at all, so every warning seen here comes from the bad input.
"""

from __future__ import annotations

import contextlib
import io
import traceback
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mkdocs_folio.cli import main as cli_main
from mkdocs_folio.site.config import as_bool
from mkdocs_folio.site.schema import CONFIG as CONFIG_KEYS
from mkdocs_folio.site.schema import FRONT_MATTER as FRONT_MATTER_KEYS
from tests.sitebuilder import CONFIG, BuildResult, al_folio_site, build_site

ABOUT = """
---
layout: about
title: about
permalink: /
profile:
  align: right
  image: prof_pic.jpg
selected_papers: true
social: true
news: true
latest_posts: true
---
Hello, I study engines.
"""

BLOG = """
---
layout: default
permalink: /blog/
title: blog
nav: true
pagination:
  enabled: true
  collection: posts
  per_page: 2
---
{% for post in paginator.posts %}{{ post.title }}{% endfor %}
{% include pagination.liquid %}
"""

PUBLICATIONS = """
---
layout: page
title: publications
permalink: /publications/
nav: true
---
{% bibliography %}
"""

POST = """
---
layout: post
title: a post
---
Post body.
"""

NEWS = """
---
date: 2024-01-02
inline: true
---
Some news.
"""

# The last line of CONFIG is line 12; a key appended with config() lands on line 13.
CONFIG_LINE = len(CONFIG.strip("\n").splitlines()) + 1


def config(extra: str) -> dict[str, str]:
    """CONFIG with `extra` appended as its last lines (line CONFIG_LINE). A top-level key of
    CONFIG that `extra` sets again is blanked out (kept as a comment, so lines stay put)."""
    keys = {line.split(":", 1)[0] for line in extra.splitlines() if line[:1].isalpha()}
    lines, dropping = [], False
    for line in CONFIG.strip("\n").splitlines():
        if line[:1].isalpha():
            dropping = line.split(":", 1)[0] in keys
        lines.append(f"# {line}" if dropping else line)
    return {"_config.yml": "\n".join(lines) + "\n" + extra.strip("\n") + "\n"}


def page(front: str = "", body: str = "Body text.\n", name: str = "p.md") -> dict[str, str]:
    """_pages/<name> with `front` after 4 fixed lines: its first key is on line 5 (a fixed
    key that `front` sets again is kept as a comment, so lines stay put)."""
    keys = {line.split(":", 1)[0] for line in front.splitlines() if line[:1].isalpha()}
    fixed = ["layout: page", "title: p", f"permalink: /{name[:-3]}/"]
    fixed = [f"# {line}" if line.split(":", 1)[0] in keys else line for line in fixed]
    head = "---\n" + "\n".join(fixed) + "\n" + front.strip("\n") + "\n---\n"
    return {f"_pages/{name}": head.replace("\n\n---", "\n---") + body}


def build_bad(root: Path, files: dict, drop: tuple[str, ...] = ()) -> BuildResult:
    """The base site plus `files` (a None value deletes a file), init, then build."""
    base = {"_pages/blog.md": BLOG, "_posts/2024-01-01-first.md": POST, "_news/one.md": NEWS}
    base.update({k: v for k, v in files.items() if v is not None})
    al_folio_site(root, ABOUT, base)
    for name in [*drop, *(k for k, v in files.items() if v is None)]:
        (root / name).unlink()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        assert cli_main(["init", str(root)]) == 0
    try:
        return build_site(root)
    except Exception:  # the promise is broken: show the traceback in the failure
        pytest.fail(f"the build died with a traceback:\n{traceback.format_exc()}")


def one_warning(result: BuildResult, where: str, *words: str) -> str:
    """Exactly one warning, from folio, naming `where` (file or file:line) and saying `words`."""
    assert result.error is None, result.error
    assert len(result.warnings) == 1, "\n".join(result.warnings) or "no warning at all"
    warning = result.warnings[0]
    assert warning.startswith(f"folio: {where}:") or warning.startswith(f"folio: {where} "), warning
    for word in words:
        assert word.lower() in warning.lower(), warning
    assert "Traceback" not in warning
    return warning


def test_the_base_site_builds_without_warnings(tmp_path):
    result = build_bad(tmp_path, {})
    assert result.error is None
    assert result.warnings == []
    assert result.exists("index.html") and result.exists("blog/index.html")


# -- files that are not UTF-8 ----------------------------------------------------------------

LATIN1_ABOUT = ABOUT.strip("\n").replace("Hello,", "Caf\xe9,") + "\n"


@pytest.mark.parametrize(
    ("files", "where", "shown"),
    [
        pytest.param(
            {"_pages/about.md": LATIN1_ABOUT.encode("latin-1")},
            "_pages/about.md:13",
            ("", "Café, I study engines."),
            id="page",
        ),
        pytest.param(
            {
                "_posts/2024-01-01-first.md": POST.strip()
                .replace("body", "b\xf6dy")
                .encode("cp1252")
            },
            "_posts/2024-01-01-first.md:5",
            ("2024/01/01/first.html", "Post bödy."),
            id="post",
        ),
        pytest.param(
            {"_news/one.md": NEWS.strip().replace("Some", "S\xf3me").encode("latin-1")},
            "_news/one.md:5",
            ("", "Sóme news."),
            id="news",
        ),
        pytest.param(
            {"_config.yml": CONFIG.strip().replace(">care<", ">\xa9 care<").encode("latin-1")},
            "_config.yml:8",
            ("", "© care"),
            id="config",
        ),
        pytest.param(
            {
                "_data/socials.yml": "email: ada@example.org\ngithub_username: \xe5da\n".encode(
                    "latin-1"
                )
            },
            "_data/socials.yml:2",
            ("", "github.com/åda"),
            id="data",
        ),
        pytest.param(
            {
                "_includes/note.liquid": "<p>Not\xe9</p>\n".encode("latin-1"),
                **page(body="{% include note.liquid %}\n"),
            },
            "_includes/note.liquid:1",
            ("p/", "Noté"),
            id="include",
        ),
    ],
)
def test_a_file_that_is_not_utf8_is_read_as_latin1(tmp_path, files, where, shown):
    result = build_bad(tmp_path, files)
    one_warning(result, where, "not UTF-8", "save the file as UTF-8")
    url, text = shown
    assert text in result.html(url)


def test_a_binary_file_named_md_still_builds(tmp_path):
    junk = b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe"
    result = build_bad(tmp_path, {"_pages/junk.md": junk})
    one_warning(result, "_pages/junk.md:1", "not UTF-8")
    # No front matter: Jekyll copies the file as it is and makes no page of it.
    assert not result.exists("junk/")
    assert (result.out / "_pages" / "junk.md").read_bytes() == junk


# -- YAML values that YAML itself cannot build -------------------------------------------------


def test_an_impossible_date_in_front_matter_is_reported_not_a_traceback(tmp_path):
    post = POST.strip().replace("title: a post", "title: a post\ndate: 2024-13-45") + "\n"
    result = build_bad(tmp_path, {"_posts/2024-01-01-first.md": post})
    one_warning(result, "_posts/2024-01-01-first.md:4", "2024-13-45", "date: 2024-05-01")
    assert "Post body." in result.html("2024/01/01/first.html")


def test_an_impossible_date_in_config_does_not_stop_init(tmp_path):
    result = build_bad(tmp_path, config("defaults_date: 2024-02-30"))
    assert result.error is None and result.warnings == []


@pytest.mark.parametrize(
    ("text", "words"),
    [
        pytest.param("nav_order: !!int first", ("cannot read this value",), id="tagged-int"),
        pytest.param("nav_order: &x [*x]", ("recursive",), id="alias-loop"),
        pytest.param("nav_order: !!python/object/apply:os.system [ls]", ("tag",), id="python"),
    ],
)
def test_yaml_that_cannot_be_built_is_reported_with_its_line(tmp_path, text, words):
    result = build_bad(tmp_path, page(text))
    one_warning(result, "_pages/p.md:5", "broken YAML", *words)
    assert result.exists("p/")


def test_a_control_character_in_yaml_names_its_line(tmp_path):
    result = build_bad(tmp_path, {"_data/lab.yml": "name: lab\nmotto: a\x00b\n"})
    one_warning(result, "_data/lab.yml:2", "control characters")


@pytest.mark.parametrize(
    ("files", "where"),
    [
        pytest.param(
            {"_config.yml": CONFIG.strip("\n") + "\ntitle: Another title\n"},
            f"_config.yml:{CONFIG_LINE}",
            id="config",
        ),
        pytest.param(page("nav: true\nnav: false"), "_pages/p.md:6", id="front-matter"),
        pytest.param(
            {"_data/socials.yml": "email: a@example.org\nemail: b@example.org\n"},
            "_data/socials.yml:2",
            id="data",
        ),
    ],
)
def test_a_key_written_twice_is_reported(tmp_path, files, where):
    result = build_bad(tmp_path, files)
    one_warning(result, where, "written twice", "remove or rename one")


def test_keys_merged_from_an_anchor_may_be_overridden(tmp_path):
    extra = "base: &base {enabled: true, limit: 3}\nannouncements:\n  <<: *base\n  limit: 5"
    result = build_bad(tmp_path, config(extra))
    assert result.error is None and result.warnings == []


# -- _config.yml: a wrong type for a key that is read -----------------------------------------

CONFIG_CASES = [
    ("max_width: [1]", "max_width", "a width such as 930px"),
    ("max_width: wide", "max_width", "a width such as 930px"),
    ("scholar: yes", "scholar", "a mapping"),
    ("scholar: {last_name: {a: 1}}", "scholar.last_name", "a word or a list of words"),
    ("announcements: 3", "announcements", "a mapping"),
    ("latest_posts: soon", "latest_posts", "a mapping"),
    ("pagination: x", "pagination", "a mapping"),
    ("pagination: {enabled: maybe}", "pagination.enabled", "true or false"),
    ("collections: []", "collections", "a mapping"),
    ("collections: {talks: 5}", "collections.talks", "a mapping"),
    ("exclude: {a: 1}", "exclude", "a word or a list of words"),
    ("title: [a, b]", "title", "text"),
    ("navbar_fixed: [1]", "navbar_fixed", "true or false"),
    ("enable_darkmode: sometimes", "enable_darkmode", "true or false"),
    ("enable_publication_badges: yes", "enable_publication_badges", "a mapping"),
    ("filtered_bibtex_keywords: {abbr: 1}", "filtered_bibtex_keywords", "a word or a list"),
    ("related_blog_posts: x", "related_blog_posts", "a mapping"),
    ("jekyll-archives: 5", "jekyll-archives", "a mapping"),
    ("defaults: x", "defaults", "a list"),
    ("external_sources: [x]", "external_sources[1]", "a mapping"),
    ("imagemagick: {enabled: true, widths: x}", "imagemagick.widths", "a list"),
    ("giscus: x", "giscus", "a mapping"),
    ("analytics: [1]", "analytics", "a mapping"),
    ("timezone: Mars/Olympus", "timezone", "a time zone name"),
    ("future: maybe", "future", "true or false"),
    ("jsonresume: 5", "jsonresume", "a list"),
]


@pytest.mark.parametrize(
    ("line", "key", "what"), [pytest.param(*case, id=case[0]) for case in CONFIG_CASES]
)
def test_a_config_value_of_the_wrong_type_is_one_warning(tmp_path, line, key, what):
    result = build_bad(tmp_path, config(line))
    one_warning(result, f"_config.yml:{CONFIG_LINE}", f"'{key}' must be {what}", "ignored")
    assert result.exists("index.html") and result.exists("blog/index.html")


def test_a_bad_max_width_keeps_the_default_width(tmp_path):
    result = build_bad(tmp_path, config("max_width: [1]"))
    assert "--folio-max-width:930px" in result.html()


def test_a_url_without_a_scheme_is_reported_instead_of_aborting_the_build(tmp_path):
    files = {"_config.yml": CONFIG.strip("\n").replace("https://ada.example.org", "5") + "\n"}
    result = build_bad(tmp_path, files)
    one_warning(result, "_config.yml:5", "'url'", "https://")
    assert result.exists("index.html")


def test_a_wrong_type_in_the_plugin_site_option_names_mkdocs_yml(tmp_path):
    root = tmp_path
    build_bad(root, {})
    mkdocs_yml = (root / "mkdocs.yml").read_text()
    mkdocs_yml = mkdocs_yml.replace("  - folio", "  - folio:\n      site:\n        scholar: yes")
    (root / "mkdocs.yml").write_text(mkdocs_yml)
    result = build_site(root)
    one_warning(result, "mkdocs.yml", "'scholar' must be a mapping")


def test_a_config_that_is_a_list_is_one_warning(tmp_path):
    result = build_bad(tmp_path, {"_config.yml": "- title: x\n- url: y\n"})
    one_warning(result, "_config.yml:1", "mapping")
    assert result.exists("index.html")


# -- front matter: a wrong type for a key that is read ----------------------------------------

FRONT_MATTER_CASES = [
    ("toc: 5", "toc", "a mapping"),
    ("toc: {beginning: maybe}", "toc.beginning", "true or false"),
    ("tags: {a: 1}", "tags", "a word or a list of words"),
    ("date: tomorrow", "date", "a date"),
    ("pretty_table: maybe", "pretty_table", "true or false"),
    ("images: 1", "images", "a mapping"),
    ("nav: perhaps", "nav", "true or false"),
    ("title: {a: 1}", "title", "text"),
    ("description: [1, 2]", "description", "text"),
    ("redirect: [1]", "redirect", "true or false or text"),
    ("related_publications: sure", "related_publications", "true or false"),
    ("chart: 5", "chart", "a mapping"),
    ("years: 2020", "years", "a list"),
    ("importance: high", "importance", "a number"),
    ("published: nope", "published", "true or false"),
]


@pytest.mark.parametrize(
    ("line", "key", "what"), [pytest.param(*case, id=case[0]) for case in FRONT_MATTER_CASES]
)
def test_a_front_matter_value_of_the_wrong_type_is_one_warning(tmp_path, line, key, what):
    result = build_bad(tmp_path, page(line))
    one_warning(result, "_pages/p.md:5", f"'{key}' must be {what}", "ignored")
    assert result.exists("p/")


@pytest.mark.parametrize(
    ("front", "line", "words"),
    [
        pytest.param("profile: me", 5, ("'profile' must be a mapping",), id="profile-str"),
        pytest.param("profile: [1, 2]", 5, ("'profile' must be a mapping",), id="profile-list"),
        pytest.param(
            "profile:\n  image: [1]", 6, ("'profile.image' must be text",), id="profile-image"
        ),
        pytest.param(
            "profile:\n  image: prof_pic.jpg\n  image_circular: maybe",
            7,
            ("'profile.image_circular' must be true or false",),
            id="profile-circular",
        ),
        pytest.param("announcements: 3", 5, ("'announcements' must be",), id="announcements"),
        pytest.param("social: [1]", 5, ("'social' must be true or false",), id="social"),
    ],
)
def test_about_page_keys_of_the_wrong_type(tmp_path, front, line, words):
    about = f"---\nlayout: about\ntitle: about\npermalink: /\n{front}\n---\nHello.\n"
    result = build_bad(tmp_path, {"_pages/about.md": about})
    one_warning(result, f"_pages/about.md:{line}", *words)
    assert "Hello." in result.html()


@pytest.mark.parametrize(
    ("children", "line", "words"),
    [
        pytest.param("children: foo", 7, ("'children' must be a list",), id="string"),
        pytest.param("children: [a]", 7, ("must be a mapping",), id="list-of-strings"),
        pytest.param("children:\n  - permalink: /blog/", 8, ("has no title",), id="no-title"),
        pytest.param(
            "children:\n  - title: [1]\n    permalink: /blog/",
            8,
            ("must be text",),
            id="title-list",
        ),
        pytest.param("children:\n  - title: blog", 8, ("has no permalink",), id="no-permalink"),
    ],
)
def test_dropdown_children_of_the_wrong_shape(tmp_path, children, line, words):
    result = build_bad(tmp_path, page(f"nav: true\ndropdown: true\n{children}"))
    one_warning(result, f"_pages/p.md:{line}", *words)
    assert result.exists("p/")


def test_a_bibliography_front_matter_that_is_a_number(tmp_path):
    result = build_bad(tmp_path, page("bibliography: 5"))
    one_warning(result, "_pages/p.md:5", "bibliography", "mapping")


def test_a_distill_author_that_is_not_a_mapping(tmp_path):
    files = page("layout: distill\nauthors: [Ada, {name: Charles}]")
    result = build_bad(tmp_path, files)
    one_warning(result, "_pages/p.md:6", "'authors'", "'Ada'")
    assert "Charles" in result.html("p/")


# -- data files of the wrong shape -------------------------------------------------------------

CV_PAGE = "---\nlayout: cv\ntitle: cv\npermalink: /cv/\n---\n"


@pytest.mark.parametrize(
    ("files", "where", "words"),
    [
        pytest.param({}, "_pages/cv.md", ("without CV data",), id="no-data"),
        pytest.param({"_data/cv.yml": "hello\n"}, "_pages/cv.md", ("cv.yml is str",), id="str"),
        pytest.param({"_data/cv.yml": "42\n"}, "_pages/cv.md", ("cv.yml is int",), id="number"),
        pytest.param(
            {"_data/cv.yml": "cv:\n  name: Ada\n  sections: 5\n"},
            "_data/cv.yml:3",
            ("cv.sections must be a mapping",),
            id="rendercv-sections",
        ),
        pytest.param(
            {"_data/cv.yml": "cv:\n  sections:\n    Education: [1]\n"},
            "_data/cv.yml:2",
            ("section 'Education'", "must be a mapping"),
            id="rendercv-entry",
        ),
        pytest.param(
            {"_data/cv.yml": "- title: Skills\n  type: map\n  contents: 5\n"},
            "_data/cv.yml:3",
            ("section 'Skills'", "must be a mapping"),
            id="list-contents",
        ),
        pytest.param(
            {"_data/cv.yml": "- just a line\n"},
            "_data/cv.yml",
            ("CV section 1 must be a mapping",),
            id="list-section",
        ),
        pytest.param(
            {"assets/json/resume.json": "[1, 2]"},
            "assets/json/resume.json:1",
            ("one JSON object",),
            id="resume-list",
        ),
    ],
)
def test_cv_data_of_the_wrong_shape(tmp_path, files, where, words):
    result = build_bad(tmp_path, {"_pages/cv.md": CV_PAGE, **files})
    one_warning(result, where, *words)
    assert result.exists("cv/")


def test_an_unknown_cv_format_is_reported(tmp_path):
    page_text = CV_PAGE.replace("/cv/\n", "/cv/\ncv_format: latex\n")
    files = {
        "_pages/cv.md": page_text,
        "_data/cv.yml": "- title: A\n  type: list\n  contents: [x]\n",
    }
    result = build_bad(tmp_path, files)
    one_warning(result, "_pages/cv.md:5", "unknown cv_format 'latex'")
    assert "x" in result.soup("cv/").select_one("article").get_text()


# -- BibTeX ----------------------------------------------------------------------------------

ENTRY = "@article{ok2020,\n  title = {Fine},\n  author = {Lovelace, Ada},\n  year = {2020}\n}\n"


@pytest.mark.parametrize(
    ("bib", "where", "words"),
    [
        pytest.param(b"", "_bibliography/papers.bib", ("no entries",), id="zero-bytes"),
        pytest.param("---\n---\n", "_bibliography/papers.bib", ("no entries",), id="header"),
        pytest.param(
            "@article{\n  title = {Hello},\n  year = 2020\n}\n" + ENTRY,
            "_bibliography/papers.bib:1",
            ("without a citation key", "write the key first"),
            id="missing-key",
        ),
        pytest.param(
            "@@article{x, title = {X}}\n" + ENTRY,
            "_bibliography/papers.bib:1",
            ("not an entry type",),
            id="double-at",
        ),
        pytest.param(
            "@article{x,\n  title = {Hello,\n  year = 2020\n}\n" + ENTRY,
            "_bibliography/papers.bib:2",
            ("never closed",),
            id="unclosed-brace",
        ),
        pytest.param(
            "@article{x,\n  title = {Hello}\n  year = 2020\n}\n" + ENTRY,
            "_bibliography/papers.bib:3",
            ("comma",),
            id="missing-comma",
        ),
        pytest.param(
            ENTRY + "@article{ok2020, title = {Again}}\n",
            "_bibliography/papers.bib:6",
            ("duplicate entry key",),
            id="duplicate-key",
        ),
        pytest.param(
            ENTRY.replace("year", "pdf = {nope.pdf},\n  year"),
            "_bibliography/papers.bib:4",
            ("`pdf` of entry `ok2020`", "assets/pdf/nope.pdf"),
            id="missing-pdf",
        ),
        pytest.param(
            ENTRY.replace("year", "preview = {nope.png},\n  year"),
            "_bibliography/papers.bib:4",
            ("`preview`", "assets/img/publication_preview/nope.png"),
            id="missing-preview",
        ),
        pytest.param(
            ENTRY.replace("Fine", "Caf\xe9").encode("latin-1"),
            "_bibliography/papers.bib:2",
            ("not UTF-8",),
            id="latin1",
        ),
    ],
)
def test_bad_bibtex_is_one_warning_and_the_rest_is_listed(tmp_path, bib, where, words):
    result = build_bad(
        tmp_path, {"_pages/publications.md": PUBLICATIONS, "_bibliography/papers.bib": bib}
    )
    one_warning(result, where, *words)
    assert result.exists("publications/")
    if b"ok2020" in (bib if isinstance(bib, bytes) else bib.encode()):
        assert result.soup("publications/").find(id="ok2020") is not None


def test_a_missing_bib_file_is_one_warning(tmp_path):
    result = build_bad(
        tmp_path, {"_pages/publications.md": PUBLICATIONS}, drop=("_bibliography/papers.bib",)
    )
    one_warning(result, "_bibliography/papers.bib", "not found")
    assert result.exists("publications/")


def test_a_local_pdf_that_exists_is_not_reported(tmp_path):
    bib = ENTRY.replace("year", "pdf = {paper.pdf},\n  slides = {/files/talk.pdf},\n  year")
    files = {
        "_pages/publications.md": PUBLICATIONS,
        "_bibliography/papers.bib": bib,
        "assets/pdf/paper.pdf": b"%PDF-1.4",
        "files/talk.pdf": b"%PDF-1.4",
    }
    result = build_bad(tmp_path, files)
    assert result.warnings == []


# -- page bodies: images, Liquid and Markdown ----------------------------------------------------


@pytest.mark.parametrize(
    ("body", "words"),
    [
        pytest.param(
            "![a photo](/assets/img/nope.png)", ("image '/assets/img/nope.png'",), id="md"
        ),
        pytest.param(
            '<img src="/assets/img/nope.png" alt="x">',
            ("image '/assets/img/nope.png'", "add the file at ", "/assets/img/nope.png,"),
            id="html",
        ),
        pytest.param(
            "<img src=\"{{ '/assets/img/nope.png' | relative_url }}\">",
            ("image '/assets/img/nope.png'",),
            id="liquid",
        ),
        pytest.param(
            '{% include figure.liquid path="assets/img/nope.jpg" %}',
            ("figure: image 'assets/img/nope.jpg' not found",),
            id="figure",
        ),
        pytest.param(
            '{% include video.liquid path="assets/video/nope.mp4" %}',
            ("video: file 'assets/video/nope.mp4' not found",),
            id="video",
        ),
    ],
)
def test_a_missing_image_in_a_page_is_one_warning(tmp_path, body, words):
    result = build_bad(tmp_path, page(body="Intro.\n\n" + body + "\n"))
    one_warning(result, "_pages/p.md:8", *words)
    assert "Intro." in result.html("p/")


def test_a_missing_post_thumbnail_is_one_warning_at_the_post(tmp_path):
    """The blog index shows the thumbnail through Liquid: the warning names the post's own
    `thumbnail:` line, and the index does not report it a second time."""
    post = POST.strip().replace("title: a post", "title: a post\nthumbnail: assets/img/nope.jpg")
    blog = BLOG.replace(
        "{% for post in paginator.posts %}",
        '{% for post in paginator.posts %}<img src="{{ post.thumbnail | relative_url }}">',
    )
    assert blog != BLOG
    result = build_bad(tmp_path, {"_posts/2024-01-01-first.md": post, "_pages/blog.md": blog})
    one_warning(
        result,
        "_posts/2024-01-01-first.md:4",
        "thumbnail 'assets/img/nope.jpg' not found",
        "assets/img/nope.jpg or change `thumbnail:`",
    )
    assert '<img src="/assets/img/nope.jpg">' in result.html("blog/")


def test_an_image_in_a_code_block_or_one_that_exists_is_not_reported(tmp_path):
    body = '```markdown\n![x](/assets/img/nope.png)\n```\n\n`<img src="/nope.png">`\n\n'
    body += "![me](/assets/img/prof_pic.jpg)\n"
    result = build_bad(tmp_path, page(body=body))
    assert result.warnings == []


@pytest.mark.parametrize(
    ("body", "words"),
    [
        pytest.param(
            "{{ 'x' | nosuchfilter }}", ("unknown Liquid filter 'nosuchfilter'",), id="filter"
        ),
        pytest.param("{% nosuchtag a b %}", ("unknown Liquid tag 'nosuchtag'",), id="tag"),
        pytest.param(
            "{% include nothere.liquid %}", ("unknown include 'nothere.liquid'",), id="include"
        ),
        pytest.param("{% if x %} hello", ("not closed by '{% endif %}'",), id="unclosed-if"),
        pytest.param("{{ x ", ("'{{' is not closed",), id="unclosed-output"),
        pytest.param("{% endfor %}", ("unexpected tag 'endfor'",), id="stray-end"),
        pytest.param("{{ 5 | divided_by: 0 }}", ("divide by 0",), id="zero-division"),
        pytest.param(
            "{% for i in (1..100000000) %}{% endfor %}", ("iteration limit",), id="huge-loop"
        ),
        pytest.param("{% cite nope %}", ("cite: unknown key `nope`",), id="cite-unknown"),
        pytest.param(
            "{% reference %}", ("reference: no citation key given",), id="reference-empty"
        ),
        pytest.param(
            "{% bibliography --nonsense 5 %}", ("unknown option `--nonsense`",), id="bib-option"
        ),
        pytest.param(
            "{% jupyter_notebook assets/jupyter/nope.ipynb %}",
            ("notebook 'assets/jupyter/nope.ipynb' not found",),
            id="jupyter-unquoted",
        ),
        pytest.param("{% file_exists %}", ("{% file_exists %} needs a path",), id="file-exists"),
        pytest.param('{% include news.liquid limit="many" %}', ("not a number",), id="news-limit"),
        pytest.param("{% link _posts/nope.md %}", ("no page, post or file",), id="link"),
        pytest.param("{% post_url 2020-01-01-nope %}", ("no post named",), id="post-url"),
        pytest.param("{% details t %}\nhello", ("not closed by '{% enddetails %}'",), id="details"),
        pytest.param("$$\\frac{1}{$$", ("math cannot be rendered",), id="math"),
        pytest.param("{::nomarkdown}\nunclosed", ("never closed",), id="nomarkdown"),
    ],
)
def test_a_bad_construct_in_a_page_body_is_one_warning(tmp_path, body, words):
    result = build_bad(tmp_path, page(body="Intro.\n\n" + body + "\n"))
    one_warning(result, "_pages/p.md:8", *words)
    assert "Intro." in result.html("p/")


def test_a_recursive_include_names_the_include(tmp_path):
    files = {
        "_includes/r.liquid": "{% include r.liquid %}",
        **page(body="{% include r.liquid %}\n"),
    }
    result = build_bad(tmp_path, files)
    one_warning(result, "_includes/r.liquid:1", "recursive include")


@pytest.mark.parametrize("name", ["coauthors", "venues", "citations", "repositories"])
@pytest.mark.parametrize("text", ["- a\n- b\n", "hello\n", "42\n"], ids=["list", "str", "number"])
def test_an_al_folio_data_file_of_the_wrong_shape_is_one_warning(tmp_path, name, text):
    result = build_bad(tmp_path, {f"_data/{name}.yml": text})
    one_warning(result, f"_data/{name}.yml:1", f"{name} data must be a mapping", "ignored")
    assert result.soup().select("div.publications li")


@pytest.mark.parametrize(
    ("name", "text", "line", "words"),
    [
        ("coauthors", "babbage: [1]\n", 1, ("'coauthors.babbage[1]' must be a mapping",)),
        ("coauthors", "babbage: [{firstname: [Charles], url: [1]}]\n", 1, ("co-author `babbage`",)),
        ("venues", "AJP: 5\n", 1, ("'venues.AJP' must be a mapping",)),
        ("venues", "AJP:\n  color: [1]\n", 2, ("'venues.AJP.color' must be text",)),
        ("citations", "papers: [1]\n", 1, ("'citations.papers' must be a mapping",)),
        ("citations", "papers:\n  x: {citations: many}\n", 2, ("must be a number",)),
        ("repositories", "github_users: {a: 1}\n", 1, ("'repositories.github_users'",)),
    ],
)
def test_a_bad_entry_in_a_data_file_is_one_warning(tmp_path, name, text, line, words):
    result = build_bad(tmp_path, {f"_data/{name}.yml": text})
    one_warning(result, f"_data/{name}.yml:{line}", *words)


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("- github_username: ada\n", 1, ("should map network names",)),
        ("foo_id: bar\n", 1, ("unknown social network 'foo_id'",)),
        ("lab:\n  title: My lab\n", 1, ("has no 'url'",)),
        ("email: [a@example.org]\n", 1, ("single value",)),
    ],
)
def test_a_bad_socials_file_is_one_warning(tmp_path, text, line, words):
    result = build_bad(tmp_path, {"_data/socials.yml": text})
    one_warning(result, f"_data/socials.yml:{line}", *words)


# -- collections -------------------------------------------------------------------------------

COURSES = (
    "---\nlayout: page\ntitle: teaching\npermalink: /teaching/\n---\n{% include courses.liquid %}\n"
)


@pytest.mark.parametrize(
    ("front", "line", "words"),
    [
        pytest.param("year: soon", 4, ("'year' must be a year",), id="year"),
        pytest.param("schedule: 5", 4, ("'schedule' must be a list",), id="schedule"),
        pytest.param("schedule: [1]", 4, ("a schedule entry must be a mapping",), id="entry"),
        pytest.param(
            "schedule:\n  - week: 1\n    materials: 5",
            6,
            ("'materials' must be a list",),
            id="materials",
        ),
        pytest.param(
            "schedule:\n  - week: [1]\n    topic: Intro", 5, ("'week' must be text",), id="week"
        ),
    ],
)
def test_a_course_schedule_of_the_wrong_shape(tmp_path, front, line, words):
    course = f"---\nlayout: course\ntitle: Engines 101\n{front}\n---\nAbout the course.\n"
    result = build_bad(tmp_path, {"_teachings/engines.md": course, "_pages/teaching.md": COURSES})
    one_warning(result, f"_teachings/engines.md:{line}", *words)
    assert "About the course." in result.html("teachings/engines.html")


@pytest.mark.parametrize(
    ("name", "where"),
    [
        ("_posts/2024-02-02-empty.md", "_posts/2024-02-02-empty.md"),
        ("_news/empty.md", "_news/empty.md"),
        ("_pages/empty.md", "_pages/empty.md"),
    ],
)
def test_an_empty_file_is_one_warning(tmp_path, name, where):
    result = build_bad(tmp_path, {name: ""})
    one_warning(result, where, "the file is empty")


@pytest.mark.parametrize(
    ("files", "words"),
    [
        pytest.param(
            {"_posts/hello.md": POST}, ("_posts/hello.md", "must start with its date"), id="no-date"
        ),
        pytest.param(
            {"_posts/2024-13-45-hello.md": POST},
            ("_posts/2024-13-45-hello.md", "not a real date"),
            id="bad-date",
        ),
        pytest.param(
            {"_posts/2024-01-01-first.markdown": POST},
            ("_posts/2024-01-01-first.markdown", "both published at"),
            id="same-slug",
        ),
        pytest.param(
            {"_pages/clash.md": "---\ntitle: clash\npermalink: /blog/\n---\nx\n"},
            ("_pages/clash.md", "both published at /blog/"),
            id="same-permalink",
        ),
    ],
)
def test_post_names_and_addresses(tmp_path, files, words):
    result = build_bad(tmp_path, files)
    one_warning(result, words[0], *words[1:])
    assert result.exists("index.html")


# -- random values, real builds ----------------------------------------------------------------

_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 3000),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=12),
    st.sampled_from(["true", "no", "930px", "2024-02-30", "/blog/", "@*", "{{ x }}", "{% x %}"]),
)
_values = st.recursive(
    _scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(
            st.sampled_from(["enabled", "limit", "a", "name", "url"]), inner, max_size=3
        ),
    ),
    max_leaves=6,
)


def _random_site(config_items: dict, front_items: dict) -> BuildResult:
    import tempfile

    root = Path(tempfile.mkdtemp(prefix="folio-random-"))
    extra = yaml.safe_dump(config_items, allow_unicode=True, sort_keys=False)
    front = yaml.safe_dump(front_items, allow_unicode=True, sort_keys=False) if front_items else ""
    files = config(extra)
    files["_pages/p.md"] = f"---\ntitle: p\npermalink: /p/\n{front}---\nHello.\n"
    return build_bad(root, files)


@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    config_items=st.dictionaries(st.sampled_from(sorted(CONFIG_KEYS)), _values, max_size=3),
    front_items=st.dictionaries(st.sampled_from(sorted(FRONT_MATTER_KEYS)), _values, max_size=3),
)
def test_random_values_for_known_keys_never_break_the_build(config_items, front_items):
    result = _random_site(config_items, front_items)
    assert result.error is None, result.error
    for warning in result.warnings:
        assert warning.startswith("folio: "), warning
        assert "Traceback" not in warning
    if result.exists("p/"):
        assert "Hello." in result.html("p/")
    else:  # only `published: false` (in one of its spellings) drops the page
        assert not as_bool(front_items.get("published"), default=True)


ABOUT_KEYS = ["profile", "announcements", "latest_posts", "news", "selected_papers", "social"]
DATA_FILES = ["socials", "coauthors", "venues", "citations", "repositories", "cv"]


@settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    front=st.dictionaries(st.sampled_from(ABOUT_KEYS), _values, max_size=3),
    data=st.dictionaries(st.sampled_from(DATA_FILES), _values, max_size=3),
)
def test_random_about_keys_and_data_files_never_break_the_build(front, data):
    import tempfile

    root = Path(tempfile.mkdtemp(prefix="folio-random-"))
    head = yaml.safe_dump(front, allow_unicode=True) if front else ""
    files = {
        "_pages/about.md": f"---\nlayout: about\ntitle: about\npermalink: /\n{head}---\nHello.\n",
        "_pages/cv.md": "---\nlayout: cv\ntitle: cv\npermalink: /cv/\n---\n",
    }
    for name, value in data.items():
        files[f"_data/{name}.yml"] = yaml.safe_dump(value, allow_unicode=True)
    result = build_bad(root, files)
    assert result.error is None, result.error
    assert all(w.startswith("folio: ") for w in result.warnings), result.warnings
    assert "Hello." in result.html()


# -- theme options and the favicon ---------------------------------------------------------------


def test_a_favicon_file_that_is_missing_is_one_warning(tmp_path):
    result = build_bad(tmp_path, config("icon: favicon.png"))
    one_warning(result, f"_config.yml:{CONFIG_LINE}", "icon 'favicon.png'", "assets/img/")


@pytest.mark.parametrize(("option", "value"), [("color", "[1]"), ("color_dark", '"red; }"')])
def test_a_theme_colour_that_is_not_a_colour_is_one_warning(tmp_path, option, value):
    build_bad(tmp_path, {})
    mkdocs_yml = (tmp_path / "mkdocs.yml").read_text()
    mkdocs_yml = mkdocs_yml.replace("name: folio", f"name: folio\n  {option}: {value}")
    (tmp_path / "mkdocs.yml").write_text(mkdocs_yml)
    result = build_site(tmp_path)
    one_warning(result, "mkdocs.yml", f"theme option '{option}' must be a CSS colour")
    assert "--folio-theme-color-light:#b509ac" in result.html()


# -- unknown keys: typos of keys that are read ------------------------------------------------


@pytest.mark.parametrize(
    ("files", "where", "words"),
    [
        pytest.param(
            config("max_widht: 800px"),
            f"_config.yml:{CONFIG_LINE}",
            ("unknown key 'max_widht'", "did you mean 'max_width'"),
            id="config-typo",
        ),
        pytest.param(
            config("announcements:\n  enabeld: true"),
            f"_config.yml:{CONFIG_LINE + 1}",
            ("unknown key 'enabeld' in 'announcements'", "did you mean 'enabled'"),
            id="config-map-typo",
        ),
        pytest.param(
            page("pretty_tabel: true"),
            "_pages/p.md:5",
            ("unknown key 'pretty_tabel'", "did you mean 'pretty_table'"),
            id="front-matter-typo",
        ),
        pytest.param(
            page("toc:\n  sidebarr: left"),
            "_pages/p.md:6",
            ("unknown key 'sidebarr' in 'toc'", "did you mean 'sidebar'"),
            id="front-matter-map-typo",
        ),
        pytest.param(
            {"_pages/about.md": ABOUT.replace("align: right", "aling: right")},
            "_pages/about.md:6",
            ("unknown key 'aling' in 'profile'", "did you mean 'align'"),
            id="profile-typo",
        ),
    ],
)
def test_a_misspelt_key_is_reported_with_the_key_it_resembles(tmp_path, files, where, words):
    result = build_bad(tmp_path, files)
    one_warning(result, where, *words)


def test_keys_for_other_jekyll_plugins_are_not_reported(tmp_path):
    extra = "jekyll-minifier: {compress_css: false}\nlsi: false\nmy_own_setting: 3\n"
    front = "image: cover.png\ntag: x\nredirect_from: /old/\nmy_key: 1"
    result = build_bad(tmp_path, {**config(extra), **page(front)})
    assert result.warnings == []


def test_a_site_without_a_home_page_is_one_warning(tmp_path):
    about = ABOUT.replace("permalink: /\n", "permalink: /about/\n")
    result = build_bad(tmp_path, {"_pages/about.md": about})
    one_warning(result, "_pages", "no home page", "permalink: /")
    assert result.exists("about/")


PROJECTS = (
    "---\nlayout: page\ntitle: projects\npermalink: /projects/\n---\n"
    "{% for project in site.projects %}{% include projects.liquid %}{% endfor %}\n"
)
BOOKS = "---\nlayout: book-shelf\ntitle: books\npermalink: /books/\n---\n"


@pytest.mark.parametrize(
    ("files", "drop", "where", "words"),
    [
        pytest.param(
            {}, ("assets/img/prof_pic.jpg",), "_pages/about.md:5", ("profile image",), id="profile"
        ),
        pytest.param(
            {
                "_pages/cv.md": CV_PAGE.replace("/cv/\n", "/cv/\ncv_pdf: cv.pdf\n"),
                "_data/cv.yml": "- title: A\n  type: list\n  contents: [x]\n",
            },
            (),
            "_pages/cv.md:5",
            ("cv_pdf", "not found"),
            id="cv-pdf",
        ),
        pytest.param(
            {
                "_projects/engine.md": "---\ntitle: engine\nimg: assets/img/engine.jpg\n---\nx\n",
                "_pages/projects.md": PROJECTS,
            },
            (),
            "_projects/engine.md:3",
            ("project image", "assets/img/engine.jpg"),
            id="project-image",
        ),
        pytest.param(
            {
                "_books/notes.md": "---\ntitle: Notes\ncover: assets/img/notes.jpg\n---\nGood.\n",
                "_pages/books.md": BOOKS,
            },
            (),
            "_books/notes.md:3",
            ("book cover",),
            id="book-cover",
        ),
    ],
)
def test_a_file_that_a_setting_names_but_is_missing_is_one_warning(
    tmp_path, files, drop, where, words
):
    result = build_bad(tmp_path, files, drop=drop)
    one_warning(result, where, *words)
    assert result.exists("index.html")
