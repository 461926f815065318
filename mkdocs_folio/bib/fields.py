"""What a field's value means and how it is decoded: URL and identifier fields keep `~`, `--`
and `%` literally, al-folio's HTML fields keep `~`, every other field is LaTeX turned into
text; and months, written any of the ways BibTeX files do, shown as al-folio shows them.
"""

from __future__ import annotations

from mkdocs_folio.bib.latex import latex_to_text, unescape_url
from mkdocs_folio.bib.scanner import MONTH_MACROS

__all__ = ["MARKUP_FIELDS", "URL_FIELDS", "decode_field", "parse_month"]


_MONTH_ABBR = {name[:3].lower(): name[:3] for name in MONTH_MACROS.values()}
_MONTH_ALIASES = {
    **{full.lower(): full[:3] for full in MONTH_MACROS.values()},
    **{str(i + 1): name[:3] for i, name in enumerate(MONTH_MACROS.values())},
    **{f"{i + 1:02d}": name[:3] for i, name in enumerate(MONTH_MACROS.values())},
    "sept": "Sep",
}

# Fields holding URLs, identifiers or file names: `~`, `--` and `%` keep their literal meaning.
URL_FIELDS = frozenset(
    {
        "url",
        "doi",
        "pdf",
        "html",
        "supp",
        "supplementary",
        "code",
        "website",
        "blog",
        "poster",
        "slides",
        "video",
        "preview",
        "arxiv",
        "hal",
        "eprint",
        "altmetric",
        "dimensions",
        "google_scholar_id",
        "inspirehep_id",
        "pmid",
        "isbn",
        "issn",
        "file",
        "adsurl",
        "biburl",
        "link",
        "urldate",
    }
)

# Fields that al-folio defines as HTML/Markdown: LaTeX is decoded, but `~` stays (URLs).
MARKUP_FIELDS = frozenset({"award", "annotation", "additional_info"})


_TILDE_SENTINEL = "\ue000"


def parse_month(value: str | None) -> str | None:
    """al-folio shows a capitalised month: "jan", "January", "1" -> "Jan"; others as given."""
    if not value:
        return None
    text = value.strip().rstrip(".")
    if not text:
        return None
    lower = text.lower()
    if lower in _MONTH_ALIASES:
        return _MONTH_ALIASES[lower]
    if lower[:3] in _MONTH_ABBR and len(lower) == 3:
        return _MONTH_ABBR[lower]
    return text[:1].upper() + text[1:]


def _decode_markup(value: str) -> str:
    if "\\" not in value and "{" not in value and "}" not in value:
        return value
    protected = value.replace("~", _TILDE_SENTINEL)
    return latex_to_text(protected).replace(_TILDE_SENTINEL, "~")


def decode_field(name: str, value: str) -> str:
    if name in URL_FIELDS:
        return unescape_url(value)
    if name in MARKUP_FIELDS:
        return _decode_markup(" ".join(value.split()))
    return latex_to_text(value)
