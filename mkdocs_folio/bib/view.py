"""Everything a publication entry shows, precomputed by al-folio's rules (templates only print).

`bib_settings()` reads the site's publication switches once per build (`_config.yml`, the
`coauthors`, `venues` and `citations` data files); `entry_view()` turns one `Entry` into an
`EntryView`: badge, preview, title, authors (owner highlighted, co-authors linked, marks as
superscripts, truncation), venue line, note, buttons in al-folio's order, the clean BibTeX and
the optional badges.

Escaping contract for templates: fields named `*_html` are safe HTML (built here, escaped where
needed); every other string is plain text and must be printed with `| e`.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from mkdocs_folio.bib.bibtex import DEFAULT_FILTERED_KEYWORDS, entry_bibtex, entry_bibtex_html
from mkdocs_folio.bib.group import UNDATED_LABEL, Group, group_by_year
from mkdocs_folio.bib.inline import inline_markdown
from mkdocs_folio.bib.model import Author, Entry
from mkdocs_folio.bib.safehtml import balance_html
from mkdocs_folio.markup import UNSAFE_URL, unwrap_paragraph
from mkdocs_folio.problems import Problems
from mkdocs_folio.site.config import as_bool
from mkdocs_folio.site.yamlfile import line_of

__all__ = [
    "THIRD_PARTY_SCRIPTS",
    "AuthorView",
    "BadgeView",
    "BibListView",
    "BibSettings",
    "ButtonView",
    "CoauthorLink",
    "EntryView",
    "PreviewView",
    "Venue",
    "bib_settings",
    "bibliography_view",
    "cite_text",
    "details_key",
    "entry_view",
    "entry_views",
    "remove_accents",
    "with_details",
]

# Loaded only when a page shows such a badge and the site enabled it.
THIRD_PARTY_SCRIPTS = {
    "altmetric": "https://embed.altmetric.com/assets/embed.js",
    "dimensions": "https://badge.dimensions.ai/badge.js",
}

_VIDEO_EXTENSIONS = (".mp4", ".webm", ".ogg", ".ogv", ".mov")
_IN_TYPES = frozenset({"inproceedings", "incollection", "conference", "inbook"})
_THESIS_TYPES = frozenset({"phdthesis", "mastersthesis", "thesis", "bachelorsthesis"})
_COLOR_RE = re.compile(
    r"^(#[0-9a-fA-F]{3,8}|[a-zA-Z]{3,30}|(rgb|rgba|hsl|hsla)\([0-9.,%\s/a-z-]{3,60}\)|var\(--[\w-]+\))$"
)
_URL_SCHEME_RE = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_EXTRA_LETTERS = str.maketrans(
    {"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe",
     "Œ": "OE", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "TH", "ı": "i"}
)  # fmt: skip


def remove_accents(text: str) -> str:
    """ "Schrödinger" -> "Schrodinger", "Łukasz" -> "Lukasz" (al-folio's `remove_accents`)."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text.translate(_EXTRA_LETTERS))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=16384)
def _name_key(text: str) -> str:
    """Lenient name comparison: case, dots and spaces do not matter ("Yuki M." == "yuki m")."""
    return re.sub(r"[.\s]+", "", unicodedata.normalize("NFC", text)).casefold()


def coauthor_key(last: str) -> str:
    """The `_data/coauthors.yml` key for a last name: lower-case, accents removed."""
    return remove_accents(last).strip().lower()


# -- settings ------------------------------------------------------------------------------


@dataclass(frozen=True)
class CoauthorLink:
    firstnames: frozenset[str]  # `_name_key`s of the accepted spellings
    url: str


@dataclass(frozen=True)
class Venue:
    color: str | None = None
    url: str | None = None


@dataclass(frozen=True, eq=False)
class BibSettings:
    """The site's publication switches, normalised. Build with `bib_settings()`."""

    baseurl: str = ""
    scholar_last_names: frozenset[str] = frozenset()
    # None = `scholar.first_name` not configured: the owner is matched by last name alone
    scholar_first_names: frozenset[str] | None = None
    scholar_userid: str | None = None
    max_author_limit: int | None = None
    more_authors_animation_delay: int = 10
    filtered_bibtex_keywords: frozenset[str] = frozenset(DEFAULT_FILTERED_KEYWORDS)
    enable_publication_thumbnails: bool = True
    badge_altmetric: bool = False
    badge_dimensions: bool = False
    badge_google_scholar: bool = False
    badge_inspirehep: bool = False
    enable_video_embedding: bool = False
    coauthors: Mapping[str, tuple[CoauthorLink, ...]] = field(default_factory=dict)
    venues: Mapping[str, Venue] = field(default_factory=dict)
    citations: Mapping[str, int] = field(default_factory=dict)
    markdownify: Callable[[str], str] = inline_markdown
    # per-publication pages: Entry.digest (or key) -> page URL; the title links there
    details_urls: Mapping[str, str] = field(default_factory=dict)
    fingerprint: str = ""

    # Settings are memo keys (`lru_cache`, the view cache): equality is the fingerprint's, so
    # a lookup never compares the mappings (thousands of `details_urls`) field by field.
    def __hash__(self) -> int:
        return hash(self.fingerprint)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, BibSettings):
            return NotImplemented
        return self.fingerprint == other.fingerprint


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, (list, tuple, set, frozenset)):
        return [str(v).strip() for v in value if v is not None and str(v).strip()]
    text = str(value).strip()
    return [text] if text else []


def _int_setting(
    config: Mapping[str, Any],
    key: str,
    default: int | None,
    problems: Problems | None,
    path: Path | str | None,
) -> int | None:
    value = config.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        return default
    if isinstance(value, bool):
        value = None
    try:
        number = int(str(value).strip()) if value is not None else None
    except ValueError:
        number = None
    if number is None or number < 0:
        if problems is not None:
            problems.add(
                f"`{key}` should be a whole number, got `{config.get(key)}`",
                path,
                line_of(config, key),
                "leave it blank for the default",
            )
        return default
    return number


def bib_settings(
    config: Mapping[str, Any],
    data: Mapping[str, Any],
    baseurl: str = "",
    scholar_userid: str | None = None,
    *,
    markdownify: Callable[[str], str] | None = None,
    problems: Problems | None = None,
    config_path: Path | str | None = None,
    data_dir: Path | str | None = None,
) -> BibSettings:
    """Read the publication settings from `_config.yml` (`config`) and `_data` (`data`, a
    mapping of data-file name -> content). Bad values become Problems and defaults.

    - `scholar.last_name` / `first_name`: lists or bare strings (old configs). Without any
      `first_name`, the owner is recognised by last name alone (as older forks did).
    - `max_author_limit`: blank = show all; `more_authors_animation_delay` (ms per character).
    - `filtered_bibtex_keywords`: default al-folio v1's list.
    - `enable_publication_thumbnails`: default true (before the switch existed, al-folio
      always showed the badge column).
    - `enable_publication_badges.{altmetric,dimensions,google_scholar,inspirehep}` or the legacy
      `badges.{altmetric_badge,dimensions_badge}`.
    - `markdownify`: converter for Markdown fields; keep it a stable, module-level function,
      since its qualified name is part of `fingerprint` (the memo key of entry views).
    """
    config = config or {}
    data = data or {}
    scholar = config.get("scholar") or {}
    if not isinstance(scholar, Mapping):
        scholar = {}
    last_names = frozenset(_name_key(n) for n in _as_list(scholar.get("last_name")))
    first_raw = scholar.get("first_name")
    first_names = (
        None if first_raw is None else frozenset(_name_key(n) for n in _as_list(first_raw))
    )
    max_authors = _int_setting(config, "max_author_limit", None, problems, config_path)
    if max_authors == 0:
        max_authors = None
    delay = _int_setting(config, "more_authors_animation_delay", 10, problems, config_path)
    filtered_raw = config.get("filtered_bibtex_keywords")
    filtered = (
        frozenset(DEFAULT_FILTERED_KEYWORDS)
        if filtered_raw is None
        else frozenset(k.lower() for k in _as_list(filtered_raw))
    )
    thumbnails = config.get("enable_publication_thumbnails")
    badges = config.get("enable_publication_badges")
    legacy = config.get("badges")
    switches = {
        "altmetric": False,
        "dimensions": False,
        "google_scholar": False,
        "inspirehep": False,
    }
    if isinstance(badges, Mapping):
        for name in switches:
            switches[name] = as_bool(badges.get(name))
    elif isinstance(legacy, Mapping):
        switches["altmetric"] = as_bool(legacy.get("altmetric_badge"))
        switches["dimensions"] = as_bool(legacy.get("dimensions_badge"))
    userid = (scholar_userid or "").strip() or None

    data_dir_path = Path(data_dir) if data_dir is not None else None
    coauthors = _coauthors(data.get("coauthors"), problems, data_dir_path)
    venues = _venues(data.get("venues"), problems, data_dir_path)
    citations = _citations(data.get("citations"))
    md = markdownify or inline_markdown

    settings = BibSettings(
        baseurl=(baseurl or "").rstrip("/"),
        scholar_last_names=last_names,
        scholar_first_names=first_names,
        scholar_userid=userid,
        max_author_limit=max_authors,
        more_authors_animation_delay=delay if delay is not None else 10,
        filtered_bibtex_keywords=filtered,
        enable_publication_thumbnails=True if thumbnails is None else as_bool(thumbnails),
        badge_altmetric=switches["altmetric"],
        badge_dimensions=switches["dimensions"],
        badge_google_scholar=switches["google_scholar"],
        badge_inspirehep=switches["inspirehep"],
        enable_video_embedding=as_bool(config.get("enable_video_embedding")),
        coauthors=coauthors,
        venues=venues,
        citations=citations,
        markdownify=md,
    )
    return _with_fingerprint(settings)


def _with_fingerprint(settings: BibSettings) -> BibSettings:
    md = settings.markdownify
    parts = [
        settings.baseurl,
        sorted(settings.scholar_last_names),
        None if settings.scholar_first_names is None else sorted(settings.scholar_first_names),
        settings.scholar_userid,
        settings.max_author_limit,
        settings.more_authors_animation_delay,
        sorted(settings.filtered_bibtex_keywords),
        settings.enable_publication_thumbnails,
        settings.badge_altmetric,
        settings.badge_dimensions,
        settings.badge_google_scholar,
        settings.badge_inspirehep,
        settings.enable_video_embedding,
        sorted((k, sorted((sorted(c.firstnames), c.url) for c in v)) for k, v in settings.coauthors.items()),
        sorted((k, v.color, v.url) for k, v in settings.venues.items()),
        sorted(settings.citations.items()),
        f"{getattr(md, '__module__', '')}.{getattr(md, '__qualname__', repr(md))}",
        sorted(settings.details_urls.items()),
    ]  # fmt: skip
    digest = hashlib.sha1(repr(parts).encode(), usedforsecurity=False).hexdigest()
    object.__setattr__(settings, "fingerprint", digest)
    return settings


def with_details(settings: BibSettings, details_urls: Mapping[str, str]) -> BibSettings:
    """`settings` whose entries link their title to a page of their own: `details_urls` maps
    `details_key(entry)` to that page's URL (entries not in it keep a plain title)."""
    return _with_fingerprint(replace(settings, details_urls=dict(details_urls)))


def details_key(entry: Entry) -> str:
    """How `BibSettings.details_urls` names an entry: its content digest, so the same key in
    two bib files never borrows the other's page."""
    return entry.digest or f"key:{entry.key}"


def _data_path(data_dir: Path | None, name: str) -> Path | str | None:
    return data_dir / f"{name}.yml" if data_dir is not None else f"_data/{name}.yml"


def _coauthors(
    raw: Any, problems: Problems | None, data_dir: Path | None
) -> dict[str, tuple[CoauthorLink, ...]]:
    result: dict[str, tuple[CoauthorLink, ...]] = {}
    if not isinstance(raw, Mapping):
        return result
    path = _data_path(data_dir, "coauthors")
    for key, items in raw.items():
        links = []
        candidates = items if isinstance(items, list) else [items]
        for item in candidates:
            if (
                not isinstance(item, Mapping)
                or not item.get("url")
                or isinstance(item.get("url"), (Mapping, list))
            ):
                if problems is not None:
                    problems.add(
                        f"co-author `{key}`: each item needs `firstname: [...]` and `url`",
                        path,
                        line_of(raw, str(key)),
                    )
                continue
            names = frozenset(_name_key(n) for n in _as_list(item.get("firstname")))
            links.append(CoauthorLink(names, str(item["url"]).strip()))
        if links:
            norm = coauthor_key(str(key))
            result[norm] = result.get(norm, ()) + tuple(links)
    return result


def _venues(raw: Any, problems: Problems | None, data_dir: Path | None) -> dict[str, Venue]:
    result: dict[str, Venue] = {}
    if not isinstance(raw, Mapping):
        return result
    path = _data_path(data_dir, "venues")
    for key, item in raw.items():
        if not isinstance(item, Mapping):
            continue
        color = item.get("color")
        color = str(color).strip() if color is not None else None
        if color and not _COLOR_RE.match(color):
            if problems is not None:
                problems.add(
                    f"venue `{key}`: `{color}` is not a CSS colour; ignored",
                    path,
                    line_of(item, "color") or line_of(raw, str(key)),
                    'write it like "#00369f"',
                )
            color = None
        url = item.get("url")
        result[str(key)] = Venue(color or None, str(url).strip() if url else None)
    return result


def _citations(raw: Any) -> dict[str, int]:
    result: dict[str, int] = {}
    if not isinstance(raw, Mapping):
        return result
    papers = raw.get("papers")
    if not isinstance(papers, Mapping):
        return result
    for key, item in papers.items():
        count = item.get("citations") if isinstance(item, Mapping) else item
        try:
            result[str(key)] = int(count)
        except (TypeError, ValueError):
            continue
    return result


# -- views ---------------------------------------------------------------------------------


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
class BadgeView:
    """A metrics badge. altmetric/dimensions are placeholders (`css_class` + `attrs`) filled by
    their script; scholar/inspire are plain links with an optional count (no request made)."""

    kind: str
    label: str
    url: str | None = None
    count: int | None = None
    css_class: str = ""
    attrs: tuple[tuple[str, str], ...] = ()


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


def _safe_url(url: str) -> str:
    return "#" if UNSAFE_URL.match(url) else url


def _is_url(value: str) -> bool:
    return "://" in value or value.startswith("//") or bool(_URL_SCHEME_RE.match(value))


def asset_url(value: str, folder: str, baseurl: str) -> str:
    """al-folio's rule for `pdf`, `supp`, `poster`, `slides`, `html`: a URL stays as it is, a
    bare file name points into `{baseurl}/assets/<folder>/`, a `/path` is site-relative."""
    value = value.strip()
    if _is_url(value):
        return _safe_url(value)
    if value.startswith("/"):
        return f"{baseurl}{value}"
    return f"{baseurl}/assets/{folder}/{value}"


# The entry fields that may name a file of the site, and the assets folder a bare name is in.
LOCAL_FILE_FIELDS = {
    "pdf": "pdf",
    "supp": "pdf",
    "supplementary": "pdf",
    "poster": "pdf",
    "slides": "pdf",
    "html": "html",
    "preview": "img/publication_preview",
}


def local_files(entry: Entry, settings: BibSettings) -> list[tuple[str, str]]:
    """(field, site path) of each file of the site an entry links to: the files its buttons
    and thumbnail point at when they are not URLs (`paper.pdf` -> `assets/pdf/paper.pdf`,
    `/files/x.pdf` -> `files/x.pdf`). The preview counts only when thumbnails are shown."""
    found = []
    for name, folder in LOCAL_FILE_FIELDS.items():
        if name == "preview" and not settings.enable_publication_thumbnails:
            continue
        value = (entry.fields.get(name) or "").strip()
        if not value or _is_url(value):
            continue
        path = value.lstrip("/") if value.startswith("/") else f"assets/{folder}/{value}"
        found.append((name, path.split("?", 1)[0].split("#", 1)[0]))
    return found


def doi_url(doi: str) -> str:
    doi = doi.strip()
    lowered = doi.lower()
    for prefix in (
        "https://doi.org/",
        "http://doi.org/",
        "https://dx.doi.org/",
        "http://dx.doi.org/",
    ):
        if lowered.startswith(prefix):
            doi = doi[len(prefix) :]
            break
    else:
        if _is_url(doi) and not lowered.startswith("doi:"):
            return _safe_url(doi)
        if lowered.startswith("doi:"):
            doi = doi[4:].strip()
    return f"https://doi.org/{doi}"


def arxiv_url(arxiv: str) -> str:
    arxiv = arxiv.strip()
    if _is_url(arxiv) and not arxiv.lower().startswith("arxiv:"):
        return _safe_url(arxiv)
    if arxiv.lower().startswith("arxiv:"):
        arxiv = arxiv[6:].strip()
    return f"https://arxiv.org/abs/{arxiv}"


def _is_owner(author: Author, settings: BibSettings) -> bool:
    if not settings.scholar_last_names:
        return False
    if _name_key(author.last) not in settings.scholar_last_names and (
        _name_key(author.full_last) not in settings.scholar_last_names
    ):
        return False
    if settings.scholar_first_names is None:
        return True
    return _name_key(author.given) in settings.scholar_first_names


def _coauthor_url(author: Author, settings: BibSettings) -> str | None:
    links = settings.coauthors.get(coauthor_key(author.last))
    if not links:
        return None
    given = _name_key(author.given)
    for link in links:
        if given in link.firstnames:
            return _safe_url(link.url)
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
        url = _safe_url(hal) if _is_url(hal) else f"https://hal.science/{hal}"
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
            buttons.append(ButtonView("video", "Video", _safe_url(f["video"])))
    for kind, label in (("blog", "Blog"), ("code", "Code")):
        if f.get(kind):
            buttons.append(ButtonView(kind, label, _safe_url(f[kind].strip())))
    for kind, label in (("poster", "Poster"), ("slides", "Slides")):
        if f.get(kind):
            buttons.append(ButtonView(kind, label, asset_url(f[kind], "pdf", base)))
    if f.get("website"):
        buttons.append(ButtonView("website", "Website", _safe_url(f["website"].strip())))
    return tuple(buttons)


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


def _badges(entry: Entry, settings: BibSettings) -> tuple[BadgeView, ...]:
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


def _preview(entry: Entry, settings: BibSettings) -> PreviewView | None:
    if not settings.enable_publication_thumbnails:
        return None
    value = (entry.fields.get("preview") or "").strip()
    if not value:
        return None
    src = (
        _safe_url(value)
        if _is_url(value)
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
        abbr_url=_safe_url(venue_style.url) if venue_style and venue_style.url else None,
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
        video_embed=_safe_url(video.strip()) if video else None,
        badges=_badges(entry, settings),
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
