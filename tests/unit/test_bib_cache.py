"""Parse-once caching across rebuilds (mkdocs_folio.bib.cache)."""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs_folio.bib import load_bibliography
from mkdocs_folio.bib.cache import DEFAULT_CACHE, BibCache
from mkdocs_folio.bib.loader import parse_bibliography
from mkdocs_folio.bib.stored import from_plain, to_plain
from mkdocs_folio.cache.store import CacheStore
from mkdocs_folio.problems import Problems

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "bib"

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


def _stored(folder: Path) -> CacheStore:
    store = CacheStore()
    store.open(folder, Problems())
    return store


def _snapshot(bib) -> list[tuple]:
    return [
        (e.key, e.type, dict(e.fields), dict(e.raw_fields), e.authors, e.editors, e.title,
         e.title_html, e.year, e.month, e.source, e.line, dict(e.field_lines),
         dict(e.macro_fields), e.digest)
        for e in bib.entries
    ]  # fmt: skip


def test_the_build_cache_serves_a_new_process(tmp_path: Path) -> None:
    path = tmp_path / "papers.bib"
    path.write_text(BAD, encoding="utf-8")
    folder = tmp_path / ".cache"
    store = _stored(folder)
    parsed = BibCache().load(path, Problems(), store=store, salt="v1")
    store.save(Problems())
    fresh = BibCache()
    problems = Problems()
    bib = fresh.load(path, problems, store=_stored(folder), salt="v1")
    assert fresh.stats.stored_hits == 1 and fresh.stats.misses == 0
    assert _snapshot(bib) == _snapshot(parsed)
    (problem,) = problems  # the stored problem comes back, naming the file and line
    assert "duplicate entry key" in problem.message
    assert (problem.path, problem.line) == (path, 2)
    again = BibCache()
    again.load(path, Problems(), store=_stored(folder), salt="v2")  # new code: parsed anew
    assert again.stats.misses == 1


def test_every_fixture_reads_back_from_its_stored_form_as_parsed() -> None:
    for path in sorted(FIXTURES.glob("*.bib")):
        problems = Problems()
        bib = parse_bibliography(path.read_text(encoding="utf-8"), path, problems)
        plain = json.loads(json.dumps(to_plain(bib, tuple(problems))))
        back, stored_problems = from_plain(plain, path)
        assert _snapshot(back) == _snapshot(bib), path.name
        assert list(stored_problems) == list(problems), path.name
        assert back.strings == bib.strings and back.digest == bib.digest
        assert [e.key for e in back.by_key.values()] == [e.key for e in bib.by_key.values()]


def test_a_stored_form_this_code_did_not_write_is_parsed_again(tmp_path: Path) -> None:
    path = tmp_path / "papers.bib"
    path.write_text(GOOD, encoding="utf-8")
    folder = tmp_path / ".cache"
    store = _stored(folder)
    BibCache().load(path, Problems(), store=store, salt="v1")
    slot = next(key for stage, key in store.new_entries() if stage == "bib")
    store.put("bib", slot, {"entries": [["only", "two"]]}, plain=True)
    fresh = BibCache()
    bib = fresh.load(path, Problems(), store=store, salt="v1")
    assert fresh.stats.misses == 1 and bib.entries[0].title == "A"


def test_load_bibliography_uses_the_module_cache(tmp_path: Path) -> None:
    path = tmp_path / "papers.bib"
    path.write_text(GOOD, encoding="utf-8")
    hits = DEFAULT_CACHE.stats.hits
    first = load_bibliography(path, Problems())
    assert load_bibliography(path, Problems()) is first
    assert DEFAULT_CACHE.stats.hits == hits + 1


WITH_FILES = (
    "@misc{a, title = {A}, year = 2020,\n  pdf = {a.pdf}}\n"
    "@misc{b, title = {B}, year = 2021,\n  slides = {https://example.org/b.pdf},\n"
    "  poster = {b-poster.pdf}}\n"
    "@misc{a, title = {again}}\n"
)


def test_a_new_process_gets_the_outline_without_reading_the_file_back(tmp_path: Path) -> None:
    from mkdocs_folio.bib.cache import content_slot, loaded_slot, stored_outline

    path = tmp_path / "papers.bib"
    path.write_text(WITH_FILES, encoding="utf-8")
    folder = tmp_path / "cache"
    store, problems = CacheStore(), Problems()
    store.open(folder, problems)
    parsed_problems = Problems()
    bib = BibCache().load(path, parsed_problems, store=store, salt="s")
    store.save(problems)
    assert loaded_slot(bib, "s") == content_slot(path, "s")  # no second read when loaded

    later = CacheStore()  # another process: nothing in memory
    later.open(folder, problems)
    slot = content_slot(path, "s")
    assert slot is not None
    files, found = stored_outline(later, slot, path)
    # In the order of LOCAL_FILE_FIELDS, each at its own line (URLs too: the check skips them).
    assert sorted(files) == [("a", "pdf", "a.pdf", 2), ("b", "poster", "b-poster.pdf", 5),
                             ("b", "slides", "https://example.org/b.pdf", 4)]  # fmt: skip
    assert list(found) == list(parsed_problems)  # the duplicate key, at its line
    later.save(problems)  # it used the outline: the parsed file is kept for the next build
    again = CacheStore()
    again.open(folder, problems)
    assert again.get("bib", slot) is not None
    assert not problems

    path.write_text(WITH_FILES.replace("a.pdf", "edited.pdf"), encoding="utf-8")
    edited = content_slot(path, "s")
    assert edited != slot and stored_outline(again, edited, path) is None  # read it again


def test_an_outline_this_code_did_not_write_is_not_used(tmp_path: Path) -> None:
    from mkdocs_folio.bib.cache import OUTLINE, stored_outline

    store, problems = CacheStore(), Problems()
    store.open(tmp_path, problems)
    store.put(OUTLINE, "k", {"files": [["a", "pdf"]], "problems": []})
    assert stored_outline(store, "k", tmp_path / "papers.bib") is None
    store.put(OUTLINE, "k", ["not", "an", "outline"])
    assert stored_outline(store, "k", tmp_path / "papers.bib") is None
