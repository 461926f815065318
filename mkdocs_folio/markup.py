"""HTML facts and small helpers that several parts of the core share, written once.

The search indexer (`site/searchtext.py`) and the BibTeX field sanitiser (`bib/safehtml.py`)
both walk tags and must agree on which elements never have an end tag; a Markdown fragment
shown inline (a `{% details %}` summary, a bib `award`) loses its lone `<p>` the same way
everywhere.
"""

from __future__ import annotations

import re

__all__ = ["UNSAFE_URL", "VOID_ELEMENTS", "unwrap_paragraph"]

VOID_ELEMENTS = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    }
)
"""Elements without content or end tag (the HTML parser still treats `param` as one)."""

UNSAFE_URL = re.compile(r"^\s*(javascript|vbscript|data):", re.IGNORECASE)
"""Link targets that run code or smuggle content: shown as `#` where user text makes links."""


def unwrap_paragraph(fragment: str) -> str:
    """Markdown output of one paragraph without its `<p>`, for inline use; several paragraphs
    are left as they are."""
    fragment = fragment.strip()
    if fragment.startswith("<p>") and fragment.endswith("</p>") and fragment.count("<p>") == 1:
        return fragment[3:-4]
    return fragment
