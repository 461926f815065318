"""LaTeX field values -> text / safe HTML (mkdocs_folio.bib.latex)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_folio.bib.latex import NBSP, latex_to_html, latex_to_text, unescape_url


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (r"{\"U}ber die W{\"a}rme", "Über die Wärme"),
        (r"\"{U}ber", "Über"),
        (r"\"Uber", "Über"),
        (r"Stra{\ss}e", "Straße"),
        (r"Gar{\c{c}}on \c c", "Garçon ç"),
        (r"\v{S}koda \v s", "Škoda š"),
        (r"{\o}re {\O} \aa{} \AA", "øre Ø å Å"),
        (r"\O \aa", "Øå"),  # TeX eats the space after a letter command
        (r"Sk{\l}odowska", "Skłodowska"),
        (r"\'{e}t\'e \`a \^o \~n", "été à ô ñ"),
        (r"na\"{\i}ve \'\i", "naïve í"),
        (r"Erd\H{o}s", "Erdős"),
        (r"\ae{} \oe{} \AE", "æ œ Æ"),
        ("pages 1--2 and---dash", "pages 1–2 and—dash"),
        (r"Smith \& Sons", "Smith & Sons"),
        (r"50\% off \#1 a\_b", "50% off #1 a_b"),
        ("``quoted''", "“quoted”"),
        (r"\textit{Deep} \emph{nets} \textbf{bold} \textsc{Bert}", "Deep nets bold Bert"),
        (r"{\bf old} {\em style}", "old style"),
        (r"\LaTeX{} and \ldots and", "LaTeX and … and"),
        (r"\mnras", "MNRAS"),
        (r"\url{http://x.org/~a_b}", "http://x.org/~a_b"),
        (r"\href{http://x.org}{the site}", "the site"),
        (r"\noopsort{a}Zebra", "Zebra"),
        (r"Unknown \foo{bar}", "Unknown foobar"),
        ("  many\n   spaces\t here ", "many spaces here"),
        ("", ""),
        ("plain title", "plain title"),
    ],
)
def test_latex_to_text(source: str, expected: str) -> None:
    assert latex_to_text(source) == expected


def test_tilde_is_no_break_space() -> None:
    assert latex_to_text("A.~Einstein") == f"A.{NBSP}Einstein"


@pytest.mark.parametrize(
    "source",
    ["{DNA} and {{RNA}}", '{{\\"U}ber einen}', "A {B {C {D}}} E", "{}", "{{}}x{}"],
)
def test_protective_braces_never_leak(source: str) -> None:
    # al-folio #380: `{}` leaking into titles
    text = latex_to_text(source)
    assert "{" not in text and "}" not in text
    assert "{" not in latex_to_html(source)


@pytest.mark.parametrize(
    "math",
    [r"$E = mc^{2}$", r"$\alpha_{i}$", r"\(a < b\)", r"$$\sum_{i} x_i$$", r"\[x\]"],
)
def test_math_kept_verbatim(math: str) -> None:
    assert latex_to_text(f"Before {math} after") == f"Before {math} after"


def test_escaped_braces_and_dollar_survive() -> None:
    assert latex_to_text(r"a \{set\} costs \$5") == "a {set} costs $5"


def test_html_variant_marks_up_and_escapes() -> None:
    html = latex_to_html(r"\emph{Deep} <b>&</b> \textbf{x} \textsc{y} $a<b$")
    assert html == (
        '<em>Deep</em> &lt;b&gt;&amp;&lt;/b&gt; <b>x</b> <span class="smallcaps">y</span> $a&lt;b$'
    )


def test_script_in_title_is_escaped() -> None:
    assert latex_to_html("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert latex_to_html(r"{<script>}\emph{x}") == "&lt;script&gt;<em>x</em>"


def test_unbalanced_input_does_not_raise() -> None:
    assert latex_to_text("a}b{c") == "abc"
    assert latex_to_text("\\") == ""
    assert latex_to_text(r"\textit{unclosed") == "unclosed"
    assert latex_to_text("{" * 500 + "deep" + "}" * 500) == "deep"


def test_unescape_url() -> None:
    assert unescape_url(r"http://x.org/a\_b~c") == "http://x.org/a_b~c"
    assert unescape_url("{10.1000/xyz}") == "10.1000/xyz"
    assert unescape_url("https://example.org/very/long\n   /path") == (
        "https://example.org/very/long/path"
    )
    assert unescape_url(r"\url{https://x.org}") == "https://x.org"


ALLOWED_TAGS = re.compile(r"</?(?:em|b|code|sup|sub|u)>|<span class=\"smallcaps\">|</span>")

LATEXISH = st.lists(
    st.sampled_from(
        [*"ab Z{}\\$~-`'\"^&%#_.,;:!/@*()[]\n\tüé", "\\emph", "\\'", "\\c", "\\textbf{", "\\("]
    ),
    max_size=40,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(LATEXISH)
def test_never_raises(value: str) -> None:
    text = latex_to_text(value)
    html = latex_to_html(value)
    assert isinstance(text, str) and isinstance(html, str)
    # the only markup is our own tags: the input's `<` always arrives escaped
    assert "<" not in ALLOWED_TAGS.sub("", html)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abc XYZ{}.,-'üé")), max_size=80))
def test_braces_without_commands_always_vanish(value: str) -> None:
    # with no backslash and no math, every brace is protective and must disappear
    assert "{" not in latex_to_text(value)
    assert "}" not in latex_to_text(value)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abc {}-")), max_size=40))
def test_escaped_braces_are_the_only_braces_left(value: str) -> None:
    source = value + r" \{" + value + r"\}"
    text = latex_to_text(source)
    assert text.count("{") == 1 and text.count("}") == 1
