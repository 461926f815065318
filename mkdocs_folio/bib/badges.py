"""The metrics badges of an entry: Altmetric and Dimensions (placeholders their own scripts
fill, loaded only where a page shows one and the site enabled it), Google Scholar and
INSPIRE-HEP (plain links with the count from `_data/citations.yml`; no request is made).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from mkdocs_folio.bib.model import Entry
from mkdocs_folio.bib.settings import BibSettings
from mkdocs_folio.site.config import as_bool

__all__ = ["THIRD_PARTY_SCRIPTS", "BadgeView", "entry_badges"]


# Loaded only when a page shows such a badge and the site enabled it.
THIRD_PARTY_SCRIPTS = {
    "altmetric": "https://embed.altmetric.com/assets/embed.js",
    "dimensions": "https://badge.dimensions.ai/badge.js",
}


@dataclass(frozen=True, slots=True)
class BadgeView:
    """A metrics badge. altmetric/dimensions are placeholders (`css_class` + `attrs`) filled by
    their script; scholar/inspire are plain links with an optional count (no request made)."""

    kind: str
    label: str
    url: str | None = None
    count: int | None = None
    css_class: str = ""
    attrs: tuple[tuple[str, str], ...] = ()


def _scholar_count(citations: Mapping[str, int], userid: str, paper: str) -> int | None:
    """`_data/citations.yml` is keyed "<userid>:<paper id>"; like al-folio v1, also accept the
    bare paper id, or any key that contains it (files written by older workflow versions)."""
    count = citations.get(f"{userid}:{paper}")
    if count is None:
        count = citations.get(paper)
    if count is None:
        suffix = f":{paper}"
        count = next((n for key, n in citations.items() if key.endswith(suffix)), None)
    return count


def entry_badges(entry: Entry, settings: BibSettings) -> tuple[BadgeView, ...]:
    f = entry.fields
    badges: list[BadgeView] = []
    if settings.badge_altmetric and f.get("altmetric"):
        value = f["altmetric"].strip()
        attr = None
        if as_bool(value):
            for name, data_attr in (
                ("arxiv", "data-arxiv-id"),
                ("eprint", "data-arxiv-id"),
                ("doi", "data-doi"),
                ("pmid", "data-pmid"),
                ("isbn", "data-isbn"),
            ):
                if f.get(name):
                    attr = (data_attr, f[name].strip())
                    break
        elif value.lower() not in ("false", "no", "0"):
            attr = ("data-altmetric-id", value)
        if attr is not None:
            badges.append(
                BadgeView(
                    "altmetric",
                    "Altmetric",
                    css_class="altmetric-embed",
                    attrs=(
                        ("data-badge-type", "2"),
                        ("data-badge-popover", "right"),
                        ("data-hide-no-mentions", "true"),
                        attr,
                    ),
                )
            )
    if settings.badge_dimensions and f.get("dimensions"):
        value = f["dimensions"].strip()
        attr = None
        if as_bool(value):
            if f.get("doi"):
                attr = ("data-doi", f["doi"].strip())
            elif f.get("pmid"):
                attr = ("data-pmid", f["pmid"].strip())
        elif value.lower() not in ("false", "no", "0"):
            attr = ("data-id", value)
        if attr is not None:
            badges.append(
                BadgeView(
                    "dimensions",
                    "Dimensions",
                    css_class="__dimensions_badge_embed__",
                    attrs=(
                        ("data-hide-zero-citations", "true"),
                        ("data-style", "small_rectangle"),
                        ("data-legend", "hover-right"),
                        attr,
                    ),
                )
            )
    userid = settings.scholar_userid
    if settings.badge_google_scholar and f.get("google_scholar_id") and userid:
        paper = f["google_scholar_id"].strip()
        badges.append(
            BadgeView(
                "google_scholar",
                "scholar",
                url=(
                    "https://scholar.google.com/citations?view_op=view_citation&hl=en"
                    f"&user={userid}&citation_for_view={userid}:{paper}"
                ),
                count=_scholar_count(settings.citations, userid, paper),
                css_class="badge-scholar",
            )
        )
    if settings.badge_inspirehep and f.get("inspirehep_id"):
        record = f["inspirehep_id"].strip()
        badges.append(
            BadgeView(
                "inspirehep",
                "inspire",
                url=f"https://inspirehep.net/literature/{record}",
                count=settings.citations.get(f"inspirehep:{record}"),
                css_class="badge-inspire",
            )
        )
    return tuple(badges)
