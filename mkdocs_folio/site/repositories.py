"""The repositories page (`_data/repositories.yml`): GitHub user, trophy and repo cards.

al-folio draws them as images from third-party services (github-readme-stats, the profile
trophy service). Here each card also carries its name as text and a link to GitHub, so the
page stays useful when the images cannot load (offline, blocked, rate-limited).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from mkdocs_folio.site.config import SiteConfig, as_text

STATS_URL = "https://github-readme-stats.vercel.app"
TROPHY_URL = "https://github-profile-trophy.vercel.app"


@dataclass(frozen=True)
class RepoCard:
    kind: str  # user | trophies | repo
    name: str
    """`user` or `owner/repo`, shown as text."""
    href: str
    image_light: str
    image_dark: str
    alt: str


def _services(site: SiteConfig) -> tuple[str, str]:
    raw = site.raw.get("external_services")
    raw = raw if isinstance(raw, dict) else {}
    stats = as_text(raw.get("github_readme_stats_url")) or STATS_URL
    trophy = as_text(raw.get("github_profile_trophy_url")) or TROPHY_URL
    return stats.rstrip("/"), trophy.rstrip("/")


def _q(value: str) -> str:
    return quote(value, safe="")


def user_card(site: SiteConfig, username: str) -> RepoCard:
    stats, _ = _services(site)
    light = as_text(site.raw.get("repo_theme_light")) or "default"
    dark = as_text(site.raw.get("repo_theme_dark")) or "dark"

    def image(theme: str) -> str:
        return f"{stats}/api/?username={_q(username)}&theme={_q(theme)}&show_icons=true"

    return RepoCard(
        kind="user",
        name=username,
        href=f"https://github.com/{_q(username)}",
        image_light=image(light),
        image_dark=image(dark),
        alt=f"GitHub statistics of {username}",
    )


def trophies_card(site: SiteConfig, username: str) -> RepoCard:
    _, trophy = _services(site)
    raw = site.raw.get("repo_trophies")
    raw = raw if isinstance(raw, dict) else {}
    light = as_text(raw.get("theme_light")) or "flat"
    dark = as_text(raw.get("theme_dark")) or "gitdimmed"

    def image(theme: str) -> str:
        return (
            f"{trophy}/?username={_q(username)}&theme={_q(theme)}"
            "&margin-w=15&margin-h=15&no-bg=true&rank=-C&column=-1"
        )

    return RepoCard(
        kind="trophies",
        name=username,
        href=f"https://github.com/{_q(username)}",
        image_light=image(light),
        image_dark=image(dark),
        alt=f"GitHub trophies of {username}",
    )


def repo_card(site: SiteConfig, repository: str, description_lines: Any = None) -> RepoCard:
    stats, _ = _services(site)
    owner, _, name = repository.strip().strip("/").partition("/")
    light = as_text(site.raw.get("repo_theme_light")) or "default"
    dark = as_text(site.raw.get("repo_theme_dark")) or "dark"
    lines = as_text(description_lines) or "2"

    def image(theme: str) -> str:
        return (
            f"{stats}/api/pin/?username={_q(owner)}&repo={_q(name)}&theme={_q(theme)}"
            f"&show_owner=true&description_lines_count={_q(lines)}"
        )

    return RepoCard(
        kind="repo",
        name=f"{owner}/{name}" if name else owner,
        href=f"https://github.com/{_q(owner)}/{_q(name)}"
        if name
        else f"https://github.com/{_q(owner)}",
        image_light=image(light),
        image_dark=image(dark),
        alt=f"GitHub repository {owner}/{name}",
    )
