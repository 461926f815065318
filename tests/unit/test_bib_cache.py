"""Parse-once caching across rebuilds (mkdocs_folio.bib.cache)."""

from __future__ import annotations

from pathlib import Path

from mkdocs_folio.bib import load_bibliography
from mkdocs_folio.bib.cache import DEFAULT_CACHE, BibCache
from mkdocs_folio.problems import Problems

GOOD = "@misc{a, title = {A}, year = 2020}\n"
BAD = "@misc{a, title = {A}, year = 2020}\n@misc{a, title = {again}}\n"


def test_cache_hit_returns_the_same_object(tmp_path: Path) -> None:
    path = tmp_path / "papers.bib"
    path.write_text(GOOD, encoding="utf-8")
    cache = BibCache()
    first = cache.load(path, Problems())
    second = cache.load(path, Problems())
    assert first is second
    assert (cache.stats.misses, cache.stats.hits) == (1, 1)


def test_problems_are_reported_again_on_every_hit(tmp_path: Path) -> None:
    path = tmp_path / "papers.bib"
    path.write_text(BAD, encoding="utf-8")
    cache = BibCache()
    for _ in range(3):
        problems = Problems()
        cache.load(path, problems)
        (problem,) = problems
        assert "duplicate entry key" in problem.message and problem.line == 2
    assert cache.stats.misses == 1


def test_changed_content_is_reparsed_and_replaces_the_old_version(tmp_path: Path) -> None:
    path = tmp_path / "papers.bib"
    path.write_text(GOOD, encoding="utf-8")
    cache = BibCache()
    old = cache.load(path, Problems())
    path.write_text(GOOD.replace("{A}", "{B}"), encoding="utf-8")
    new = cache.load(path, Problems())
    assert new is not old and new.entries[0].title == "B"
    assert len(cache._items) == 1


def test_disk_cache_serves_a_cold_process(tmp_path: Path) -> None:
    path = tmp_path / "papers.bib"
    path.write_text(BAD, encoding="utf-8")
    cache_dir = tmp_path / ".cache"
    BibCache().load(path, Problems(), cache_dir=cache_dir)
    assert list(cache_dir.glob("bib-*.pickle"))
    fresh = BibCache()
    problems = Problems()
    bib = fresh.load(path, problems, cache_dir=cache_dir)
    assert fresh.stats.disk_hits == 1 and fresh.stats.misses == 0
    assert [e.key for e in bib.entries] == ["a"]
    assert len(problems) == 1  # the stored problem comes back with the pickle


def test_corrupt_disk_cache_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "papers.bib"
    path.write_text(GOOD, encoding="utf-8")
    cache_dir = tmp_path / ".cache"
    BibCache().load(path, Problems(), cache_dir=cache_dir)
    for file in cache_dir.glob("bib-*.pickle"):
        file.write_bytes(b"not a pickle")
    fresh = BibCache()
    bib = fresh.load(path, Problems(), cache_dir=cache_dir)
    assert fresh.stats.misses == 1 and bib.entries[0].title == "A"


def test_load_bibliography_uses_the_module_cache(tmp_path: Path) -> None:
    path = tmp_path / "papers.bib"
    path.write_text(GOOD, encoding="utf-8")
    hits = DEFAULT_CACHE.stats.hits
    first = load_bibliography(path, Problems())
    assert load_bibliography(path, Problems()) is first
    assert DEFAULT_CACHE.stats.hits == hits + 1
