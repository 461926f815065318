"""Writing files: pages written over in place, kept files written whole."""

from __future__ import annotations

import os

from mkdocs_folio.site.textfile import overwrite, write_whole


def test_overwrite_leaves_exactly_the_new_content_whatever_was_there(tmp_path):
    path = tmp_path / "index.html"
    for text in (b"<html>first</html>", b"<html>a longer second one</html>", b"<p>", b""):
        overwrite(str(path), text)
        assert path.read_bytes() == text
    inode = path.stat().st_ino
    overwrite(str(path), b"same file")
    assert path.stat().st_ino == inode  # written over, not replaced


def test_overwrite_makes_missing_folders(tmp_path):
    path = tmp_path / "blog" / "2026" / "a-post" / "index.html"
    overwrite(str(path), "café".encode())
    assert path.read_text(encoding="utf-8") == "café"


def test_write_whole_replaces_and_leaves_no_temporary_file(tmp_path):
    path = tmp_path / "kept.json"
    path.write_bytes(b"old content that is long")
    write_whole(path, b"new")
    assert path.read_bytes() == b"new"
    assert sorted(os.listdir(tmp_path)) == ["kept.json"]
