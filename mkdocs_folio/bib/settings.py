"""The site's publication switches, read once per build into `BibSettings`.

`bib_settings()` reads `_config.yml` (`scholar`, `max_author_limit`, the badge and thumbnail
switches...) and the `coauthors`, `venues` and `citations` data files; bad values become
problems and defaults. `BibSettings` is the memo key of every entry view, so it carries a
fingerprint of everything in it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from mkdocs_folio.bib.bibtex import DEFAULT_FILTERED_KEYWORDS
from mkdocs_folio.bib.inline import inline_markdown
from mkdocs_folio.bib.model import Entry
from mkdocs_folio.bib.names import coauthor_key, name_key
from mkdocs_folio.problems import Problems
from mkdocs_folio.site.config import as_bool
from mkdocs_folio.site.yamlfile import line_of

__all__ = [
    "CONFIG_KEYS",
    "BibSettings",
    "CoauthorLink",
    "Venue",
    "bib_settings",
    "details_key",
    "with_details",
]

CONFIG_KEYS = (
    "scholar",
    "max_author_limit",
    "more_authors_animation_delay",
    "filtered_bibtex_keywords",
    "enable_publication_thumbnails",
    "enable_publication_badges",
    "badges",
    "enable_video_embedding",
)
"""Every key of `_config.yml` that `bib_settings` reads: a rendered entry depends on these
and on no other (features/publications.py `bib_fingerprint`; a test holds the reader to it)."""


_COLOR_RE = re.compile(
    r"^(#[0-9a-fA-F]{3,8}|[a-zA-Z]{3,30}|(rgb|rgba|hsl|hsla)\([0-9.,%\s/a-z-]{3,60}\)|var\(--[\w-]+\))$"
)


@dataclass(frozen=True)
class CoauthorLink:
    firstnames: frozenset[str]  # `name_key`s of the accepted spellings
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
    last_names = frozenset(name_key(n) for n in _as_list(scholar.get("last_name")))
    first_raw = scholar.get("first_name")
    first_names = None if first_raw is None else frozenset(name_key(n) for n in _as_list(first_raw))
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
            names = frozenset(name_key(n) for n in _as_list(item.get("firstname")))
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
