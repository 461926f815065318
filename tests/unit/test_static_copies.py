"""Static files copied by a render worker ahead of MkDocs: never stale, never left over."""

from __future__ import annotations

import os

from mkdocs.structure.files import File, Files

from mkdocs_folio.cache.store import CacheStore
from mkdocs_folio.problems import Problems
from mkdocs_folio.render.outputs import KeptFile, OutputKeeper


def keeper_for(site_dir) -> OutputKeeper:
    store = CacheStore()
    store.open(None, Problems())
    keeper = OutputKeeper()
    keeper.before_clean(site_dir, enabled=True, store=store)
    keeper.put_back()
    return keeper


def test_a_copy_made_ahead_is_kept_only_while_its_file_and_source_are_the_same(tmp_path):
    src, site = tmp_path / "docs", tmp_path / "site"
    (src / "img").mkdir(parents=True)
    for name, data in {"img/a.png": b"png", "b.pdf": b"pdf", "c.txt": b"text"}.items():
        (src / name).write_bytes(data)
    files = Files([File(name, str(src), str(site), False) for name in ("img/a.png", "b.pdf")])
    dropped = File("c.txt", str(src), str(site), False)
    keeper = keeper_for(site)

    to_copy = keeper.static_to_copy(files)
    assert [file.src_uri for file in to_copy] == ["img/a.png", "b.pdf"]
    copied = keeper.copy_ahead([*to_copy, dropped])  # c.txt: dropped by a plugin later
    assert [rel for rel, _ in copied] == ["img/a.png", "b.pdf", "c.txt"]
    assert (site / "img/a.png").read_bytes() == b"png"

    (src / "b.pdf").write_bytes(b"pdf, edited after it was copied")
    keeper.keep_static_files(files, copied)
    a, b = files
    assert type(a) is KeptFile  # copied already: MkDocs does not copy it again
    assert type(b) is File  # its source changed since: MkDocs copies it
    assert not (site / "c.txt").exists()  # nothing this build does not make stays
    files.copy_static_files()
    keeper.static_files_copied(files)
    assert type(a) is File
    assert (site / "b.pdf").read_bytes() == b"pdf, edited after it was copied"
    # Both are this build's copies (remembered as written, so the next build keeps them).
    assert keeper.written == {"img/a.png", "b.pdf"} and not keeper.kept
    assert keeper.static_to_copy(files) == []


def test_a_copy_that_fails_ahead_is_left_to_mkdocs(tmp_path):
    src, site = tmp_path / "docs", tmp_path / "site"
    src.mkdir()
    (src / "a.png").write_bytes(b"png")
    files = Files([File("a.png", str(src), str(site), False)])
    keeper = keeper_for(site)
    to_copy = keeper.static_to_copy(files)
    os.rename(src / "a.png", src / "later.png")  # gone while the worker copies
    assert keeper.copy_ahead(to_copy) == []
    os.rename(src / "later.png", src / "a.png")
    keeper.keep_static_files(files, [])
    assert type(next(iter(files))) is File
    files.copy_static_files()
    assert (site / "a.png").read_bytes() == b"png"
