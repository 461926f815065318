"""A publication list depends on the keys of `_config.yml` that drawing it reads, and only
on them (features/publications.py `bib_fingerprint`): these tests hold the readers to the
lists, so that a key read but not listed (a stale list after an edit) cannot happen."""

from __future__ import annotations

from typing import Any

from mkdocs_folio.bib.settings import CONFIG_KEYS as SETTINGS_KEYS
from mkdocs_folio.bib.settings import bib_settings
from mkdocs_folio.features.publication_pages import read_pages_config
from mkdocs_folio.features.publications import CONFIG_KEYS
from mkdocs_folio.problems import Problems


class Reads(dict):
    """A config that notes every key asked of it."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.asked: set[str] = set()

    def get(self, key: str, default: Any = None) -> Any:
        self.asked.add(key)
        return super().get(key, default)

    def __getitem__(self, key: str) -> Any:
        self.asked.add(key)
        return super().__getitem__(key)

    def __contains__(self, key: object) -> bool:
        self.asked.add(str(key))
        return super().__contains__(key)


FULL = {
    "scholar": {"last_name": ["Einstein"], "first_name": ["Albert"], "query": "@*"},
    "max_author_limit": 3,
    "more_authors_animation_delay": 10,
    "filtered_bibtex_keywords": ["abbr", "pdf"],
    "enable_publication_thumbnails": True,
    "enable_publication_badges": {"altmetric": True},
    "badges": {"altmetric_badge": True},
    "enable_video_embedding": True,
    "publication_pages": {"enabled": True, "files": ["papers"]},
    "footer_text": "not read",
    "title": "not read either",
}


def test_the_bib_settings_read_only_the_keys_they_list():
    for config in (Reads(FULL), Reads({}), Reads({"max_author_limit": "many"})):
        bib_settings(config, {}, problems=Problems())
        assert config.asked <= set(SETTINGS_KEYS), config.asked - set(SETTINGS_KEYS)
    assert set(SETTINGS_KEYS) <= set(CONFIG_KEYS)


def test_publication_pages_read_only_listed_keys():
    for value in (FULL, {}, {"publication_pages": "wrong"}, {"publication_pages": True}):
        config = Reads(value)
        read_pages_config(config, Problems(), "_config.yml")
        assert config.asked <= set(CONFIG_KEYS), config.asked - set(CONFIG_KEYS)


def test_every_setting_changes_the_settings_fingerprint():
    base = bib_settings(FULL, {}).fingerprint
    changed = {
        "scholar": {"last_name": ["Curie"]},
        "max_author_limit": 5,
        "more_authors_animation_delay": 20,
        "filtered_bibtex_keywords": ["abbr"],
        "enable_publication_thumbnails": False,
        "enable_publication_badges": {"altmetric": False, "dimensions": True},
        "enable_video_embedding": False,
    }
    for key, value in changed.items():
        assert bib_settings({**FULL, key: value}, {}).fingerprint != base, key
    assert bib_settings({**FULL, "footer_text": "new"}, {}).fingerprint == base
    venues = {"venues": {"ICML": {"color": "#00369f"}}}
    assert bib_settings(FULL, venues).fingerprint != base
