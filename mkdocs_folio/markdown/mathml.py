"""TeX to MathML at build time, with AMS equation numbers, labels and references.

Browsers render MathML natively (MathML Core: Chromium 109+, Firefox, Safari), so a page whose
math is converted here loads no math script at all. latex2mathml does the conversion; this
module adds what al-folio's MathJax setup (`tags: 'ams'`) gives authors on top of it:

- numbered environments (`equation`, `align`, `gather`, `multline`, `eqnarray`, `alignat`,
  `flalign`; not their starred forms), one number per row, `\\nonumber`/`\\notag` to skip a
  row, `\\tag{x}` for a custom tag;
- `\\label{x}` and `\\eqref{x}`/`\\ref{x}`, inside math and in the text;
- a few commands latex2mathml lacks, rewritten to ones it knows (`\\arg`, `\\dag`...).

An expression that cannot be converted (a syntax error, an unknown command) is returned as
`MathError` with the reason; the caller shows its source and reports it.

`MathDocument` numbers the equations of one page in order: build one per page, call
`number` on every math span first (labels may be referenced before they are defined), then
`render`.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

__all__ = [
    "NUMBERED_ENVIRONMENTS",
    "MathDocument",
    "MathError",
    "RenderedMath",
    "tex_to_mathml",
]

NUMBERED_ENVIRONMENTS = frozenset(
    {"equation", "align", "gather", "multline", "eqnarray", "alignat", "flalign"}
)
# How each display environment is drawn: None = one expression; "align" = latex2mathml's
# `align*` (right/left column pairs); "gather" = centred rows; "eqnarray" = rcl columns.
_ENV_AS = {
    "equation": None,
    "equation*": None,
    "displaymath": None,
    "math": None,
    "align": "align",
    "align*": "align",
    "flalign": "align",
    "flalign*": "align",
    "alignat": "align",
    "alignat*": "align",
    "eqnarray": "eqnarray",
    "eqnarray*": "eqnarray",
    "gather": "gather",
    "gather*": "gather",
    "multline": "gather",
    "multline*": "gather",
}
_ALIASES = {
    r"\arg": r"\operatorname{arg}",
    r"\dag": r"\dagger",
    r"\ddag": r"\ddagger",
    r"\P": r"\unicode{xB6}",
    r"\copyright": r"\unicode{xA9}",
    r"\vcentcolon": ":",
    r"\lt": "<",
    r"\gt": ">",
}
_ALIAS_RE = re.compile(r"\\(?:" + "|".join(re.escape(k[1:]) for k in _ALIASES) + r")(?![A-Za-z])")
_LABEL = re.compile(r"\\label\s*\{([^{}]*)\}")
_TAG = re.compile(r"\\tag\*?\s*\{([^{}]*)\}")
_NONUMBER = re.compile(r"\\(?:nonumber|notag)(?![A-Za-z])")
_REF = re.compile(r"\\(eqref|ref)\s*\{([^{}]*)\}")
_ROW_SPLIT = re.compile(r"\\\\(?:\s*\[[^\]]*\])?")
_UNKNOWN = re.compile(r"<m(?:i|o|text)[^>]*>(\\[A-Za-z]+)")
_BARE_AMPERSAND = re.compile(r"&(?!#?[A-Za-z0-9]+;)")
_MATHML_NS = "http://www.w3.org/1998/Math/MathML"


class MathError(Exception):
    """TeX that could not be turned into MathML; the message says why."""


def _alias(tex: str) -> str:
    return _ALIAS_RE.sub(lambda m: _ALIASES[m.group(0)], tex)


def _unicode(tex: str) -> str:
    return re.sub(
        r"\\unicode\{x([0-9A-Fa-f]+)\}", lambda m: r"\text{" + chr(int(m.group(1), 16)) + "}", tex
    )


def tex_to_mathml(tex: str, *, display: bool = False) -> str:
    """One TeX expression as a `<math>` element; raises `MathError` when it cannot be converted."""
    from latex2mathml.converter import convert

    source = _unicode(_alias(tex)).strip()
    if not source:
        raise MathError("empty expression")
    try:
        result = convert(source, display="block" if display else "inline")
    except Exception as exc:  # latex2mathml raises many exception types
        reason = str(exc) or type(exc).__name__
        raise MathError(_friendly(type(exc).__name__, reason)) from None
    unknown = _UNKNOWN.search(result)
    if unknown:
        raise MathError(f"unknown command {unknown.group(1)}")
    if _BARE_AMPERSAND.search(result):
        raise MathError("'&' outside an alignment environment")
    return _limits(result)


# Large operators take their limits above and below (`munderover`); the browser moves them
# to the side in inline math by itself (MathML's movablelimits). latex2mathml writes
# `msubsup` for them inside \left...\right, which keeps the limits beside even when displayed.
_LARGE_OPS = "\u2211\u220f\u2210\u22c2\u22c3\u2a00\u2a01\u2a02\u2a04\u2a06\u22c1\u22c0"
_SUBSUP_OP = re.compile(
    r"<(msubsup|msub|msup)>(<mo(?: [^>]*)?>(?:&#x0?(?:2211|220F|2210|22C2|22C3|2A00|2A01|2A02|2A04|2A06|22C1|22C0);|["
    + _LARGE_OPS
    + r"])</mo>)",
    re.I,
)
_SWAP = {"msubsup": "munderover", "msub": "munder", "msup": "mover"}


def _limits(mathml: str) -> str:
    if "<msub" not in mathml and "<msup" not in mathml:
        return mathml
    out = mathml
    for match in reversed(list(_SUBSUP_OP.finditer(mathml))):
        tag = match.group(1)
        close = _matching_close(out, match.start(), tag)
        if close < 0:
            continue
        new = _SWAP[tag]
        out = (
            out[: match.start()]
            + f"<{new}>"
            + out[match.start() + len(tag) + 2 : close]
            + f"</{new}>"
            + out[close + len(tag) + 3 :]
        )
    return out


def _matching_close(text: str, start: int, tag: str) -> int:
    """Index of the `</tag>` closing the `<tag>` at `start` (same-name nesting counted)."""
    depth = 0
    pattern = re.compile(rf"<(/?){tag}(?=[\s>])")
    for found in pattern.finditer(text, start):
        if found.group(1):
            depth -= 1
            if depth == 0:
                return found.start()
        else:
            depth += 1
    return -1


def _friendly(kind: str, reason: str) -> str:
    names = {
        "NoAvailableTokensError": "the expression ends too early (a missing '}' or argument?)",
        "MissingSuperScriptOrSubscriptError": "a '^' or '_' has nothing after it",
        "ExtraLeftOrMissingRightError": "a \\left without its \\right",
        "MissingEndError": "a \\begin without its \\end",
        "DenominatorNotFoundError": "a \\frac without its second argument",
        "NumeratorNotFoundError": "a \\frac without its arguments",
        "InvalidStyleForGenfracError": "a bad \\genfrac style",
        "InvalidWidthError": "a bad width",
        "InvalidAlignmentError": "a bad column alignment",
        "DoubleSuperscriptsError": "a double superscript (x^a^b)",
        "DoubleSubscriptsError": "a double subscript (x_a_b)",
    }
    if kind in names:
        return names[kind]
    return reason if reason != kind else kind


@dataclass
class RenderedMath:
    """The HTML of one math span: `<math>` (inline) or a display block with its numbers."""

    html: str
    ok: bool = True
    error: str = ""


@dataclass
class _Equation:
    env: str | None
    rows: list[str]
    numbers: list[str | None]


@dataclass
class MathDocument:
    """Equation numbers and labels of one page (see the module docstring)."""

    counter: int = 0
    labels: dict[str, str] = field(default_factory=dict)
    _equations: dict[int, _Equation] = field(default_factory=dict)

    def number(self, key: int, tex: str, env: str | None) -> None:
        """Give the numbered rows of one display math span their numbers (in page order)."""
        numbered = env in NUMBERED_ENVIRONMENTS
        multi = env is not None and _ENV_AS.get(env) is not None
        rows = _split_rows(tex) if multi else [tex]
        numbers: list[str | None] = []
        labels: list[tuple[str, int]] = []
        for index, row in enumerate(rows):
            tag = _TAG.search(row)
            if tag:
                value: str | None = tag.group(1)
            elif not numbered or _NONUMBER.search(row):
                value = None
            elif env == "multline" and index != len(rows) - 1:
                value = None  # multline: one number, on the last row
            else:
                self.counter += 1
                value = str(self.counter)
            numbers.append(value)
            labels.extend((m.group(1).strip(), index) for m in _LABEL.finditer(row))
        for label, index in labels:
            value = numbers[index] if env != "multline" else numbers[-1]
            self.labels[label] = value or ""
        self._equations[key] = _Equation(env, rows, numbers)

    def reference(self, label: str, kind: str = "eqref") -> str | None:
        """The text of `\\eqref{label}` ("(3)") or `\\ref{label}` ("3"); None when unknown."""
        value = self.labels.get(label)
        if not value:  # unknown, or the label of an equation without a number
            return None
        return f"({value})" if kind == "eqref" else value

    def _resolve_refs(self, tex: str) -> tuple[str, list[str]]:
        missing: list[str] = []

        def swap(match: re.Match[str]) -> str:
            text = self.reference(match.group(2).strip(), match.group(1))
            if text is None:
                missing.append(match.group(2).strip())
                text = "(??)" if match.group(1) == "eqref" else "??"
            return r"\text{" + text + "}"

        return _REF.sub(swap, tex), missing

    def render(self, key: int, tex: str, *, display: bool, env: str | None = None) -> RenderedMath:
        """The HTML of one span; call `number` for every display span of the page first."""
        tex, missing = self._resolve_refs(tex)
        equation = self._equations.get(key)
        try:
            if not display:
                html_out = tex_to_mathml(_strip_meta(tex), display=False)
                result = RenderedMath(html_out)
            else:
                result = RenderedMath(self._display(tex, env, equation))
        except MathError as err:
            return RenderedMath("", ok=False, error=str(err))
        if missing:
            result.error = "unknown label " + ", ".join(repr(m) for m in missing)
        return result

    def _display(self, tex: str, env: str | None, equation: _Equation | None) -> str:
        numbers = equation.numbers if equation else [None]
        labels = [_LABEL.search(row) for row in (equation.rows if equation else [tex])]
        anchor = next((_anchor(m.group(1)) for m in labels if m), "")
        target = _ENV_AS.get(env) if env else None
        if target is None:
            body = _strip_meta(tex)
            mathml = tex_to_mathml(body, display=True)
            number = next((n for n in numbers if n), None)
            return _display_block(mathml, [number] if number else [], anchor)
        rows = [_strip_meta(row) for row in (equation.rows if equation else _split_rows(tex))]
        mathml = tex_to_mathml(_table_tex(target, rows), display=True)
        mathml = _finish_table(mathml, numbers if any(numbers) else [])
        return _display_block(mathml, [], anchor)


def _anchor(label: str) -> str:
    cleaned = re.sub(r"[^A-Za-z0-9_:.-]+", "-", label.strip()).strip("-")
    return f"eq-{cleaned}" if cleaned else ""


def _strip_meta(tex: str) -> str:
    tex = _LABEL.sub("", tex)
    tex = _TAG.sub("", tex)
    return _NONUMBER.sub("", tex)


def _table_tex(kind: str, rows: list[str]) -> str:
    """The rows of an AMS environment as TeX that latex2mathml draws as one table."""
    joined = r" \\ "
    if kind == "align":
        return r"\begin{align*}" + joined.join(rows) + r"\end{align*}"
    if kind == "eqnarray":
        return r"\begin{array}{rcl}" + joined.join(rows) + r"\end{array}"
    return r"\begin{array}{c}" + joined.join(rows) + r"\end{array}"


def _split_rows(tex: str) -> list[str]:
    """Top-level rows of an environment body (`\\\\` outside braces and inner environments)."""
    tex = re.sub(r"^\s*\{\d+\}", "", tex)  # alignat's column count
    rows: list[str] = []
    depth = 0
    env_depth = 0
    start = 0
    index = 0
    while index < len(tex):
        char = tex[index]
        if char == "\\":
            if tex.startswith("\\begin{", index):
                env_depth += 1
            elif tex.startswith("\\end{", index):
                env_depth = max(0, env_depth - 1)
            elif tex.startswith("\\\\", index) and depth == 0 and env_depth == 0:
                match = _ROW_SPLIT.match(tex, index)
                rows.append(tex[start:index])
                index = match.end() if match else index + 2
                start = index
                continue
            index += 2
            continue
        if char == "{":
            depth += 1
        elif char == "}":
            depth = max(0, depth - 1)
        index += 1
    last = tex[start:]
    if last.strip() or not rows:
        rows.append(last)
    return rows


def _finish_table(mathml: str, numbers: list[str | None]) -> str:
    """Display style for the outer table of `mathml` (arrays are drawn in text style) and,
    when there are numbers, a last column holding each row's number."""
    ET.register_namespace("", _MATHML_NS)
    try:
        root = ET.fromstring(mathml)
    except ET.ParseError:
        return mathml
    table = root.find(f".//{{{_MATHML_NS}}}mtable")
    if table is None:
        return mathml
    table.set("displaystyle", "true")
    rows = table.findall(f"{{{_MATHML_NS}}}mtr")
    for row, number in zip(rows, numbers, strict=False):
        cell = ET.SubElement(row, f"{{{_MATHML_NS}}}mtd", {"class": "math-eqno"})
        if number:
            text = ET.SubElement(cell, f"{{{_MATHML_NS}}}mtext")
            text.text = f"({number})"
    return ET.tostring(root, encoding="unicode", short_empty_elements=True)


def _display_block(mathml: str, numbers: list[str], anchor: str) -> str:
    id_attr = f' id="{html.escape(anchor)}"' if anchor else ""
    number = "".join(f'<span class="math-eqno">({html.escape(n)})</span>' for n in numbers)
    return f'<span class="math-display"{id_attr}>{mathml}{number}</span>'
