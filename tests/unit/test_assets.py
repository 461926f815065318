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
