"""The theme's static files, listed once and kept in the build cache by the names found
(adapter/templates.py `ThemeListing`)."""

from __future__ import annotations

from pathlib import Path

import jinja2

from mkdocs_folio.adapter.templates import ThemeListing
from mkdocs_folio.cache.store import CacheStore
from mkdocs_folio.problems import Problems


class Theme:
    def __init__(self, dirs: list[Path], static_templates: list[str]) -> None:
        self.dirs = dirs
        self.static_templates = static_templates

    def get_env(self) -> jinja2.Environment:
        return jinja2.Environment(loader=jinja2.FileSystemLoader([str(d) for d in self.dirs]))


def mkdocs_filter(calls: list[str]):
    def filter(name: str) -> bool:  # what MkDocs' own filter is called (the listing's key)
        calls.append(name)
        return not name.endswith(".html") or name in ("404.html",)

    filter.__qualname__ = ThemeListing._MKDOCS_FILTER
    return filter


def listed(folder: Path, theme: Theme) -> tuple[list[str], int]:
    """One process: a new listing and a store read from `folder`; the list and how many
    names MkDocs' filter was asked about."""
    store = CacheStore()
    problems = Problems()
    store.open(folder, problems)
    listing = ThemeListing()
    listing.install(theme, store, "code")
    calls: list[str] = []
    names = theme.get_env().list_templates(filter_func=mkdocs_filter(calls))
    store.save(problems)
    assert not problems
    return names, len(calls)


def theme_folder(root: Path) -> Path:
    for name in ("main.html", "404.html", "assets/a.css", "assets/icons/x.svg", "partials/p.html"):
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(name)
    return root


def test_a_new_process_takes_the_list_from_the_cache_and_it_is_mkdocs_own(tmp_path):
    theme = Theme([theme_folder(tmp_path / "theme")], ["404.html", "sitemap.xml"])
    expected = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(tmp_path / "theme"))
    ).list_templates(filter_func=mkdocs_filter([]))
    names, asked = listed(tmp_path / "cache", theme)
    assert names == expected and asked == 5
    names, asked = listed(tmp_path / "cache", theme)
    assert names == expected and asked == 0
    # The static templates are a set in MkDocs: their order is no part of the key.
    theme.static_templates = ["sitemap.xml", "404.html"]
    assert listed(tmp_path / "cache", theme) == (expected, 0)


def test_an_added_or_renamed_file_is_listed_again(tmp_path):
    root = theme_folder(tmp_path / "theme")
    theme = Theme([root], [])
    listed(tmp_path / "cache", theme)
    (root / "assets/icons/y.svg").write_text("y")
    names, asked = listed(tmp_path / "cache", theme)
    assert "assets/icons/y.svg" in names and asked == 6
    (root / "assets/icons/y.svg").rename(root / "assets/icons/z.svg")
    names, asked = listed(tmp_path / "cache", theme)
    assert "assets/icons/z.svg" in names and "assets/icons/y.svg" not in names and asked == 6


def test_a_kept_list_stays_in_the_cache_while_one_process_lists_from_memory(tmp_path):
    theme = Theme([theme_folder(tmp_path / "theme")], [])
    store = CacheStore()
    problems = Problems()
    listing = ThemeListing()
    listing.install(theme, store, "code")
    for _ in range(3):  # the builds of one `mkdocs serve`
        store.open(tmp_path / "cache", problems)
        theme.get_env().list_templates(filter_func=mkdocs_filter([]))
        store.save(problems)
    assert listed(tmp_path / "cache", theme)[1] == 0
