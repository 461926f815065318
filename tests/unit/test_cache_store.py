"""The build cache on disk: kept between processes, never trusted when damaged."""

from __future__ import annotations

import multiprocessing
import sqlite3
import threading
import time
from pathlib import Path

import pytest

from mkdocs_folio.cache.store import FILE_NAME, FORMAT, CacheStore
from mkdocs_folio.problems import Problems


def saved(folder: Path, entries: dict[tuple[str, str], object]) -> None:
    store = CacheStore()
    problems = Problems()
    store.open(folder, problems)
    for (stage, key), value in entries.items():
        store.put(stage, key, value)
    store.save(problems)
    assert not problems


def reopened(folder: Path) -> tuple[CacheStore, Problems]:
    store = CacheStore()
    problems = Problems()
    store.open(folder, problems)
    return store, problems


def test_entries_come_back_in_another_process_and_unused_ones_go(tmp_path):
    saved(tmp_path, {("body", "a"): {"html": "<p>a</p>"}, ("body", "b"): [1, 2]})
    store, problems = reopened(tmp_path)
    assert store.get("body", "a") == {"html": "<p>a</p>"}
    assert store.get("body", "missing") is None
    store.save(problems)  # this build used only "a"
    again, _ = reopened(tmp_path)
    assert again.get("body", "a") == {"html": "<p>a</p>"}
    assert again.get("body", "b") is None
    assert not problems


def test_a_prefetched_stage_is_read_in_one_query_and_the_next_build_asks_for_none(tmp_path):
    saved(tmp_path, {("page", f"k{i}"): {"n": i} for i in range(30)} | {("body", "b"): 1})
    store, problems = reopened(tmp_path)
    queries: list[str] = []
    store._connection.set_trace_callback(queries.append)
    store.prefetch("page")
    assert [store.get("page", f"k{i}") for i in range(30)] == [{"n": i} for i in range(30)]
    assert queries == ["SELECT key, value, checksum FROM entries WHERE stage='page'"]
    assert store.get("body", "b") == 1  # another stage: read as it is asked for
    store.save(problems)
    queries.clear()
    store.open(tmp_path, problems)  # a next build in the same process (`mkdocs serve`)
    store.prefetch("page")
    assert store.get("page", "k3") == {"n": 3}
    assert not [q for q in queries if q.startswith("SELECT")]
    assert not problems


def test_values_are_kept_as_utf8_bytes_and_text_rows_of_earlier_versions_are_read(tmp_path):
    import hashlib

    value = {"html": "<p>caf\u00e9 \u2014 \U0001f600</p>", "n": [1, 2]}
    saved(tmp_path, {("body", "new"): value})
    connection = sqlite3.connect(tmp_path / FILE_NAME)
    (stored,) = connection.execute("SELECT value FROM entries WHERE key = 'new'").fetchone()
    assert isinstance(stored, bytes)  # no text encoding on the way in or out
    # A row as an earlier version wrote it: text, checksum of its UTF-8 bytes.
    text = 'P{"html":"<p>\u00fcber</p>"}'
    checksum = hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest()
    connection.execute(
        "INSERT INTO entries (stage, key, value, checksum, used) VALUES ('body', 'old', ?, ?, 0)",
        (text, checksum),
    )
    connection.commit()
    connection.close()
    store, problems = reopened(tmp_path)
    assert store.get("body", "new") == value
    assert store.get("body", "old") == {"html": "<p>\u00fcber</p>"}
    assert not problems


def test_a_value_that_is_not_utf8_is_damage_not_a_traceback(tmp_path):
    import hashlib

    saved(tmp_path, {("body", "k"): "fine"})
    connection = sqlite3.connect(tmp_path / FILE_NAME)
    broken = b"P\xff\xfe"
    connection.execute(
        "UPDATE entries SET value = ?, checksum = ? WHERE key = 'k'",
        (broken, hashlib.blake2b(broken, digest_size=8).digest()),
    )
    connection.commit()
    connection.close()
    store, problems = reopened(tmp_path)
    assert store.get("body", "k") is None
    assert len(problems) == 1 and FILE_NAME in str(next(iter(problems)))


@pytest.mark.parametrize(
    "damage",
    ["foreign", "truncated", "flipped", "other format", "empty"],
)
@pytest.mark.parametrize("prefetch", [False, True], ids=["entry by entry", "prefetched"])
def test_a_damaged_cache_file_is_one_warning_and_is_rebuilt(tmp_path, damage, prefetch):
    saved(tmp_path, {("body", f"k{i}"): "x" * 5000 for i in range(40)})
    path = tmp_path / FILE_NAME
    data = path.read_bytes()
    if damage == "foreign":
        path.write_text("this is somebody's notes, not a database\n")
    elif damage == "truncated":
        path.write_bytes(data[: len(data) // 3])
    elif damage == "flipped":
        # Change one value behind SQLite's back: its checksum no longer matches.
        connection = sqlite3.connect(path)
        connection.execute("UPDATE entries SET value = 'Pstale' WHERE key = 'k7'")
        connection.commit()
        connection.close()
    elif damage == "other format":
        connection = sqlite3.connect(path)
        connection.execute("UPDATE meta SET value = 'mkdocs-folio-cache 0' WHERE name='format'")
        connection.commit()
        connection.close()
    elif damage == "empty":
        path.write_bytes(b"")
    store, problems = reopened(tmp_path)
    if prefetch:
        store.prefetch("body")
    values = [store.get("body", f"k{i}") for i in range(40)]
    assert "Pstale" not in values and "stale" not in values
    if damage == "empty":  # an empty file is a new database to SQLite: nothing to warn of
        assert not problems
    else:
        assert len(problems) == 1, list(problems)
        warning = str(next(iter(problems)))
        assert FILE_NAME in warning and "renders every page again" in warning
    # The damaged file is kept aside, never deleted; a new cache is written and read back.
    store.put("body", "fresh", {"ok": True})
    store.save(problems)
    again, later = reopened(tmp_path)
    assert again.get("body", "fresh") == {"ok": True}
    assert not later
    assert (tmp_path / f"{FILE_NAME}.unreadable").exists() == (damage != "empty")


def _writer(folder: str, name: str, rounds: int) -> None:
    for round_ in range(rounds):
        store = CacheStore()
        problems = Problems()
        store.open(Path(folder), problems)
        for i in range(50):
            store.put("body", f"{name}-{round_}-{i}", {"by": name, "text": "y" * 2000})
        store.save(problems)


def test_two_builds_at_once_leave_a_readable_cache(tmp_path):
    context = multiprocessing.get_context("spawn")
    writers = [context.Process(target=_writer, args=(str(tmp_path), n, 6)) for n in "ab"]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(60)
        assert writer.exitcode == 0
    connection = sqlite3.connect(tmp_path / FILE_NAME)
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert connection.execute("SELECT value FROM meta WHERE name='format'").fetchone()[0] == FORMAT
    connection.close()
    store, problems = reopened(tmp_path)
    # Each writer's last build is there whole (a build keeps what it used).
    found = [store.get("body", f"{n}-5-{i}") for n in "ab" for i in range(50)]
    assert sum(value is not None for value in found) >= 50
    assert not problems


def test_a_disabled_cache_keeps_nothing_and_writes_nothing(tmp_path):
    store = CacheStore()
    problems = Problems()
    store.open(tmp_path, problems, enabled=False)
    store.put("body", "a", 1)
    assert store.get("body", "a") is None
    store.save(problems)
    assert not (tmp_path / FILE_NAME).exists()


def test_a_folder_that_cannot_be_written_only_costs_speed(tmp_path):
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x")
    store = CacheStore()
    problems = Problems()
    store.open(blocked / "cache", problems)
    store.put("body", "a", 1)
    store.save(problems)  # cannot make the folder: no traceback, no warning
    assert store.get("body", "a") == 1
    assert not problems


def test_a_background_save_is_finished_before_the_next_build_reads(tmp_path, monkeypatch):
    """`mkdocs serve` saves a moment after the build; the next build (or `wait()`) finishes
    the save first, also when its timer has not fired yet, and values put `later` are
    written as they were put."""
    import mkdocs_folio.cache.store as store_module

    monkeypatch.setattr(store_module, "SAVE_DELAY", 30.0)  # the timer will not fire here
    store = CacheStore()
    problems = Problems()
    store.open(tmp_path, problems)
    store.put("bib", "k", {"entries": [1, 2]}, plain=True, later=True)
    assert store.get("bib", "k") == {"entries": [1, 2]}  # readable before it is written
    store.put("body", "b", "<p>b</p>")
    store.save(problems, background=True)
    assert not (tmp_path / FILE_NAME).exists()  # not yet written
    store.open(tmp_path, problems)  # the next build
    assert (tmp_path / FILE_NAME).exists()
    other, _ = reopened(tmp_path)
    assert other.get("bib", "k") == {"entries": [1, 2]}
    assert other.get("body", "b") == "<p>b</p>"


def test_a_background_save_writes_on_its_own_after_its_delay(tmp_path, monkeypatch):
    import mkdocs_folio.cache.store as store_module

    monkeypatch.setattr(store_module, "SAVE_DELAY", 0.01)
    store = CacheStore()
    problems = Problems()
    store.open(tmp_path, problems)
    store.put("page", "p", {"deps": {}}, later=True)
    store.save(problems, background=True)
    deadline = time.monotonic() + 20
    while not (tmp_path / FILE_NAME).exists() and time.monotonic() < deadline:
        time.sleep(0.01)
    store.wait()
    other, _ = reopened(tmp_path)
    assert other.get("page", "p") == {"deps": {}}


def test_an_entry_of_json_types_only_is_known_plain_after_a_round_trip(tmp_path):
    from datetime import date

    saved(
        tmp_path, {("page", "plain"): {"deps": {"a": "1"}}, ("page", "dated"): [date(2026, 1, 2)]}
    )
    store, _ = reopened(tmp_path)
    assert store.get("page", "plain") and store.get("page", "dated")
    assert store.is_plain("page", "plain")
    assert not store.is_plain("page", "dated")  # a date needs its tag back
    assert not store.is_plain("page", "never kept")


def test_a_save_written_ahead_holds_the_whole_build_in_one_transaction(tmp_path):
    """`write_ahead` (a cold `mkdocs build`, pages done) starts writing in a thread; what
    is made after it, and values put again, are in the file once `save` returns, and what
    the build did not use is not."""
    store = CacheStore()
    problems = Problems()
    store.open(tmp_path, problems)
    store.put("body", "early", {"html": "<p>early</p>"})
    store.put("body", "changed", "old")
    store.put("bib", "big", {"entries": list(range(1000))}, plain=True, later=True)
    store.put("body", "unused", 1)
    store.write_ahead()
    assert store._ahead is not None
    store.put("body", "late", [1, 2])
    store.put("body", "changed", "new")
    store._used.discard(("body", "unused"))  # as if the build had not used it after all
    store.save(problems)
    assert store._ahead is None
    again, later = reopened(tmp_path)
    assert again.get("body", "early") == {"html": "<p>early</p>"}
    assert again.get("body", "late") == [1, 2]
    assert again.get("body", "changed") == "new"
    assert again.get("bib", "big") == {"entries": list(range(1000))}
    assert again.get("body", "unused") is None
    assert not problems and not later


def test_a_failed_build_rolls_back_what_it_wrote_ahead_without_a_warning_next_time(tmp_path):
    store = CacheStore()
    problems = Problems()
    store.open(tmp_path, problems)
    store.put("body", "a", 1)
    store.write_ahead()
    store.abandon()  # on_build_error
    again, later = reopened(tmp_path)
    assert again.get("body", "a") is None
    assert not later and not (tmp_path / f"{FILE_NAME}.unreadable").exists()
    # The next build of the same process writes its cache as usual.
    store.open(tmp_path, problems)
    store.put("body", "b", 2)
    store.save(problems)
    assert reopened(tmp_path)[0].get("body", "b") == 2


def test_a_build_that_read_a_cache_saves_at_its_end(tmp_path):
    """Writing ahead could lock the file this build still reads from: not done then."""
    saved(tmp_path, {("body", "a"): 1})
    store, problems = reopened(tmp_path)
    assert store.get("body", "a") == 1
    store.write_ahead()
    assert store._ahead is None
    store.put("body", "b", 2)
    store.save(problems)
    again, _ = reopened(tmp_path)
    assert again.get("body", "a") == 1 and again.get("body", "b") == 2


def test_a_build_beside_one_writing_ahead_waits_for_it_then_saves_whole(tmp_path):
    first = CacheStore()
    problems = Problems()
    first.open(tmp_path, problems)
    first.put("body", "first", 1)
    first.write_ahead()  # holds the file's write lock until `save`
    journal = tmp_path / f"{FILE_NAME}-journal"  # there while the transaction writes
    deadline = time.monotonic() + 20
    while not journal.exists() and time.monotonic() < deadline:
        time.sleep(0.005)
    assert journal.exists()
    second = CacheStore()
    second.open(tmp_path, problems)
    second.put("body", "second", 2)
    saving = threading.Thread(target=second.save, args=(problems,))
    saving.start()
    saving.join(0.3)
    assert saving.is_alive()  # waits for the first build's transaction
    first.save(problems)
    saving.join(20)
    assert not saving.is_alive()
    again, later = reopened(tmp_path)
    # The build that saved last is there whole (a build keeps what it used).
    assert again.get("body", "second") == 2
    assert not problems and not later
