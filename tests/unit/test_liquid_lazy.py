"""The build's Liquid renderer is made at its first render (liquid/lazy.py)."""

from __future__ import annotations

import subprocess
import sys

from mkdocs_folio.liquid import LiquidRenderer
from mkdocs_folio.liquid.lazy import LazyLiquid
from mkdocs_folio.problems import Problems


def test_importing_the_plugin_imports_no_python_liquid():
    code = "import sys, mkdocs_folio.plugin; print('liquid' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"


def test_the_renderer_is_made_at_the_first_render_and_renders_as_one_made_at_once(tmp_path):
    includes = tmp_path / "_includes"
    includes.mkdir()
    (includes / "hello.liquid").write_text("Hello {{ include.name }}!")
    (tmp_path / "page.md").write_text("x")
    (tmp_path / "beside.md").write_text("y")
    site = {"title": "T", "timezone": "Europe/Paris"}
    options = {"includes_dirs": [includes], "problems": Problems(), "source_root": tmp_path}
    lazy = LazyLiquid(site, **options)
    assert lazy.site is site
    assert lazy.find_include("hello.html") == includes / "hello.liquid"  # no renderer needed
    assert lazy.find_relative("page.md", "beside.md") == tmp_path / "beside.md"
    assert not lazy.made
    lazy.close()  # nothing made, nothing to close
    body = "{% include hello.liquid name='you' %} {{ '2024-01-01T12:00:00Z' | date: '%H:%M' }}"
    made = lazy.render(body, page={}, source="page.md").text
    assert lazy.made
    direct = LiquidRenderer(site, **options).render(body, page={}, source="page.md").text
    assert made == direct and made.startswith("Hello you! ")
    assert lazy.find_include("nowhere.liquid") is None
    lazy.close()


def test_an_unknown_timezone_is_reported_when_it_is_made():
    problems = Problems()
    LazyLiquid({"timezone": "Mars/Olympus"}, problems=problems)
    assert ["unknown timezone 'Mars/Olympus'" in str(p) for p in problems] == [True]


def test_forked_workers_share_the_renderer_the_build_made_before_forking(tmp_path, monkeypatch):
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from mkdocs_folio.render import owned
    from tests.sitebuilder import write_forking_site

    seen = []
    start = owned.RenderPool.start

    def recording_start(pool):
        plugin = config.plugins["folio"]
        seen.append((pool.workers, plugin.liquid.made))
        return start(pool)

    monkeypatch.setattr(owned.RenderPool, "start", recording_start)
    write_forking_site(tmp_path, body=lambda n: "{{ page.title }}")
    config = load_config(str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "out"))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    assert seen == [(2, True)]
    assert "Post 3" in (tmp_path / "out/2024/01/04/p3.html").read_text()  # its Liquid ran
