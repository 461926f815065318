"""When the cycle collector may skip what a build holds (adapter/memory.py)."""

from __future__ import annotations

import gc
import weakref

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from mkdocs_folio.adapter import memory
from mkdocs_folio.plugin import FolioPlugin
from mkdocs_folio.render.workers import MIN_PAGES, RenderPool
from tests.sitebuilder import write_forking_site


class Node:
    pass


@pytest.fixture(autouse=True)
def nothing_frozen():
    gc.unfreeze()
    yield
    gc.unfreeze()


def test_shutdown_freezes_and_the_next_startup_releases_and_frees():
    plugin = FolioPlugin()
    plugin.on_startup(command="build", dirty=False)
    node = Node()
    node.self = node  # garbage only the cycle collector frees
    gone = weakref.ref(node)
    del node
    plugin.on_shutdown()
    assert gc.get_freeze_count() > 0  # the exit's collection walks none of it
    gc.collect()
    assert gone() is not None  # frozen: not walked, so not freed yet

    plugin.on_startup(command="build", dirty=False)  # a next build in the same process
    assert gc.get_freeze_count() > 0  # what is alive at startup lives on: frozen again
    memory.after_build()  # the end of that build releases everything
    assert gc.get_freeze_count() == 0
    gc.collect()
    assert gone() is None  # released, then freed: never lost


def test_the_young_generation_is_larger_only_while_a_build_runs():
    default = gc.get_threshold()
    memory.building()
    memory.building()  # a second call keeps the first saved thresholds
    assert gc.get_threshold() == (memory.YOUNG, *default[1:])
    memory.after_build()
    assert gc.get_threshold() == default
    memory.building()
    memory.after_serve_build()
    assert gc.get_threshold() == default
    memory.building()
    memory.before_exit()
    assert gc.get_threshold() == default
    gc.unfreeze()


def test_forked_workers_see_a_frozen_heap_and_a_build_releases_it():
    jobs = list(range(2 * MIN_PAGES))
    pool = RenderPool(
        jobs, lambda job: job * 2, workers=2, entries_made=dict, in_child=lambda: None
    )
    assert pool.workers == 2
    pool.start()
    assert gc.get_freeze_count() > 0
    results, _entries, missing = pool.finish()
    assert results == {i: i * 2 for i in jobs}
    assert missing == []


def test_a_whole_build_leaves_nothing_frozen(tmp_path, monkeypatch):
    thresholds = gc.get_threshold()
    forks = []
    freeze = memory.before_fork
    monkeypatch.setattr(memory, "before_fork", lambda: forks.append(1) or freeze())
    write_forking_site(tmp_path)
    # What `mkdocs build` runs. MkDocs keeps one instance of a plugin with startup events for
    # the whole process, so an earlier test's `serve` would otherwise still be its command.
    config = load_config(str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "out"))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
        assert (tmp_path / "out" / "index.html").exists()
        assert forks  # the posts were rendered by forked workers
        assert gc.get_freeze_count() == 0  # a process that builds again frees what it left
        assert gc.get_threshold() == thresholds  # the collector as it was before the build
    finally:
        config.plugins.on_shutdown()
    assert gc.get_freeze_count() > 0  # the exit walks none of it


def test_a_failed_build_releases_what_it_froze():
    plugin = FolioPlugin()
    gc.freeze()  # as the build did once its site was read
    plugin.on_build_error(error=RuntimeError("a plugin failed"))
    assert gc.get_freeze_count() == 0


def test_serve_leaves_the_release_to_its_idle_collection():
    plugin = FolioPlugin()
    plugin.on_startup(command="serve", dirty=False)
    gc.freeze()
    plugin.on_build_error(error=RuntimeError("a plugin failed"))
    assert gc.get_freeze_count() > 0  # the idle collection releases, collects and freezes
