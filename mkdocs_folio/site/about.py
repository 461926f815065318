"""The about page's settings in every schema generation found in real al-folio sites.

al-folio moved these switches three times (page flags + `news_limit`, site-level maps in
`_config.yml`, page-level maps since 2025) and renamed `profile.address` to `more_info`.
One function resolves all of them, so the template only asks "is news on, with what limit".
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs_folio.problems import Problems
from mkdocs_folio.site.config import SiteConfig, as_bool, as_text
from mkdocs_folio.site.schema import BOOL, check_value, unknown_keys
from mkdocs_folio.site.yamlfile import LineDict


@dataclass(frozen=True)
class Profile:
    """The floated picture block beside the bio."""

    align: str  # "left" or "right"
    image: str  # path relative to the site root, "" when none
    image_circular: bool
    info_html: str
    info_kind: str  # "more-info" (current) or "address" (before 2023-09)

    @property
    def float_class(self) -> str:
        return "float-left" if self.align == "left" else "float-right"

    @property
    def image_class(self) -> str:
        return "rounded-circle" if self.image_circular else "rounded"


@dataclass(frozen=True)
class Listing:
    """A news or latest-posts section: shown or not, how many items, scroll box or not."""

    enabled: bool = False
    scrollable: bool = False
    limit: int | None = None


@dataclass(frozen=True)
class AboutPage:
    subtitle_html: str
    profile: Profile | None
    news: Listing
    latest_posts: Listing
    selected_papers: bool
    social: bool


def read_profile(
    raw: Any, where: str | Path, line: int | None, problems: Problems, key: str = "profile"
) -> Profile | None:
    """A `profile:` map (about page, or one block of a `profiles` page)."""
    if raw is None or raw is False:
        return None
    if not isinstance(raw, dict):
        problems.add(
            f"'{key}' must be a mapping (align, image, image_circular, more_info), "
            f"found {type(raw).__name__}",
            where,
            line,
            "indent its keys under it; the page is built without the profile",
        )
        return None
    lines = raw.lines if isinstance(raw, LineDict) else {}
    profile_keys = ["align", "image", "image_circular", "more_info", "address", "content"]
    unknown_keys(
        raw, profile_keys if key != "profile" else profile_keys[:5], key, where, line, problems
    )
    for field in ("align", "image", "more_info", "address"):
        if isinstance(raw.get(field), (dict, list)):
            problems.add(
                f"'{key}.{field}' must be text, found a "
                f"{'mapping' if isinstance(raw.get(field), dict) else 'list'}",
                where,
                lines.get(field, line),
                f"write it like `{field}: {_EXAMPLES[field]}`; until then it is ignored",
            )
    align = _text(raw.get("align")).lower()
    image = _text(raw.get("image"))
    if image and "://" not in image and not image.startswith("/"):
        image = f"assets/img/{image}"
    elif image.startswith("/"):
        image = image.lstrip("/")
    if raw.get("more_info") is not None:
        info, kind = _text(raw.get("more_info")), "more-info"
    elif raw.get("address") is not None:
        info, kind = _text(raw.get("address")), "address"
    else:
        info, kind = "", "more-info"
    return Profile(
        align="left" if align == "left" else "right",
        image=image,
        image_circular=check_value(
            raw.get("image_circular"),
            BOOL,
            f"{key}.image_circular",
            where,
            lines.get("image_circular", line),
            problems,
        )
        and as_bool(raw.get("image_circular")),
        info_html=info,
        info_kind=kind,
    )


_EXAMPLES = {
    "align": "right",
    "image": "prof_pic.jpg",
    "more_info": "<p>Office 42</p>",
    "address": "<p>Office 42</p>",
}


def _text(value: Any) -> str:
    """A profile field as text; a mapping or list (reported above) counts as not set."""
    return "" if isinstance(value, (dict, list)) else as_text(value)


def _limit(value: Any, where: str | Path, line: int | None, problems: Problems) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        problems.add("'limit' must be a number or left blank", where, line)
        return None
    try:
        number = int(value)
    except (TypeError, ValueError):
        problems.add(
            f"'limit' must be a number or left blank, found {value!r}",
            where,
            line,
            "all items are shown",
        )
        return None
    return max(number, 0)


def _listing_map(
    raw: Any,
    where: str | Path,
    line: int | None,
    problems: Problems,
    *,
    enabled: bool | None = None,
) -> Listing:
    if not isinstance(raw, dict):
        return Listing(enabled=bool(enabled))
    lines = raw.lines if isinstance(raw, LineDict) else {}
    return Listing(
        enabled=as_bool(raw.get("enabled")) if enabled is None else enabled,
        scrollable=as_bool(raw.get("scrollable")),
        limit=_limit(raw.get("limit"), where, lines.get("limit", line), problems),
    )


def _resolve_listing(
    meta: LineDict,
    site: SiteConfig,
    *,
    page_map_key: str,
    page_flag_key: str,
    site_map_key: str,
    where: str | Path,
    problems: Problems,
) -> Listing:
    """First match wins: page map (2025+), page flag + site map (2023-24), page flag alone."""
    page_value = meta.get(page_map_key)
    if isinstance(page_value, dict):
        return _listing_map(page_value, where, meta.lines.get(page_map_key), problems)
    flag = meta.get(page_flag_key) if page_flag_key != page_map_key else page_value
    if flag is None and isinstance(page_value, bool):
        flag = page_value
    if flag is None or not as_bool(flag):
        return Listing()
    site_map = site.raw.get(site_map_key)
    site_path = site.path or "_config.yml"
    if isinstance(site_map, dict):
        return _listing_map(site_map, site_path, site.line_of(site_map_key), problems)
    if page_flag_key == "news":
        return Listing(
            enabled=True,
            limit=_limit(
                site.raw.get("news_limit"), site_path, site.line_of("news_limit"), problems
            ),
        )
    return Listing(enabled=True)


def read_about(
    meta: LineDict, site: SiteConfig, where: str | Path, problems: Problems
) -> AboutPage:
    subtitle = meta.get("subtitle")
    if subtitle is None:
        subtitle = meta.get("description")
    profile = read_profile(meta.get("profile"), where, meta.lines.get("profile"), problems)
    return AboutPage(
        subtitle_html=as_text(subtitle),
        profile=profile,
        news=_resolve_listing(
            meta,
            site,
            page_map_key="announcements",
            page_flag_key="news",
            site_map_key="announcements",
            where=where,
            problems=problems,
        ),
        latest_posts=_resolve_listing(
            meta,
            site,
            page_map_key="latest_posts",
            page_flag_key="latest_posts",
            site_map_key="latest_posts",
            where=where,
            problems=problems,
        ),
        selected_papers=as_bool(meta.get("selected_papers")),
        social=as_bool(meta.get("social")),
    )
