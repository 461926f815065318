"""Everything a publication entry shows, precomputed by al-folio's rules (templates only print).

`bib_settings()` reads the site's publication switches once per build (`_config.yml`, the
`coauthors`, `venues` and `citations` data files); `entry_view()` turns one `Entry` into an
`EntryView`: badge, preview, title, authors (owner highlighted, co-authors linked, marks as
superscripts, truncation), venue line, note, buttons in al-folio's order, the clean BibTeX and
the optional badges.

Escaping contract for templates: fields named `*_html` are safe HTML (built here, escaped where
needed); every other string is plain text and must be printed with `| e`.

The parts live beside this module: `settings` (`bib_settings`, `BibSettings`), `links` (DOI,
arXiv and file URLs), `badges` (the metrics badges) and `names` (how names are compared).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from mkdocs_folio.bib.badges import THIRD_PARTY_SCRIPTS, BadgeView, entry_badges
from mkdocs_folio.bib.bibtex import DEFAULT_FILTERED_KEYWORDS, entry_bibtex, entry_bibtex_html
from mkdocs_folio.bib.group import UNDATED_LABEL, Group, group_by_year
from mkdocs_folio.bib.links import arxiv_url, asset_url, doi_url, is_url, local_files, safe_url
from mkdocs_folio.bib.model import Author, Entry
from mkdocs_folio.bib.names import coauthor_key, name_key
from mkdocs_folio.bib.safehtml import balance_html
from mkdocs_folio.bib.settings import BibSettings, details_key, with_details
from mkdocs_folio.markup import unwrap_paragraph

# `details_key`, `local_files` and `with_details` are re-exported: the features import them
# from here.
__all__ = [
    "AuthorView",
    "BibListView",
    "ButtonView",
    "EntryView",
    "PreviewView",
    "bibliography_view",
    "cite_text",
    "details_key",
    "entry_view",
    "entry_views",
    "local_files",
    "with_details",
]


_VIDEO_EXTENSIONS = (".mp4", ".webm", ".ogg", ".ogv", ".mov")
_IN_TYPES = frozenset({"inproceedings", "incollection", "conference", "inbook"})
_THESIS_TYPES = frozenset({"phdthesis", "mastersthesis", "thesis", "bachelorsthesis"})


@dataclass(frozen=True, slots=True)
class AuthorView:
    """One shown author. `name` is in reading order ("Marie Curie", "Piet van der Berg") as
    al-folio v0.16/v1 print it; `author.display()` gives "Curie, Marie" for other layouts.
    `sep` is the text printed before the name (", ", " and ", ", and ")."""

    name: str
    marks: str
    owner: bool
    url: str | None
    sep: str
    author: Author


@dataclass(frozen=True, slots=True)
class ButtonView:
    """A link (`url`) or a toggle (`toggle` = class of the hidden block: award/abstract/bibtex/
    video). `kind` is a stable name (pdf, doi, ...), `label` what al-folio prints."""

    kind: str
    label: str
    url: str | None = None
    toggle: str | None = None


@dataclass(frozen=True, slots=True)
class PreviewView:
    src: str
    alt: str
    video: bool


@dataclass(frozen=True, slots=True)
class EntryView:
    """Everything `partials/folio/bib/entry.html` prints for one entry."""

    entry: Entry
    key: str
    type: str
    year: int | None
    selected: bool
    show_abbr_column: bool
    main_class: str  # "col-sm-8" with the badge column, "col-sm-10" without
    abbr: str | None
    abbr_color: str | None
    abbr_url: str | None
    preview: PreviewView | None
    title: str
    title_html: str
    title_url: str | None
    authors: tuple[AuthorView, ...]
    more_authors_count: int
    more_authors_sep: str  # ", and " before the "N more authors" control
    more_authors_label: str  # "2 more authors"
    more_authors_title: str  # "click to view 2 more authors"
    more_authors_text: str  # "First Last, First Last" revealed on click
    animation_delay: int
    annotation_html: str | None
    # venue line: ("em" | "text" | "html", value) pieces with separators included
    periodical: tuple[tuple[str, str], ...]
    venue: str | None
    date: str
    note: str | None
    buttons: tuple[ButtonView, ...]
    abstract: str | None
    award_html: str | None
    bibtex_html: str | None  # None unless the entry sets `bibtex_show`
    video_embed: str | None
    badges: tuple[BadgeView, ...]
    bibtex_filter: frozenset[str] = frozenset(DEFAULT_FILTERED_KEYWORDS)

    @property
    def bibtex(self) -> str | None:
        """The "Bib" text (plain), computed on demand: templates print `bibtex_html`."""
        if self.bibtex_html is None:
            return None
        return entry_bibtex(self.entry, self.bibtex_filter)

    @property
    def scripts(self) -> tuple[str, ...]:
        """Third-party scripts this entry needs (only for badges the site enabled)."""
        kinds = {b.kind for b in self.badges}
        return tuple(THIRD_PARTY_SCRIPTS[k] for k in ("altmetric", "dimensions") if k in kinds)


def _is_owner(author: Author, settings: BibSettings) -> bool:
    if not settings.scholar_last_names:
        return False
    if name_key(author.last) not in settings.scholar_last_names and (
        name_key(author.full_last) not in settings.scholar_last_names
    ):
        return False
    if settings.scholar_first_names is None:
        return True
    return name_key(author.given) in settings.scholar_first_names


def _coauthor_url(author: Author, settings: BibSettings) -> str | None:
    links = settings.coauthors.get(coauthor_key(author.last))
    if not links:
        return None
    given = name_key(author.given)
    for link in links:
        if given in link.firstnames:
            return safe_url(link.url)
    return None


@lru_cache(maxsize=16384)
def _natural(author: Author) -> str:
    return author.natural()


@lru_cache(maxsize=16384)
def _author_style(author: Author, settings: BibSettings) -> tuple[bool, str | None]:
    """(is the site owner, co-author link): the same few names recur in every entry."""
    if _is_owner(author, settings):
        return True, None
    return False, _coauthor_url(author, settings)


def _author_views(
    entry: Entry, settings: BibSettings
) -> tuple[tuple[AuthorView, ...], list[Author]]:
    authors = entry.authors
    limit = settings.max_author_limit
    truncated = limit is not None and len(authors) > limit
    shown = authors[:limit] if truncated else authors
    total = len(shown)
    views = []
    for index, author in enumerate(shown):
        if index == 0:
            sep = ""
        elif truncated or index < total - 1:
            sep = ", "
        else:
            sep = " and " if total == 2 else ", and "
        owner, url = _author_style(author, settings)
        views.append(AuthorView(_natural(author), author.marks, owner, url, sep, author))
    hidden = list(authors[limit:]) if truncated else []
    return tuple(views), hidden


def _periodical(
    entry: Entry, settings: BibSettings
) -> tuple[tuple[tuple[str, str], ...], str | None, str]:
    fields = entry.fields
    venue = None
    if fields.get("journal"):
        venue = fields["journal"]
    elif entry.type in _IN_TYPES and fields.get("booktitle"):
        venue = f"In {fields['booktitle']}"
    elif entry.type in _THESIS_TYPES and fields.get("school"):
        venue = fields["school"]
    parts: list[tuple[str, str]] = []
    if venue:
        parts.append(("em", venue))
    if fields.get("location"):
        parts.append(("text", (", " if parts else "") + fields["location"]))
    if fields.get("additional_info"):
        parts.append(
            (
                "html",
                balance_html(unwrap_paragraph(settings.markdownify(fields["additional_info"]))),
            )
        )
    year_text = fields.get("year", "")
    date = " ".join(p for p in (entry.month or "", year_text) if p)
    if date:
        parts.append(("text", (", " if parts else "") + date))
    return tuple(parts), venue, date


def _buttons(entry: Entry, settings: BibSettings) -> tuple[ButtonView, ...]:
    f = entry.fields
    base = settings.baseurl
    buttons: list[ButtonView] = []
    if f.get("award"):
        buttons.append(ButtonView("award", f.get("award_name") or "Awarded", toggle="award"))
    if f.get("abstract"):
        buttons.append(ButtonView("abstract", "Abs", toggle="abstract"))
    if f.get("doi"):
        buttons.append(ButtonView("doi", "DOI", doi_url(f["doi"])))
    if f.get("arxiv"):
        buttons.append(ButtonView("arxiv", "arXiv", arxiv_url(f["arxiv"])))
    if f.get("hal"):
        hal = f["hal"].strip()
        url = safe_url(hal) if is_url(hal) else f"https://hal.science/{hal}"
        buttons.append(ButtonView("hal", "HAL", url))
    if entry.flag("bibtex_show"):
        buttons.append(ButtonView("bibtex", "Bib", toggle="bibtex"))
    if f.get("html"):
        buttons.append(ButtonView("html", "HTML", asset_url(f["html"], "html", base)))
    if f.get("pdf"):
        buttons.append(ButtonView("pdf", "PDF", asset_url(f["pdf"], "pdf", base)))
    supp = f.get("supp") or f.get("supplementary")
    if supp:
        buttons.append(ButtonView("supp", "Supp", asset_url(supp, "pdf", base)))
    if f.get("video"):
        if settings.enable_video_embedding:
            buttons.append(ButtonView("video", "Video", toggle="video"))
        else:
            buttons.append(ButtonView("video", "Video", safe_url(f["video"])))
    for kind, label in (("blog", "Blog"), ("code", "Code")):
        if f.get(kind):
            buttons.append(ButtonView(kind, label, safe_url(f[kind].strip())))
    for kind, label in (("poster", "Poster"), ("slides", "Slides")):
        if f.get(kind):
            buttons.append(ButtonView(kind, label, asset_url(f[kind], "pdf", base)))
    if f.get("website"):
        buttons.append(ButtonView("website", "Website", safe_url(f["website"].strip())))
    return tuple(buttons)


def _preview(entry: Entry, settings: BibSettings) -> PreviewView | None:
    if not settings.enable_publication_thumbnails:
        return None
    value = (entry.fields.get("preview") or "").strip()
    if not value:
        return None
    src = (
        safe_url(value)
        if is_url(value)
        else f"{settings.baseurl}/assets/img/publication_preview/{value.lstrip('/')}"
    )
    path = value.split("?", 1)[0].split("#", 1)[0].lower()
    return PreviewView(src, value, path.endswith(_VIDEO_EXTENSIONS))


def entry_view(entry: Entry, settings: BibSettings) -> EntryView:
    """Precompute one entry's display (see the module docstring for the escaping contract)."""
    f = entry.fields
    authors, hidden = _author_views(entry, settings)
    count = len(hidden)
    label = f"{count} more author{'s' if count != 1 else ''}" if count else ""
    periodical, venue, date = _periodical(entry, settings)
    abbr = f.get("abbr") or None
    venue_style = settings.venues.get(abbr) if abbr else None
    thumbnails = settings.enable_publication_thumbnails
    show_bib = entry.flag("bibtex_show")
    filtered = settings.filtered_bibtex_keywords
    award = f.get("award")
    annotation = f.get("annotation")
    video = f.get("video") if settings.enable_video_embedding else None
    return EntryView(
        entry=entry,
        key=entry.key,
        type=entry.type,
        year=entry.year,
        selected=entry.flag("selected"),
        show_abbr_column=thumbnails,
        main_class="col-sm-8" if thumbnails else "col-sm-10",
        abbr=abbr,
        abbr_color=venue_style.color if venue_style else None,
        abbr_url=safe_url(venue_style.url) if venue_style and venue_style.url else None,
        preview=_preview(entry, settings),
        title=entry.title,
        title_html=entry.title_html,
        title_url=settings.details_urls.get(details_key(entry)),
        authors=authors,
        more_authors_count=count,
        more_authors_sep=", and " if count else "",
        more_authors_label=label,
        more_authors_title=f"click to view {label}" if count else "",
        more_authors_text=", ".join(_natural(a) + a.marks for a in hidden),
        animation_delay=settings.more_authors_animation_delay,
        annotation_html=balance_html(annotation) if annotation else None,
        periodical=periodical,
        venue=venue,
        date=date,
        note=f.get("note") or None,
        buttons=_buttons(entry, settings),
        abstract=f.get("abstract") or None,
        award_html=balance_html(unwrap_paragraph(settings.markdownify(award))) if award else None,
        bibtex_html=entry_bibtex_html(entry, filtered) if show_bib else None,
        video_embed=safe_url(video.strip()) if video else None,
        badges=entry_badges(entry, settings),
        bibtex_filter=filtered,
    )


_VIEW_CACHE: dict[tuple[Entry, str], EntryView] = {}
_VIEW_CACHE_MAX = 50_000


def entry_views(entries: Iterable[Entry], settings: BibSettings) -> list[EntryView]:
    """`entry_view` for many entries, memoised on (entry object, settings fingerprint): with
    the bib cache returning the same entries on an unchanged file, a rebuild recomputes none."""
    if len(_VIEW_CACHE) > _VIEW_CACHE_MAX:
        _VIEW_CACHE.clear()
    result = []
    fingerprint = settings.fingerprint
    for entry in entries:
        key = (entry, fingerprint)
        view = _VIEW_CACHE.get(key)
        if view is None:
            view = _VIEW_CACHE[key] = entry_view(entry, settings)
        result.append(view)
    return result


@dataclass(frozen=True)
class BibListView:
    """What `partials/folio/bib/list.html` prints: year groups (or one unlabelled group)."""

    groups: tuple[Group[EntryView], ...]
    heading_tag: str = "h2"
    # settings fingerprint + grouping + every entry's digest: equal keys render equal HTML,
    # so an adapter can reuse the rendered list on a rebuild (given the same template)
    cache_key: str = ""
    # plain fields rather than properties, so templates need no Python calls
    grouped: bool = False  # any year heading to print
    scripts: tuple[str, ...] = ()  # third-party badge scripts the entries need

    @property
    def entries(self) -> list[EntryView]:
        return [v for g in self.groups for v in g.entries]


def bibliography_view(
    entries: Sequence[Entry] | Iterable[Entry],
    settings: BibSettings,
    *,
    group_by: str | None = "year",
    group_order: str | None = "descending",
    undated_label: str = UNDATED_LABEL,
) -> BibListView:
    """Views of `entries` grouped for `list.html` (al-folio: `group_by: year`, descending)."""
    views = entry_views(entries, settings)
    groups = group_by_year(views, group_by=group_by, order=group_order, undated_label=undated_label)
    key = hashlib.sha1(usedforsecurity=False)
    key.update(f"{settings.fingerprint}\0{group_by}\0{group_order}\0{undated_label}".encode())
    for group in groups:
        key.update(f"\1{group.label}".encode())
        key.update("".join(v.entry.digest or f"?{id(v.entry)}" for v in group.entries).encode())
    scripts: dict[str, None] = {}
    for view in views:
        for src in view.scripts:
            scripts.setdefault(src, None)
    return BibListView(
        tuple(groups),
        cache_key=key.hexdigest(),
        grouped=any(g.label is not None for g in groups),
        scripts=tuple(scripts),
    )


def cite_text(entry: Entry) -> str:
    """An APA-style in-text citation without parentheses: "Einstein, 1950",
    "Einstein & Taub, 1950", "Einstein et al., 1935" (al-folio's default `style: apa`)."""
    names = [a.full_last or a.given for a in entry.authors if a.last != "others"]
    if not names:
        names = [a.full_last or a.given for a in entry.editors]
    if not names:
        who = entry.title or entry.key
    elif len(names) == 1:
        who = names[0]
    elif len(names) == 2 and len(entry.authors) == 2:
        who = f"{names[0]} & {names[1]}"
    else:
        who = f"{names[0]} et al."
    when = entry.fields.get("year") or "n.d."
    return f"{who}, {when}"
