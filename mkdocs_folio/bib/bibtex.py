"""The clean BibTeX shown by the "Bib" button.

al-folio filters the entry text line by line (`hideCustomBibtex`), which leaves the
continuation lines of a multi-line `abstract` behind, and its BibTeX writer loses line breaks
(al-folio #3380). We serialise from the parsed fields instead: every filtered field goes whole,
values keep the line breaks they were written with, and author marks (`*`, `†`) are stripped.
It costs microseconds per entry (pybtex's writer costs milliseconds).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from html import escape

from mkdocs_folio.bib.model import Entry
from mkdocs_folio.bib.scanner import MONTH_MACROS

__all__ = ["DEFAULT_FILTERED_KEYWORDS", "entry_bibtex", "entry_bibtex_html"]

# al-folio v1's `filtered_bibtex_keywords` (identical in v0.16).
DEFAULT_FILTERED_KEYWORDS: tuple[str, ...] = (
    "abbr",
    "abstract",
    "additional_info",
    "altmetric",
    "annotation",
    "arxiv",
    "award",
    "award_name",
    "bibtex_show",
    "blog",
    "code",
    "dimensions",
    "eprint",
    "google_scholar_id",
    "hal",
    "html",
    "inspirehep_id",
    "pdf",
    "pmid",
    "poster",
    "preview",
    "selected",
    "slides",
    "supp",
    "video",
    "website",
)


def _fields(entry: Entry, filtered: Collection[str]) -> Iterable[tuple[str, str, bool]]:
    """(name, value, bare) for each kept field, in source order; `bare` = write unbraced."""
    for name, value in entry.raw_fields.items():
        if name in filtered:
            continue
        macro = entry.macro_fields.get(name)
        if macro is not None and macro.lower() in MONTH_MACROS:
            yield name, macro.lower(), True
        else:
            yield name, value, False


def _normalise(filtered: Iterable[str]) -> frozenset[str]:
    return filtered if isinstance(filtered, frozenset) else frozenset(f.lower() for f in filtered)


def entry_bibtex(entry: Entry, filtered: Iterable[str] = DEFAULT_FILTERED_KEYWORDS) -> str:
    """The entry as BibTeX text without the `filtered` fields (names compared lower-case)."""
    drop = _normalise(filtered)
    lines = [f"@{entry.type}{{{entry.key},"]
    body = [
        f"  {name} = {value}" if bare else f"  {name} = {{{value}}}"
        for name, value, bare in _fields(entry, drop)
    ]
    lines.append(",\n".join(body))
    lines.append("}")
    return "\n".join(line for line in lines if line)


def _esc(text: str) -> str:
    if "&" in text or "<" in text or ">" in text:
        return escape(text, quote=False)
    return text


def entry_bibtex_html(entry: Entry, filtered: Iterable[str] = DEFAULT_FILTERED_KEYWORDS) -> str:
    """The same text as escaped HTML with Pygments' token classes (`nc`, `nl`, `na`, `s`), so
    the theme's code colours apply without running a highlighter."""
    drop = _normalise(filtered)
    head = (
        f'<span class="nc">@{_esc(entry.type)}</span><span class="p">{{</span>'
        f'<span class="nl">{_esc(entry.key)}</span><span class="p">,</span>'
    )
    body = []
    for name, value, bare in _fields(entry, drop):
        shown = _esc(value) if bare else "{" + _esc(value) + "}"
        body.append(
            f'  <span class="na">{_esc(name)}</span> <span class="o">=</span> '
            f'<span class="s">{shown}</span>'
        )
    parts = [head]
    if body:
        parts.append('<span class="p">,</span>\n'.join(body))
    parts.append('<span class="p">}</span>')
    return "\n".join(parts)
