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

from mkdocs_folio.cli import main as cli_main
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
    return {"_config.yml": CONFIG.strip("\n") + "\n" + extra.strip("\n") + "\n"}


def page(front: str = "", body: str = "Body text.\n", name: str = "p.md") -> dict[str, str]:
    """_pages/<name> with `front` after 4 fixed lines: its first key is on line 5."""
    head = f"---\nlayout: page\ntitle: p\npermalink: /{name[:-3]}/\n{front.strip(chr(10))}\n---\n"
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
    result = build_bad(tmp_path, {"_pages/junk.md": b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe"})
    one_warning(result, "_pages/junk.md:1", "not UTF-8")
    assert result.exists("junk/")


# -- YAML values that YAML itself cannot build -------------------------------------------------


def test_an_impossible_date_in_front_matter_is_reported_not_a_traceback(tmp_path):
    post = POST.strip().replace("title: a post", "title: a post\ndate: 2024-13-45") + "\n"
    result = build_bad(tmp_path, {"_posts/2024-01-01-first.md": post})
    one_warning(result, "_posts/2024-01-01-first.md:4", "2024-13-45", "YYYY-MM-DD")
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
        pytest.param(config("title: Another title"), f"_config.yml:{CONFIG_LINE}", id="config"),
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
