"""`_config.yml` read into a typed `SiteConfig`, with al-folio's defaults and legacy names.

`_config.yml` stays the single source of truth for al-folio settings: it is read at every build,
so the values MkDocs needs (site name, site URL) never go stale in `mkdocs.yml`. Options given
under the plugin in `mkdocs.yml` are merged on top, which is also how a site written fresh for
MkDocs (no `_config.yml` at all) sets them.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs_folio.cache import trace
from mkdocs_folio.problems import Problems
from mkdocs_folio.site.schema import check_config
from mkdocs_folio.site.yamlfile import LineDict, load_yaml_file

DEFAULT_MAX_WIDTH = "930px"


@dataclass(frozen=True)
class Owner:
    """The site owner's name as al-folio spells it in the title and the footer."""

    first: str = ""
    middle: str = ""
    last: str = ""

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.first, self.middle, self.last) if part)

    @property
    def rest(self) -> str:
        """Middle and last name: the part al-folio prints after the bold first name."""
        return " ".join(part for part in (self.middle, self.last) if part)


@dataclass
class SiteConfig:
    """The settings of one al-folio site. `raw` keeps every key for Liquid's `site` object."""

    raw: LineDict
    path: Path | None
    owner: Owner
    title: str
    title_is_name: bool
    url: str
    baseurl: str
    description: str
    footer_text: str
    contact_note: str
    lang: str
    icon: str
    max_width: str
    last_updated: bool
    impressum_path: str
    exclude: list[str] = field(default_factory=list)
    include: list[str] = field(default_factory=list)

    @property
    def site_url(self) -> str:
        """`url` + `baseurl`, as MkDocs' `site_url` wants it (always ending in a slash)."""
        if not self.url:
            return ""
        return self.url.rstrip("/") + self.baseurl + "/"

    def __getattribute__(self, name: str) -> Any:
        # Work that may be reused (a page's body, see cache/trace.py) depends on the
        # settings it reads: a field read is noted with its value; `raw` means all of them.
        value = object.__getattribute__(self, name)
        if trace.is_recording() and name in _FIELDS:
            trace.record_field(self, "config-field", name, value)
        return value

    def __setattr__(self, name: str, value: Any) -> None:
        object.__setattr__(self, name, value)
        if name in _FIELDS:
            trace.forget_field(self, "config-field", name)

    def _raw_value(self, key: str) -> Any:
        raw = object.__getattribute__(self, "raw")
        value = raw.get(key)
        trace.record("config", key, value)
        return value

    def get(self, key: str, default: Any = None) -> Any:
        value = self._raw_value(key)
        return default if value is None else value

    def flag(self, key: str, default: bool = False) -> bool:
        return as_bool(self._raw_value(key), default)

    def line_of(self, key: str) -> int | None:
        line = object.__getattribute__(self, "raw").lines.get(key)
        trace.record("config-line", key, line)  # a reused warning must name the right line
        return line


_FIELDS = frozenset(f for f in SiteConfig.__dataclass_fields__)


def as_bool(value: Any, default: bool = False) -> bool:
    """YAML and BibTeX truthiness as al-folio users write it (`true`, `True`, `{true}`, 1, yes)."""
    if value is None or value == "":
        return default
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return value != 0
    if isinstance(value, str):
        return value.strip().strip("{}").strip().lower() in {"true", "yes", "on", "1"}
    return bool(value)


def as_text(value: Any) -> str:
    """A config value as text: `None` (an empty YAML key) becomes ''."""
    if value is None or (isinstance(value, bool) and not value):
        return ""
    return str(value).strip()


def normalise_baseurl(value: Any) -> str:
    """Jekyll's `baseurl`: '' or '/path' (leading slash, no trailing one)."""
    text = as_text(value).strip("/")
    return f"/{text}" if text else ""


def merge_config(base: LineDict, overrides: Mapping[str, Any]) -> LineDict:
    """Overlay plugin options on `_config.yml`; nested mappings merge key by key."""
    merged = LineDict(base)
    merged.lines = dict(base.lines)
    merged.line = base.line
    for key, value in overrides.items():
        current = merged.get(key)
        if isinstance(current, Mapping) and isinstance(value, Mapping):
            merged[key] = merge_config(
                current if isinstance(current, LineDict) else LineDict(current), value
            )
        else:
            merged[key] = value
    return merged


def read_site_config(
    path: Path | None,
    overrides: Mapping[str, Any],
    problems: Problems,
    overrides_path: Path | str | None = None,
) -> SiteConfig:
    """Read `_config.yml` (if any), apply overrides and resolve al-folio's derived values."""
    raw: Any = LineDict()
    if path is not None and path.is_file():
        raw = load_yaml_file(path, problems, default=LineDict())
        if not isinstance(raw, LineDict):
            problems.add(
                f"expected a mapping of settings, found {type(raw).__name__}",
                path,
                1,
                "_config.yml must be a list of `key: value` lines",
            )
            raw = LineDict()
    check_config(raw, path, problems)
    if overrides:
        # The plugin's `site:` option: the same keys, checked the same way (on a copy: the
        # MkDocs config object stays as the user wrote it).
        overrides = copy.deepcopy(dict(overrides))
        check_config(overrides, overrides_path or "mkdocs.yml", problems)
    raw = merge_config(raw, overrides)
    _check_url(raw, path, overrides, overrides_path, problems)

    owner = Owner(
        first=as_text(raw.get("first_name")),
        middle=as_text(raw.get("middle_name")),
        last=as_text(raw.get("last_name")),
    )
    title = as_text(raw.get("title"))
    title_is_name = title in {"", "blank"}
    if title_is_name:
        title = owner.full_name or "My site"

    max_width = as_text(raw.get("max_width")) or DEFAULT_MAX_WIDTH
    if max_width.isdigit():
        max_width += "px"

    return SiteConfig(
        raw=raw,
        path=path if path is not None and path.is_file() else None,
        owner=owner,
        title=title,
        title_is_name=title_is_name,
        url=as_text(raw.get("url")).rstrip("/"),
        baseurl=normalise_baseurl(raw.get("baseurl")),
        description=as_text(raw.get("description")),
        footer_text=as_text(raw.get("footer_text")),
        contact_note=as_text(raw.get("contact_note")),
        lang=as_text(raw.get("lang")) or "en",
        icon=as_text(raw.get("icon")),
        max_width=max_width,
        last_updated=as_bool(raw.get("last_updated")),
        impressum_path=as_text(raw.get("impressum_path")),
        exclude=_string_list(raw.get("exclude"), "exclude", path, raw, problems),
        include=_string_list(raw.get("include"), "include", path, raw, problems),
    )


def _check_url(
    raw: LineDict,
    path: Path | None,
    overrides: Mapping[str, Any],
    overrides_path: Path | str | None,
    problems: Problems,
) -> None:
    """`url` becomes MkDocs' `site_url`, which MkDocs refuses (aborting the build) unless it
    starts with a scheme: a bad one is reported here and left out instead."""
    value = as_text(raw.get("url"))
    if not value or re.match(r"^https?://[^/\s]+", value):
        return
    from_overrides = "url" in overrides
    problems.add(
        f"'url' must be the address of the site, starting with https:// or http://, "
        f"found {value!r}",
        (overrides_path or "mkdocs.yml") if from_overrides else path,
        None if from_overrides else raw.lines.get("url"),
        "write it like url: https://you.github.io; until then links are site-relative and "
        "feeds and metadata have no absolute address",
    )
    del raw["url"]


def _string_list(
    value: Any, key: str, path: Path | None, raw: LineDict, problems: Problems
) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [str(item) for item in value if item is not None]
    problems.add(
        f"'{key}' should be a list of paths, found {type(value).__name__}",
        path,
        raw.lines.get(key),
        "write it as a YAML list",
    )
    return []
