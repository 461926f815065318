"""The build fingerprint (adapter/buildkey.py): what every kept page depends on."""

from __future__ import annotations

import ctypes
import types

from mkdocs_folio.adapter.buildkey import describe, folder_digest


def hook_module(path, source: str) -> types.ModuleType:
    path.write_text(source)
    module = types.ModuleType("hooks")
    module.__file__ = str(path)
    module.ctypes = ctypes  # what `import ctypes` in a hooks file leaves in its namespace
    module.os = __import__("os")
    return module


def test_a_hooks_module_is_described_by_its_source_not_its_namespace(tmp_path):
    path = tmp_path / "hooks.py"
    first = describe({"hooks": hook_module(path, "def on_page_markdown(m, **kw): return m\n")})
    # Walking the module's globals would reach `ctypes.cdll`, which loads any library
    # named by an attribute asked of it; the module's source says what the hook does.
    assert first == describe(
        {"hooks": hook_module(path, "def on_page_markdown(m, **kw): return m\n")}
    )
    edited = describe(
        {"hooks": hook_module(path, "def on_page_markdown(m, **kw): return m + 'x'\n")}
    )
    assert edited != first


def test_a_folder_digest_follows_its_files(tmp_path):
    (tmp_path / "a.txt").write_text("a")
    memo: dict = {}
    before = folder_digest(tmp_path, by_content=True, memo=memo)
    assert folder_digest(tmp_path, by_content=True, memo={}) == before
    (tmp_path / "b.txt").write_text("b")
    assert folder_digest(tmp_path, by_content=True, memo=memo) != before
