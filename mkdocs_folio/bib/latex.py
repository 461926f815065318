"""BibTeX field values (LaTeX) to display text, and to a small safe HTML variant.

Why our own converter instead of pybtex's `Text.from_latex` or latexcodec:
- math (`$...$`, `\\(...\\)`) must reach the page untouched for MathJax/KaTeX, while pybtex
  decodes or mangles it;
- protective braces (`{DNA}`, `{{\\"U}ber}`) must vanish completely: al-folio #380 shows `{}`
  leaking into titles;
- it runs on every field of every entry, so it needs a fast path and caching, and must never
  raise on the odd string a user writes.

The input is parsed once into a tiny tree (text, styled groups, verbatim math) which is then
rendered as plain text or as escaped HTML with `<em>`/`<b>`/... for `\\emph`, `\\textbf`, ...
What each command stands for is in `latex_commands.py`.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from html import escape

from mkdocs_folio.bib.ads import AAS_JOURNALS
from mkdocs_folio.bib.latex_commands import (
    ACCENTS,
    CONTROL_SYMBOLS,
    DROP_ARGS,
    IGNORED,
    LETTERS,
    NBSP,
    STYLES,
    SWITCHES,
    SYMBOLS,
    URL_COMMANDS,
)

__all__ = ["NBSP", "latex_to_html", "latex_to_text", "unescape_url"]


_TOKEN_RE = re.compile(
    r"""
    (?P<math>\$\$.+?\$\$|\$(?:[^$\\]|\\.)+?\$|\\\(.+?\\\)|\\\[.+?\\\])
  | (?P<cword>\\[A-Za-z]+)(?P<ws>[ \t\r\n]*)
  | (?P<csym>\\[^A-Za-z])
  | (?P<lone>\\)
  | (?P<lbrace>\{)
  | (?P<rbrace>\})
  | (?P<tilde>~)
  | (?P<dash>---?)
  | (?P<quote>``|'')
  | (?P<text>[^\\{}~$`'\-]+|[\s\S])
    """,
    re.VERBOSE | re.DOTALL,
)

_MAX_DEPTH = 100


class _Styled:
    """A styled group: `tag` is an HTML tag name, "smallcaps", "upper"/"lower", or None."""

    __slots__ = ("children", "tag")

    def __init__(self, tag: str | None, children: list) -> None:
        self.tag = tag
        self.children = children


class _Math:
    """Math kept verbatim (delimiters included) for the page's math renderer."""

    __slots__ = ("raw",)

    def __init__(self, raw: str) -> None:
        self.raw = raw


class _Parser:
    """Recursive descent over the token list; never raises on malformed input."""

    def __init__(self, text: str) -> None:
        self.tokens: list[tuple[str, str, str]] = []
        for m in _TOKEN_RE.finditer(text):
            kind = m.lastgroup or "text"
            if kind in ("cword", "ws"):  # `ws` is the tail group of a control-word match
                self.tokens.append(("cword", m.group("cword")[1:], m.group("ws") or ""))
            else:
                self.tokens.append((kind, m.group(kind), ""))
        self.pos = 0

    def parse(self) -> list:
        return self._sequence(depth=0, in_group=False, verbatim=False)

    # -- helpers ----------------------------------------------------------------------------

    def _sequence(self, depth: int, in_group: bool, verbatim: bool) -> list:
        """Nodes up to the matching `}` (consumed) or the end of input."""
        nodes: list = []
        tokens = self.tokens
        while self.pos < len(tokens):
            kind, value, ws = tokens[self.pos]
            self.pos += 1
            if kind == "rbrace":
                if in_group:
                    return nodes
                continue  # a stray `}` is dropped
            if kind == "lbrace":
                if depth >= _MAX_DEPTH:
                    continue
                nodes.append(_Styled(None, self._sequence(depth + 1, True, verbatim)))
            elif kind == "text":
                nodes.append(value)
            elif kind == "math":
                nodes.append(value if verbatim else _Math(value))
            elif kind == "tilde":
                nodes.append("~" if verbatim else NBSP)
            elif kind == "dash":
                nodes.append(value if verbatim else ("—" if len(value) == 3 else "–"))
            elif kind == "quote":
                nodes.append(value if verbatim else ("“" if value == "``" else "”"))
            elif kind == "lone":
                continue
            elif kind == "csym":
                self._control_symbol(value[1], nodes, depth)
            else:  # cword
                if value in SWITCHES and not verbatim:
                    rest = self._sequence(depth + 1, in_group, verbatim)
                    nodes.append(_Styled(SWITCHES[value], rest))
                    return nodes
                self._control_word(value, ws, nodes, depth, verbatim)
        return nodes

    def _skip_spaces(self) -> None:
        while self.pos < len(self.tokens):
            kind, value, _ = self.tokens[self.pos]
            if kind == "text" and not value.strip():
                self.pos += 1
            else:
                return

    def _argument(self, depth: int, verbatim: bool = False) -> list:
        """One macro argument: a braced group, a control word, or a single character."""
        self._skip_spaces()
        if self.pos >= len(self.tokens):
            return []
        kind, value, _ = self.tokens[self.pos]
        if kind == "lbrace":
            self.pos += 1
            if depth >= _MAX_DEPTH:
                return []
            return self._sequence(depth + 1, True, verbatim)
        if kind == "text":
            value = value.lstrip()
            if len(value) > 1:
                self.tokens[self.pos] = ("text", value[1:], "")
            else:
                self.pos += 1
            return [value[0]]
        if kind == "cword":
            self.pos += 1
            nodes: list = []
            self._control_word(value, "", nodes, depth, verbatim)
            return nodes
        if kind == "rbrace":
            return []
        self.pos += 1
        if kind == "csym":
            nodes = []
            self._control_symbol(value[1], nodes, depth)
            return nodes
        if kind == "math":
            return [_Math(value)]
        return [value]

    def _control_symbol(self, char: str, nodes: list, depth: int) -> None:
        if char in ACCENTS:
            nodes.append(_accent(char, _flatten(self._argument(depth))))
        elif char in CONTROL_SYMBOLS:
            nodes.append(CONTROL_SYMBOLS[char])
        else:
            nodes.append(char)

    def _control_word(self, name: str, ws: str, nodes: list, depth: int, verbatim: bool) -> None:
        if name in ACCENTS:  # \c{c}, \v{s}, \u{g}, \H{o} ...
            nodes.append(_accent(name, _flatten(self._argument(depth))))
        elif name in LETTERS:
            nodes.append(LETTERS[name])
        elif name in STYLES:
            nodes.append(_Styled(STYLES[name], self._argument(depth, verbatim)))
        elif name in URL_COMMANDS:
            nodes.append(_flatten(self._argument(depth, verbatim=True)))
        elif name == "href":
            self._argument(depth, verbatim=True)
            nodes.append(_Styled(None, self._argument(depth, verbatim)))
        elif name == "ensuremath":
            inner = _flatten(self._argument(depth, verbatim=True))
            nodes.append(_Math(f"${inner}$") if inner else "")
        elif name in DROP_ARGS:
            if name == "bibinfo":
                self._argument(depth, verbatim=True)
                nodes.append(_Styled(None, self._argument(depth, verbatim)))
            else:
                self._argument(depth, verbatim=True)
        elif name in IGNORED:
            pass
        elif name in SYMBOLS:
            nodes.append(SYMBOLS[name])
            if ws:
                nodes.append(" ")
        elif name.lower() in AAS_JOURNALS:
            nodes.append(AAS_JOURNALS[name.lower()][0])
            if ws:
                nodes.append(" ")
        else:
            # Unknown command: keep its name as text so nothing silently disappears; its
            # braced arguments (if any) follow as ordinary groups.
            nodes.append(name)
            if ws:
                nodes.append(" ")


def _accent(mark: str, base: str) -> str:
    if not base:
        return ""
    first, rest = base[0], base[1:]
    if first in "ıȷ":  # accents over dotless i/j: `\'{\i}` -> í
        first = "i" if first == "ı" else "j"
    if mark == "t" and rest:  # tie accent spans two letters: \t{oo}
        return unicodedata.normalize("NFC", first + ACCENTS["t"] + rest)
    return unicodedata.normalize("NFC", first + ACCENTS[mark]) + rest


def _flatten(nodes: list) -> str:
    out: list[str] = []
    _render_text(nodes, out)
    return "".join(out)


def _render_text(nodes: list, out: list[str]) -> None:
    for node in nodes:
        if isinstance(node, str):
            out.append(node)
        elif isinstance(node, _Math):
            out.append(node.raw)
        else:
            start = len(out)
            _render_text(node.children, out)
            if node.tag in ("upper", "lower"):
                piece = "".join(out[start:])
                del out[start:]
                out.append(piece.upper() if node.tag == "upper" else piece.lower())


def _render_html(nodes: list, out: list[str]) -> None:
    for node in nodes:
        if isinstance(node, str):
            out.append(escape(node))
        elif isinstance(node, _Math):
            out.append(escape(node.raw))
        else:
            tag = node.tag
            if tag in ("upper", "lower"):
                text = _flatten(node.children)
                out.append(escape(text.upper() if tag == "upper" else text.lower()))
            elif tag is None:
                _render_html(node.children, out)
            elif tag == "smallcaps":
                out.append('<span class="smallcaps">')
                _render_html(node.children, out)
                out.append("</span>")
            else:
                out.append(f"<{tag}>")
                _render_html(node.children, out)
                out.append(f"</{tag}>")


_TO_SPACE = str.maketrans("\t\r\n", "   ")


def _tidy(text: str) -> str:
    """Collapse whitespace runs to one space (but keep no-break spaces) and trim."""
    if "\xa0" not in text:
        return " ".join(text.split())
    return " ".join(p for p in text.translate(_TO_SPACE).split(" ") if p)


def _plain(value: str) -> bool:
    """No LaTeX at all (the common case: checked with C-speed substring scans)."""
    return not (
        "\\" in value
        or "{" in value
        or "}" in value
        or "~" in value
        or "$" in value
        or "--" in value
        or "``" in value
        or "''" in value
    )


def _braces_only(value: str) -> bool:
    """Only protective braces (`{BERT}: ...`), nothing else to interpret."""
    return not (
        "\\" in value
        or "~" in value
        or "$" in value
        or "--" in value
        or "``" in value
        or "''" in value
    )


@lru_cache(maxsize=8192)
def _tree(value: str) -> list:
    """The parsed tree, shared by the text and HTML renderings of one value."""
    return _Parser(value).parse()


@lru_cache(maxsize=32768)
def latex_to_text(value: str) -> str:
    """Plain Unicode text for a LaTeX field value; math stays verbatim (`$x^2$`).

    Whitespace runs (line breaks included) collapse to one space; `~` becomes a no-break space.
    Never raises.
    """
    if not value:
        return ""
    if _plain(value):
        return _tidy(value)
    if _braces_only(value):
        return _tidy(value.replace("{", "").replace("}", ""))
    out: list[str] = []
    _render_text(_tree(value), out)
    return _tidy("".join(out))


@lru_cache(maxsize=32768)
def latex_to_html(value: str) -> str:
    """The same text as escaped HTML, with `\\emph`/`\\textit` -> `<em>`, `\\textbf` -> `<b>`,
    `\\textsc` -> `<span class="smallcaps">`, `\\texttt` -> `<code>`, super/subscripts kept.

    Safe to insert unescaped: every character of the input reaches the output escaped.
    """
    if not value:
        return ""
    if _plain(value):
        return escape(_tidy(value))
    if _braces_only(value):
        return escape(_tidy(value.replace("{", "").replace("}", "")))
    out: list[str] = []
    _render_html(_tree(value), out)
    return _tidy("".join(out))


_URL_ESCAPES_RE = re.compile(r"\\([_%&#~$])")


@lru_cache(maxsize=8192)
def unescape_url(value: str) -> str:
    """A URL-like field (`url`, `doi`, `pdf`, ...): only protective braces and `\\_`-style escapes
    are removed; `~`, `--` and `%` keep their literal meaning."""
    value = value.strip()
    if "{" in value or "}" in value:
        if value.startswith("\\url{") and value.endswith("}"):
            value = value[5:-1]
        value = value.replace("{", "").replace("}", "")
    if "\\" in value:
        value = _URL_ESCAPES_RE.sub(r"\1", value)
    return "".join(value.split()) if "\n" in value else value.strip()
