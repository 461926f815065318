"""Year grouping as al-folio configures jekyll-scholar (`group_by: year`, `group_order: descending`).

Within a year, entries keep bib-file order (jekyll-scholar's `sort_by: none`). Entries without
a usable year go into one last group whose `year` is None and whose label is `UNDATED_LABEL`
("Undated"), whatever the order: jekyll-scholar would print them under an empty heading, and
putting them first would push real work below the fold.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

__all__ = ["UNDATED_LABEL", "Group", "group_by_year"]

T = TypeVar("T")

UNDATED_LABEL = "Undated"


@dataclass
class Group(Generic[T]):
    """One heading and its entries. `label` is None for an ungrouped list (no heading)."""

    label: str | None
    year: int | None
    entries: list[T] = field(default_factory=list)


def _year_of(item: object) -> int | None:
    year = getattr(item, "year", None)
    return year if isinstance(year, int) else None


def group_by_year(
    items: Iterable[T],
    *,
    group_by: str | None = "year",
    order: str | None = "descending",
    year_of: Callable[[T], int | None] = _year_of,
    undated_label: str = UNDATED_LABEL,
) -> list[Group[T]]:
    """Group `items` (entries or entry views) by year. With `group_by` "none" (or None) the
    result is one unlabelled group holding every item in its order."""
    items = list(items)
    if (group_by or "none").lower() != "year":
        return [Group(None, None, items)] if items else []
    buckets: dict[int, list[T]] = {}
    undated: list[T] = []
    for item in items:
        year = year_of(item)
        if year is None:
            undated.append(item)
        else:
            buckets.setdefault(year, []).append(item)
    descending = (order or "descending").lower() != "ascending"
    groups = [Group(str(year), year, buckets[year]) for year in sorted(buckets, reverse=descending)]
    if undated:
        groups.append(Group(undated_label, None, undated))
    return groups
