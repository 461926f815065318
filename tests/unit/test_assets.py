"""The theme's stylesheets and scripts as they are shipped."""

from __future__ import annotations

from mkdocs_folio.adapter.assets import minify_css
from tests.conftest import REPO

THEME = REPO / "theme"


def test_minify_css_keeps_rules_and_values():
    css = """
    /* a comment { with braces } */
    .a > .b,
    .c { color : rgba(0, 0, 0, 0.1); margin: calc(100% - 2rem) ; }
    @media (max-width: 575.98px) {
      .d { display: none; }
    }
    """
    assert minify_css(css) == (
        ".a>.b,.c{color : rgba(0,0,0,0.1);margin: calc(100% - 2rem)}"
        "@media (max-width: 575.98px){.d{display: none}}"
    )


def test_every_stylesheet_minifies_to_balanced_braces():
    for path in sorted((THEME / "assets" / "css").glob("*.css")):
        text = minify_css(path.read_text(encoding="utf-8"))
        assert text.count("{") == text.count("}"), path.name
        assert "/*" not in text, path.name


def test_stylesheets_are_bundled_in_the_order_the_cascade_needs():
    """The bundle joins the stylesheets in file-name order (`adapter/assets.py`), and later
    rules win ties: the base comes first, and the parts of a split stylesheet keep their order.
    A renamed file that sorts elsewhere would change the cascade."""
    names = [path.name for path in sorted((THEME / "assets" / "css").glob("*.css"))]
    assert names[:3] == ["00-base.css", "01-navbar.css", "02-page.css"]
    bib = [name for name in names if name.startswith("bib-")]
    assert bib == ["bib-entries.css", "bib-hidden.css", "bib-pages.css"]
    assert names.index("bib-pages.css") + 1 == names.index("collections.css")


def test_a_file_is_found_by_its_address_or_by_any_spelling_of_its_path(tmp_path):
    from mkdocs.structure.files import File, Files

    from mkdocs_folio.adapter.files import file_at

    page = File("assets/img/a.png", str(tmp_path), str(tmp_path / "site"), True)
    files = Files([page])
    assert file_at(files, "assets/img/a.png") is page
    assert file_at(files, "assets//img/./a.png") is page  # normalized as MkDocs does
    assert file_at(files, "assets/img/b.png") is None
