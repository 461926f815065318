"""In-text citations and formatted references: jekyll-scholar's `{% cite %}`,
`{% reference %}` and `{% quote %}`, in the APA style al-folio configures by default.

jekyll-scholar runs a full CSL processor for these; al-folio sites keep `style: apa`, so we
write the few APA rules that matter here directly (microseconds per citation, no CSL files):

- in-text: "(Einstein, 1950)", "(Einstein & Taub, 1950)", "(Podolsky et al., 1935)", several
  keys joined with "; ", an optional locator ("(Einstein, 1950, p. 23)");
- reference: "Einstein, A., & Taub, A. H. (1950). The meaning of relativity. *American Journal
  of Physics*, *18*(6), 403–404. https://doi.org/...".

Everything returned is HTML with every bib value escaped; links are given by the caller, since
where a citation points (the page's References, the publications page, a per-publication page)
is the adapter's decision.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from mkdocs_folio.bib.links import doi_url
from mkdocs_folio.bib.model import Author, Entry
from mkdocs_folio.bib.view import cite_text
from mkdocs_folio.problems import Problems

__all__ = [
    "Citation",
    "CiteRequest",
    "apa_author",
    "citation_html",
    "parse_cite_args",
    "reference_html",
]

_VALUE_OPTIONS = {
    "f": "file",
    "file": "file",
    "l": "locator",
    "locator": "locator",
    "L": "label",
    "label": "label",
    "s": "style",
    "style": "style",
    "T": "template",
    "template": "template",
}
_FLAG_OPTIONS = {"A": "suppress_author", "suppress_author": "suppress_author"}
_LOCATOR_LABELS = {"page": "p.", "pages": "pp.", "chapter": "chap.", "section": "sec."}


@dataclass
class CiteRequest:
    """What one `{% cite k1 k2 -l 23 %}` asks for. Keys keep the order they were written in."""

    keys: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    locator: str | None = None
    label: str | None = None
    suppress_author: bool = False


def parse_cite_args(
    argstr: str,
    problems: Problems | None = None,
    path: Path | str | None = None,
    line: int | None = None,
    tag: str = "cite",
) -> CiteRequest:
    """Split `{% cite %}` arguments: bare words are keys, `-f/--file`, `-l/--locator`,
    `-L/--label` take a value, `-A/--suppress_author` is a flag. Unknown options and a tag
    without keys become Problems, named after `tag` (`cite`, `reference`, `quote`)."""
    request = CiteRequest()
    words = (argstr or "").split()
    index = 0
    while index < len(words):
        word = words[index]
        index += 1
        if word.startswith("-") and len(word) > 1:
            name, _, inline_value = word.lstrip("-").partition("=")
            if name in _FLAG_OPTIONS:
                request.suppress_author = True
                continue
            option = _VALUE_OPTIONS.get(name)
            if option is None:
                if problems is not None:
                    problems.add(
                        f"{tag}: unknown option `{word}`",
                        path,
                        line,
                        "supported: -f/--file, -l/--locator, -L/--label, -A/--suppress_author",
                    )
                continue
            value = inline_value
            if not value and index < len(words):
                value = words[index]
                index += 1
            if not value:
                if problems is not None:
                    problems.add(f"{tag}: option `{word}` needs a value", path, line)
                continue
            if option == "file":
                request.files.append(value[:-4] if value.endswith(".bib") else value)
            elif option == "locator":
                request.locator = value
            elif option == "label":
                request.label = value
            continue
        request.keys.append(word.strip(","))
    request.keys = [k for k in request.keys if k]
    if not request.keys and problems is not None:
        problems.add(f"{tag}: no citation key given", path, line, f"write `{{% {tag} key %}}`")
    return request


@dataclass(frozen=True)
class Citation:
    """One cited key: the entry when it is known, and where its link points (None = no link)."""

    key: str
    entry: Entry | None
    href: str | None = None


def _locator_text(locator: str | None, label: str | None) -> str:
    if not locator:
        return ""
    prefix = _LOCATOR_LABELS.get((label or "page").lower(), label or "p.")
    if prefix == "p." and re.search(r"[-–,]", locator):
        prefix = "pp."
    return f", {prefix} {locator}"


def _label(citation: Citation, suppress_author: bool) -> str:
    if citation.entry is None:
        return citation.key
    text = cite_text(citation.entry)
    if suppress_author:
        text = citation.entry.fields.get("year") or "n.d."
    return text


def citation_html(
    citations: Sequence[Citation],
    *,
    locator: str | None = None,
    label: str | None = None,
    suppress_author: bool = False,
) -> str:
    """The in-text citation: `<a class="citation" href="#k">(Einstein, 1950)</a>` for one key
    (jekyll-scholar's markup), `<span class="citation">(<a>…</a>; <a>…</a>)</span>` for several.
    An unknown key shows as the key itself in `span.citation-unknown`, unlinked."""
    tail = escape(_locator_text(locator, label))
    if len(citations) == 1 and citations[0].entry is not None and citations[0].href:
        only = citations[0]
        text = escape(_label(only, suppress_author))
        return f'<a class="citation" href="{escape(only.href or "")}">({text}{tail})</a>'
    parts = []
    for citation in citations:
        text = escape(_label(citation, suppress_author))
        if citation.entry is None:
            parts.append(f'<span class="citation-unknown">{text}</span>')
        elif citation.href:
            parts.append(f'<a href="{escape(citation.href)}">{text}</a>')
        else:
            parts.append(text)
    return f'<span class="citation">({"; ".join(parts)}{tail})</span>'


# -- full references ---------------------------------------------------------------------------


def _initials(given: str) -> str:
    """ "Albert" -> "A.", "Hendrik Antoon" -> "H. A.", "Jean-Paul" -> "J.-P.", "AH" -> "A. H."."""
    out = []
    for word in given.replace(".", ". ").split():
        initials = []
        for part in word.split("-"):
            part = part.strip(".")
            if not part:
                continue
            if part.isupper() and part.isalpha() and 1 < len(part) <= 3:
                initials.append(" ".join(f"{c}." for c in part))  # "AH": written as initials
            else:
                initials.append(f"{part[0]}.")
        if initials:
            out.append("-".join(initials))
    return " ".join(out)


def apa_author(author: Author) -> str:
    """ "Einstein, A.", "van den Dool, W.", "King, M. L., Jr." (plain text)."""
    text = author.full_last
    initials = _initials(author.given)
    if initials:
        text = f"{text}, {initials}" if text else initials
    if author.jr:
        text = f"{text}, {author.jr}"
    return text


def _apa_names(authors: Sequence[Author]) -> str:
    names = [apa_author(a) for a in authors if a.last != "others"]
    others = any(a.last == "others" for a in authors)
    if not names:
        return ""
    if len(names) > 20:
        return ", ".join(names[:19]) + ", … " + names[-1]
    if others:
        return ", ".join(names) + ", et al."
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + ", & " + names[-1]


def _end(text: str) -> str:
    """Close a sentence unless it already ends with punctuation."""
    stripped = text.rstrip()
    return stripped if stripped[-1:] in ".?!" else stripped + "."


def _close(html: str, last_text: str) -> str:
    """End an HTML piece with a period unless its text already ends a sentence."""
    return html if last_text.rstrip()[-1:] in (".", "?", "!") else html + "."


_ITALIC_TITLE_TYPES = frozenset(
    {"book", "phdthesis", "mastersthesis", "thesis", "techreport", "manual", "misc", "unpublished"}
)
_THESIS_KIND = {"phdthesis": "Doctoral dissertation", "mastersthesis": "Master's thesis"}


def _pages(pages: str) -> str:
    return re.sub(r"\s*-{1,3}\s*", "–", pages.strip())


def reference_html(entry: Entry) -> str:
    """An APA-style full reference as inline HTML (`span.reference`), every value escaped
    (the title keeps its safe HTML: math and protected capitals)."""
    f = entry.fields
    out: list[str] = []
    names = _apa_names(entry.authors) or _apa_names(entry.editors)
    year = f.get("year") or "n.d."
    if names:
        out.append(f"{escape(_end(names))} ({escape(year)}).")
    title_html = entry.title_html or escape(entry.key)
    title_end = "" if (entry.title or "").rstrip()[-1:] in (".", "?", "!") else "."
    title = f"<em>{title_html}</em>" if entry.type in _ITALIC_TITLE_TYPES else title_html
    if entry.type in _THESIS_KIND and f.get("school"):
        title += f" [{escape(_THESIS_KIND[entry.type])}, {escape(f['school'])}]"
    out.append(f"{title}{title_end}")
    if not names:
        out.append(f"({escape(year)}).")
    journal = f.get("journal")
    if journal:
        piece, last = f"<em>{escape(journal)}</em>", journal
        if f.get("volume"):
            piece += f", <em>{escape(f['volume'])}</em>"
            last = f["volume"]
            issue = f.get("number") or f.get("issue")
            if issue:
                piece += f"({escape(issue)})"
                last = ")"
        if f.get("pages"):
            piece += f", {escape(_pages(f['pages']))}"
            last = f["pages"]
        out.append(_close(piece, last))
    elif f.get("booktitle"):
        piece, last = f"In <em>{escape(f['booktitle'])}</em>", f["booktitle"]
        if f.get("pages"):
            piece += f" (pp. {escape(_pages(f['pages']))})"
            last = ")"
        out.append(_close(piece, last))
        if f.get("publisher"):
            out.append(escape(_end(f["publisher"])))
    elif f.get("publisher"):
        out.append(escape(_end(f["publisher"])))
    elif f.get("institution"):
        out.append(escape(_end(f["institution"])))
    link = None
    if f.get("doi"):
        link = doi_url(f["doi"])
    elif f.get("url") and f["url"].startswith(("http://", "https://")):
        link = f["url"]
    if link:
        out.append(f'<a href="{escape(link)}">{escape(link)}</a>')
    return f'<span class="reference">{" ".join(out)}</span>'
