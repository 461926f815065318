"""Stock or customized: the classifier of a site's `_layouts/` and `_includes/`."""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs_folio.site import customized
from mkdocs_folio.site.customized import (
    classify_file,
    classify_site,
    honoured_includes,
    honoured_layouts,
    normalise,
    report_line,
    stock_digest,
    treatment,
)

STOCK_NEWS = """\
<div class="news">
  {% if site.news != blank %}
    {%- assign news = site.news | reverse -%}
    <table class="table table-sm table-borderless">
      {% for item in news %}<tr><th scope="row">{{ item.date }}</th></tr>{% endfor %}
    </table>
  {% endif %}
</div>
"""


def table(**texts: str) -> dict[str, frozenset[str]]:
    return {key.replace("__", "/"): frozenset({stock_digest(text)}) for key, text in texts.items()}


def test_whitespace_and_comments_do_not_count():
    edited = (
        "{% comment %} my notes {% endcomment %}\n<!-- an HTML note -->\n"
        + STOCK_NEWS.replace("  ", "\t").replace("{%-", "{%")
        + "\n\n{%# inline note %}\n"
    )
    assert normalise(edited) == normalise(STOCK_NEWS)
    assert stock_digest(edited) == stock_digest(STOCK_NEWS)


def test_a_changed_word_counts():
    assert stock_digest(STOCK_NEWS.replace("news", "updates")) != stock_digest(STOCK_NEWS)


def test_classify_stock_customized_own_unchecked(tmp_path: Path):
    known = {"includes/news": frozenset({stock_digest(STOCK_NEWS)})}
    names = {
        "includes/news": {"includes": frozenset(), "site": frozenset({"news"}), "page": frozenset()}
    }
    (tmp_path / "news.liquid").write_text("  " + STOCK_NEWS + "<!-- x -->")
    assert (
        classify_file(tmp_path / "news.liquid", "includes", "news.liquid", known).status == "stock"
    )
    (tmp_path / "news.html").write_text(STOCK_NEWS.replace("</table>", "</table>{{ site.talks }}"))
    item = classify_file(tmp_path / "news.html", "includes", "news.html", known, names)
    assert item.status == "customized"
    assert "reads site.talks" in item.summary
    (tmp_path / "widget.liquid").write_text("<div>map</div>")
    assert (
        classify_file(tmp_path / "widget.liquid", "includes", "widget.liquid", known).status
        == "own"
    )
    assert (
        classify_file(tmp_path / "widget.liquid", "includes", "widget.liquid", {}).status
        == "unchecked"
    )


def test_headings_are_read(tmp_path: Path):
    path = tmp_path / "about.liquid"
    path.write_text("<h2><a href='/news/'>News</a></h2>\n<h2>{{ x }}Publications</h2>")
    item = classify_file(path, "layouts", "about.liquid", {"layouts/about": frozenset()})
    assert item.headings == ("News", "Publications")
    assert item.status == "customized"


def test_treatment_and_report(tmp_path: Path):
    layouts, includes = tmp_path / "_layouts", tmp_path / "_includes"
    layouts.mkdir()
    includes.mkdir()
    (layouts / "about.liquid").write_text("<h2>News</h2>")
    (layouts / "bib.liquid").write_text("<div>{{ entry.title }}</div>")
    (layouts / "talk.liquid").write_text("<div>{{ content }}</div>")
    (includes / "footer.liquid").write_text("<footer>mine</footer>")
    (includes / "head.liquid").write_text("<meta name='mine'>")
    (includes / "figure.liquid").write_text("<figure>mine</figure>")
    known = {
        key: frozenset({"0" * 12})
        for key in (
            "layouts/about",
            "layouts/bib",
            "includes/footer",
            "includes/head",
            "includes/figure",
        )
    }
    items = classify_site(layouts, includes, known, {})
    assert [item.status for item in items] == ["customized"] * 2 + ["own"] + ["customized"] * 3
    about, bib, talk, _figure, _footer, head = items
    assert [treatment(item)[0] for item in items] == [True, False, True, True, True, False]
    assert "head" in treatment(head)[1]
    assert honoured_includes(items) == {"figure"}  # the footer is drawn in the chrome
    assert honoured_layouts(items) == {"about": about.path, "talk": talk.path}
    assert report_line(about).startswith("layout _layouts/about.liquid:")
    assert "; honoured: " in report_line(about)
    assert "not honoured" in report_line(bib)


def test_the_package_table_loads():
    data = json.loads(Path(customized.__file__).with_name("stock_hashes.json").read_text())
    assert "files" in data
    assert isinstance(customized.load_stock_hashes(), dict)


def test_the_script_reads_every_version_from_git(tmp_path: Path):
    import shutil
    import subprocess
    import sys

    import pytest

    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path / "repo"
    (repo / "_layouts").mkdir(parents=True)
    git = ["git", "-C", str(repo), "-c", "user.email=t@example.org", "-c", "user.name=t"]
    subprocess.run([*git, "init", "-q"], check=True)
    versions = ["<div>{{ content }}</div>\n", '<div class="post">{{ content }}</div>\n']
    for number, text in enumerate(versions):
        (repo / "_layouts/about.liquid").write_text(text)
        subprocess.run([*git, "add", "-A"], check=True)
        subprocess.run([*git, "commit", "-qm", f"v{number}"], check=True)
    out = tmp_path / "table.json"
    script = Path(__file__).resolve().parents[2] / "scripts/stock_hashes.py"
    subprocess.run([sys.executable, str(script), str(repo / ".git"), "--out", str(out)], check=True)
    data = json.loads(out.read_text())
    assert data["files"]["layouts/about"]["digests"] == sorted(stock_digest(t) for t in versions)
    assert "content" not in out.read_text()  # digests and names only, never the template
