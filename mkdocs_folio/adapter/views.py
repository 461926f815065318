"""What the templates receive: `folio` (site-wide, set once per build) and `folio_page`.

Values are computed here, in Python, so the Jinja templates only present them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url, normalize_url

from mkdocs_folio.cache import trace
from mkdocs_folio.site.about import AboutPage
from mkdocs_folio.site.config import Owner
from mkdocs_folio.site.dates import long_date
from mkdocs_folio.site.model import Site
from mkdocs_folio.site.pages import SourcePage
from mkdocs_folio.site.views import ListingView, Navbar

_EMOJI_ONLY = re.compile(r"^[^\w./\\-]{1,8}$")


@dataclass
class SiteView:
    owner: Owner
    owner_name: str
    title_is_name: bool
    navbar: Navbar
    socials: list[Any]
    contact_note: str
    footer_text: str
    year: int
    impressum_href: str
    last_updated: str
    max_width: str
    color_light: str
    color_dark: str
    css_bundle: str
    js_bundle: str
    navbar_fixed: bool
    footer_fixed: bool
    darkmode: bool
    progressbar: bool
    navbar_social: bool
    favicon_svg: str
    favicon: str
    keywords: str
    search: bool = False
    """Material's search is on: the navbar button, Ctrl+K and the index (`search_enabled`)."""
    head_html: str = ""
    footer_html: str = ""  # the site's own changed footer.liquid, rendered (plugin.py)

    def __getattribute__(self, name: str) -> Any:
        # A reused page depends on the site-wide values its templates read (cache/trace.py).
        value = object.__getattribute__(self, name)
        if trace.is_recording() and name in _SITE_VIEW_FIELDS:
            trace.record_field(self, "site-view", name, value)
        return value

    def __setattr__(self, name: str, value: Any) -> None:
        object.__setattr__(self, name, value)
        if name in _SITE_VIEW_FIELDS:
            trace.forget_field(self, "site-view", name)


_SITE_VIEW_FIELDS = frozenset(SiteView.__dataclass_fields__)


def build_site_view(
    site: Site, navbar: Navbar, config: MkDocsConfig, bundles: dict[str, str]
) -> SiteView:
    cfg = site.config
    icon = cfg.icon
    favicon_svg = favicon = ""
    if icon and _EMOJI_ONLY.match(icon):
        favicon_svg = (
            "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 100 100'>"
            f"<text y='.9em' font-size='90'>{icon}</text></svg>"
        )
    elif icon:
        favicon = icon if "/" in icon else f"assets/img/{icon}"
        _check_favicon(site, config, icon, favicon)
    keywords = cfg.get("keywords", "")
    if isinstance(keywords, list):
        keywords = ", ".join(str(k) for k in keywords)
    impressum = cfg.impressum_path.strip("/")
    return SiteView(
        owner=cfg.owner,
        owner_name=cfg.owner.full_name or cfg.title,
        title_is_name=cfg.title_is_name and bool(cfg.owner.full_name),
        navbar=navbar,
        socials=site.socials,
        contact_note=cfg.contact_note,
        footer_text=cfg.footer_text,
        year=date.today().year,
        impressum_href=(impressum + "/") if impressum else "",
        last_updated=long_date(date.today()) if cfg.last_updated else "",
        max_width=cfg.max_width,
        color_light=_theme_color(site, config, "color", "#b509ac"),
        color_dark=_theme_color(site, config, "color_dark", "#2698ba"),
        css_bundle=bundles.get("css", ""),
        js_bundle=bundles.get("js", ""),
        navbar_fixed=cfg.flag("navbar_fixed", True),
        footer_fixed=cfg.flag("footer_fixed", True),
        darkmode=cfg.flag("enable_darkmode", True),
        progressbar=cfg.flag("enable_progressbar", False),
        navbar_social=cfg.flag("enable_navbar_social", False),
        favicon_svg=favicon_svg,
        favicon=favicon,
        keywords=str(keywords or ""),
        search=search_on(config),
    )


def search_on(config: MkDocsConfig) -> bool:
    """Whether Material's search runs in this build (`plugins: [material/search]`, not
    switched off by its `enabled: false` or by `_config.yml`'s `search_enabled: false`)."""
    plugin = config.plugins.get("material/search")
    return plugin is not None and bool(getattr(plugin, "config", {}).get("enabled", True))


_CSS_COLOR = re.compile(
    r"^(#[0-9a-fA-F]{3,8}|[a-zA-Z]{3,30}|(rgb|rgba|hsl|hsla|oklch|lab|lch)\([0-9.,%\s/a-z-]{3,60}\))$"
)


def _theme_color(site: Site, config: MkDocsConfig, key: str, default: str) -> str:
    """`theme: {color, color_dark}`: a CSS colour, else the default (and a warning: the value
    lands in a `<style>` element, where anything else breaks the whole rule)."""
    value = config.theme.get(key)
    if value is None or value == "":
        return default
    text = str(value).strip()
    if isinstance(value, (dict, list)) or not _CSS_COLOR.match(text):
        site.problems.add(
            f"theme option '{key}' must be a CSS colour, found {value!r}",
            config.config_file_path or "mkdocs.yml",
            None,
            f'write it like `{key}: "{default}"` (with the quotes); {default} is used until then',
        )
        return default
    return text


def _check_favicon(site: Site, config: MkDocsConfig, icon: str, favicon: str) -> None:
    """`icon: favicon.png` names a file in assets/img/: say so when it is not there."""
    if "://" in favicon or favicon.startswith("//"):
        return
    relative = favicon.lstrip("/")
    if site.paths.find_file(relative, Path(config.docs_dir)) is not None:
        return
    cfg = site.config
    site.problems.add(
        f"icon '{icon}' is neither an emoji nor a file of the site (looked for {relative})",
        cfg.path or config.config_file_path or "mkdocs.yml",
        cfg.line_of("icon"),
        "put the picture in assets/img/, or use an emoji such as icon: ⚛️; the page links it",
    )


@dataclass
class PageView:
    """`folio_page`: what the layout template of one page needs. Features fill their parts."""

    layout: str
    is_home: bool = False
    description: str = ""
    redirect: str = ""
    styles: str = ""
    date_label: str = ""
    head_html: str = ""
    body_end_html: str = ""
    about: AboutPage | None = None
    profile_alt: str = ""
    news: ListingView | None = None
    latest_posts: ListingView | None = None
    selected_papers: str | None = None
    # The about page's section headings link to these lists when the site has them.
    section_hrefs: dict[str, str | None] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)
    chrome_key: tuple[Any, ...] = ()


def _redirect_href(target: str, page: Page) -> str:
    if "://" in target:
        return target
    return get_relative_url(target.lstrip("/") or ".", page.url or ".")


def build_page_view(source: SourcePage, page: Page, site_view: SiteView | None = None) -> PageView:
    """The parts of `folio_page` every layout has; features add the rest."""
    return PageView(
        layout=source.layout,
        is_home=source.is_home,
        description=source.description,
        redirect=_redirect_href(source.redirect, page) if source.redirect else "",
        styles=str(source.meta.get("_styles") or ""),
        chrome_key=chrome_key(page, site_view),
    )


def chrome_key(page: Page, site_view: SiteView | None) -> tuple[Any, ...]:
    """What the navbar and the footer draw differently from page to page: whether it is the
    home page, which navbar entry is current, and how each of their links is written from
    this page (MkDocs makes links relative to the page). Pages with the same key share one
    rendering of both (`once` in main.html)."""
    if site_view is None:
        return (page.is_homepage, page.url)
    navbar = site_view.navbar
    targets = [navbar.home_href, site_view.impressum_href or "."]
    for item in navbar.items:
        targets.append(item.href)
        targets += item.child_hrefs
    return (
        page.is_homepage,
        navbar.marked(page.url or ""),
        tuple(normalize_url(target, page=page) for target in targets),
    )
