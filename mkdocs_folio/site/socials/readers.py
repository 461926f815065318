"""Where a site keeps its social links, and their order: `_data/socials.yml` (al-folio since
2024-12, and whenever that file exists) in file order, else the `_config.yml` keys of older
sites in al-folio's hard-coded order. `resolve_socials` is the entry point.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from mkdocs_folio.problems import Problems
from mkdocs_folio.site.socials.links import (
    LinkContext,
    SocialLink,
    builtin_link,
    custom_link,
    describe_value,
    is_empty,
)
from mkdocs_folio.site.socials.networks import CONFIG_ORDER, NETWORKS_BY_KEY
from mkdocs_folio.site.socials.urls import link_baseurl
from mkdocs_folio.site.yamlfile import line_of

__all__ = ["resolve_socials"]


def resolve_socials(
    socials_data: Any,
    config: Any,
    *,
    baseurl: str,
    problems: Problems,
    data_path: Path | None = None,
    config_path: Path | None = None,
    lang: str | None = None,
) -> list[SocialLink]:
    """The site's social links, in the order al-folio shows them.

    `socials_data` is the loaded `_data/socials.yml` (None when there is none) and `config` the
    loaded `_config.yml`. As in al-folio, the data file wins whenever it exists (real sites keep
    stale social keys in `_config.yml` next to it): its links come in file order, and an empty
    file means no links. Without it, the `_config.yml` keys are read in al-folio's hard-coded
    config-era order. `lang` replaces a `[LANG]` placeholder in `cv_pdf` (jekyll-polyglot).
    Links with the same URL as an earlier one are dropped (e.g. `twitter_username` and
    `x_username` both set).
    """
    base = link_baseurl(baseurl)
    data_exists = socials_data is not None or (data_path is not None and data_path.is_file())
    links: list[SocialLink] = []
    if data_exists:
        links = _from_data(socials_data, LinkContext(base, lang, problems, data_path))
    elif isinstance(config, Mapping):
        links = _from_config(config, LinkContext(base, lang, problems, config_path))
    seen: set[str] = set()
    unique: list[SocialLink] = []
    for link in links:
        if link.url not in seen:
            seen.add(link.url)
            unique.append(link)
    return unique


def _from_data(data: Any, ctx: LinkContext) -> list[SocialLink]:
    if data is None:
        return []
    if not isinstance(data, Mapping):
        ctx.problem(
            f"_data/socials.yml should map network names to values, not {describe_value(data)}",
            getattr(data, "line", None) or 1,
            "e.g. 'github_username: octocat' on each line; no social links are shown",
        )
        return []
    links: list[SocialLink] = []
    for raw_key, value in data.items():
        if is_empty(value):
            continue
        key = str(raw_key).strip()
        line = line_of(data, raw_key)
        network = NETWORKS_BY_KEY.get(key)
        link = (
            builtin_link(network, value, ctx, line)
            if network is not None
            else custom_link(key, value, ctx, line)
        )
        if link is not None:
            links.append(link)
    return links


def _from_config(config: Mapping[Any, Any], ctx: LinkContext) -> list[SocialLink]:
    links: list[SocialLink] = []
    for key in CONFIG_ORDER:
        value = config.get(key)
        if is_empty(value):
            continue
        link = builtin_link(NETWORKS_BY_KEY[key], value, ctx, line_of(config, key))
        if link is not None:
            links.append(link)
    return links
