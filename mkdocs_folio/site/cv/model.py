"""The shape every CV becomes, whatever data it came from: a `Cv` of contact rows, a summary
and `CvSection`s of `CvEntry`s, which one template (`layouts/cv.html`) draws. Text fields
hold HTML already converted by the caller's `Inline` function.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from mkdocs_folio.site.permalinks import slugify

__all__ = ["Cv", "CvEntry", "CvGroup", "CvItem", "CvLink", "CvSection", "Inline"]


Inline = Callable[[str], str]


@dataclass
class CvLink:
    name: str
    url: str


@dataclass
class CvItem:
    html: str
    children: list[str] = field(default_factory=list)


@dataclass
class CvEntry:
    """One line of a section. Timeline entries use date/location/title/...; rows of a map or
    a skills list use name/value; list entries use `html`."""

    date: str = ""
    location: str = ""
    title: str = ""
    title_url: str = ""
    subtitle: str = ""
    detail: str = ""
    summary: str = ""
    items: list[CvItem] = field(default_factory=list)
    links: list[CvLink] = field(default_factory=list)
    name: str = ""
    value: str = ""
    icon: str = ""
    keywords: list[str] = field(default_factory=list)
    html: str = ""


@dataclass
class CvGroup:
    """A `list_groups` category: an icon, a name and its items (name, level, school...)."""

    category: str
    icon: str
    entries: list[CvEntry]


@dataclass
class CvSection:
    title: str
    kind: str  # timeline | map | list | nested_list | list_groups | skills | references
    entries: list[CvEntry] = field(default_factory=list)
    groups: list[CvGroup] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return slugify(self.title) or "section"


@dataclass
class Cv:
    source: str  # rendercv | jsonresume | list
    contact: list[tuple[str, str, str]] = field(default_factory=list)
    """(label, text, url) rows of the "Contact Information" card."""
    summary: str = ""
    sections: list[CvSection] = field(default_factory=list)
