"""A Python-Markdown extension that renders TeX math at build time (MathML) or hands it,
protected from Markdown, to MathJax.

It runs on the page source before any other rewrite (fences, raw HTML), finds the math with
`mathscan.find_math` and replaces each span by an HTML stash placeholder, so that Markdown
never sees `a_1 * b_2` (no stray emphasis) and code stays code.

- `engine="mathml"`: MathML from `mathml.MathDocument`; the page needs no script. Equation
  numbers, `\\label` and `\\eqref` work across the page. An expression that cannot be
  converted is shown as its source (`<code class="math-source">`) and reported with its line.
- `engine="mathjax"`: the TeX goes out unchanged with normalised delimiters (`\\(...\\)`,
  `\\[...\\]`) inside `<span class="math-tex">`; the page loads MathJax (see the content
  feature), which numbers equations itself.
"""

from __future__ import annotations

import html
import re
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

from mkdocs_folio.markdown.mathml import MathDocument
from mkdocs_folio.markdown.mathscan import DISPLAY_ENVIRONMENTS, ESCAPED_DOLLAR, MATH, find_math
from mkdocs_folio.markdown.report import MarkdownReporter

__all__ = ["MATH_CLASSES", "MathExtension"]

MATH_CLASSES = ("math-display", "math-tex", "math-source")
"""Class names in the output; the content feature looks for them to know a page has math."""

_SINGLE_ENV = re.compile(r"^\s*\\begin\{([A-Za-z]+\*?)\}(.*)\\end\{\1\}\s*$", re.S)


class MathPreprocessor(Preprocessor):
    def __init__(self, md: Markdown, extension: MathExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        if "$" not in text and "\\" not in text:
            return lines
        spans = find_math(text, dollars=self.extension.getConfig("dollars"))
        if not spans:
            return lines
        engine = self.extension.getConfig("engine")
        reporter = self.extension.reporter
        document = MathDocument()
        prepared: list[tuple[str, str | None, bool]] = []
        for index, span in enumerate(spans):
            tex, env, display = span.tex, span.env, span.display
            if span.kind == MATH and display and env is None:
                # `$$\begin{align}...\end{align}$$`: the environment decides, as in MathJax.
                single = _SINGLE_ENV.match(tex)
                if single and single.group(1) in DISPLAY_ENVIRONMENTS:
                    env, tex = single.group(1), single.group(2)
            prepared.append((tex, env, display))
            if span.kind == MATH and display and engine == "mathml":
                document.number(index, tex, env)

        out: list[str] = []
        position = 0
        for index, span in enumerate(spans):
            out.append(text[position : span.start])
            position = span.end
            source = text[span.start : span.end]
            if span.kind == ESCAPED_DOLLAR:
                out.append("$")
                continue
            if span.kind != MATH:  # a reference outside math
                out.append(self._store(self._reference(document, span, engine, reporter)))
                continue
            tex, env, display = prepared[index]
            if engine == "mathjax":
                html_out = _mathjax(tex, env, display)
            else:
                rendered = document.render(index, tex, display=display, env=env)
                if rendered.ok:
                    html_out = rendered.html
                    if rendered.error and reporter is not None:
                        reporter.report(f"math: {rendered.error}", span.line)
                else:
                    html_out = (
                        f'<code class="math-source" title="{html.escape(rendered.error)}">'
                        f"{html.escape(source)}</code>"
                    )
                    if reporter is not None:
                        reporter.report(
                            f"math cannot be rendered ({rendered.error}): {_excerpt(source)}",
                            span.line,
                            "it is shown as its TeX source; fix the expression, or set "
                            "math_engine: mathjax to render it in the browser",
                        )
            out.append(self._store(html_out))
            if display and "\n" in source and _block(text, span.start, span.end):
                # Keep the line count, so later problems still name the right line.
                out.append("\n" * source.count("\n"))
        out.append(text[position:])
        return "".join(out).split("\n")

    def _store(self, fragment: str) -> str:
        return self.md.htmlStash.store(fragment)

    def _reference(
        self, document: MathDocument, span: Any, engine: str, reporter: MarkdownReporter | None
    ) -> str:
        if engine == "mathjax":
            return f'<span class="math-tex">\\{span.ref_kind}{{{html.escape(span.label)}}}</span>'
        text = document.reference(span.label, span.ref_kind)
        if text is None:
            if reporter is not None:
                reporter.report(
                    f"\\{span.ref_kind}{{{span.label}}}: no equation has \\label{{{span.label}}}",
                    span.line,
                )
            return '<span class="math-ref">(??)</span>'
        anchor = re.sub(r"[^A-Za-z0-9_:.-]+", "-", span.label).strip("-")
        return f'<a class="math-ref" href="#eq-{html.escape(anchor)}">{html.escape(text)}</a>'


def _block(text: str, start: int, end: int) -> bool:
    before = text[text.rfind("\n", 0, start) + 1 : start]
    after_end = text.find("\n", end)
    after = text[end : len(text) if after_end < 0 else after_end]
    return before.strip(" \t>") == "" and after.strip() == ""


def _mathjax(tex: str, env: str | None, display: bool) -> str:
    if env:
        body = f"\\begin{{{env}}}{tex}\\end{{{env}}}"
        return f'<span class="math-display math-tex">{html.escape(body)}</span>'
    if display:
        return f'<span class="math-display math-tex">\\[{html.escape(tex)}\\]</span>'
    return f'<span class="math-tex">\\({html.escape(tex)}\\)</span>'


def _excerpt(source: str, limit: int = 70) -> str:
    flat = " ".join(source.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


class MathExtension(Extension):
    """`MathExtension(engine="mathml"|"mathjax", dollars=True, reporter=...)`.

    `reporter` (a `MarkdownReporter`) receives the expressions that cannot be rendered.
    """

    def __init__(self, reporter: MarkdownReporter | None = None, **kwargs: Any) -> None:
        self.config = {
            "engine": ["mathml", "mathml (build time, no script) or mathjax (in the browser)"],
            "dollars": [True, "treat $...$ as inline math"],
        }
        self.reporter = reporter
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        # Before every other preprocessor but whitespace normalisation (30) and fenced code
        # (25): line numbers are still the page's, and Markdown has not touched the math.
        md.preprocessors.register(MathPreprocessor(md, self), "folio_math", 28)
