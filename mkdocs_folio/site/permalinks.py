"""Jekyll permalink templates (`/blog/:year/:title/`, `/news/:path/`) expanded for documents."""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime

from mkdocs_folio.site.dates import MONTHS

_PLACEHOLDER = re.compile(r":([a-z_]+)")


def slugify(text: str, mode: str = "default") -> str:
    """Jekyll's `slugify` (default mode): lower-case, non-alphanumerics to single hyphens.

    `pretty` keeps `._~!$&'()+,;=@`; `ascii` also drops non-ASCII letters; `latin` first
    transliterates accents. `raw` only replaces spaces.
    """
    if mode == "none":
        return text
    if mode == "latin":
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
        mode = "default"
    if mode == "raw":
        pattern = r"\s+"
    elif mode == "pretty":
        pattern = r"[^\w._~!$&'()+,;=@]+"
    elif mode == "ascii":
        pattern = r"[^a-zA-Z0-9]+"
    else:
        pattern = r"[^\w]+|_+"
    slug = re.sub(pattern, "-", text, flags=re.UNICODE)
    return slug.strip("-").lower()


def expand_permalink(template: str, values: dict[str, str]) -> str:
    """Replace `:name` placeholders; unknown ones are left out, and `//` collapses."""

    def replace(match: re.Match[str]) -> str:
        return values.get(match.group(1), "")

    url = _PLACEHOLDER.sub(replace, template)
    url = re.sub(r"/{2,}", "/", url)
    return url if url.startswith("/") else "/" + url


def document_values(
    *,
    collection: str,
    path: str,
    slug: str,
    date: datetime | None,
    categories: list[str] | None = None,
    output_ext: str = "",
) -> dict[str, str]:
    """The placeholder values Jekyll gives a document."""
    values = {
        "collection": collection,
        "path": path,
        "name": slug,
        "title": slug,
        "slug": slug,
        "output_ext": output_ext,
        "categories": "/".join(slugify(c) for c in categories or []),
    }
    if date is not None:
        values.update(
            year=f"{date.year:04d}",
            short_year=f"{date.year % 100:02d}",
            month=f"{date.month:02d}",
            i_month=str(date.month),
            short_month=MONTHS[date.month - 1][:3],
            long_month=MONTHS[date.month - 1],
            day=f"{date.day:02d}",
            i_day=str(date.day),
            y_day=f"{date.timetuple().tm_yday:03d}",
            hour=f"{date.hour:02d}",
            minute=f"{date.minute:02d}",
            second=f"{date.second:02d}",
        )
    return values
