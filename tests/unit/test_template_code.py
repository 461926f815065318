"""Compiled templates kept between processes (adapter/templates.py: TemplateCode)."""

from __future__ import annotations

import os

import jinja2
import pytest

from mkdocs_folio.adapter.templates import TemplateCode, user_template_folder


def _env(templates, code: TemplateCode) -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(templates)), bytecode_cache=code)


def _compiles(env: jinja2.Environment) -> list[str]:
    """Names `env` compiles from source from now on."""
    compiled: list[str] = []
    original = env.compile

    def compile(source, name=None, filename=None, raw=False, defer_init=False):
        compiled.append(name)
        return original(source, name, filename, raw, defer_init)

    env.compile = compile  # type: ignore[method-assign]
    return compiled


@pytest.fixture
def site(tmp_path):
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "page.html").write_text("<p>{{ title }} {% include 'part.html' %}</p>")
    (templates / "part.html").write_text("part one")
    return templates, tmp_path / "user-cache"


def test_a_new_process_reads_what_an_earlier_one_compiled(site):
    templates, folder = site
    first = TemplateCode()
    first.use_folder(folder)
    assert _env(templates, first).get_template("page.html").render(title="a") == "<p>a part one</p>"
    assert len(list(folder.glob("*.code"))) == 2

    later = TemplateCode()  # a new process: nothing in memory
    later.use_folder(folder)
    env = _env(templates, later)
    compiled = _compiles(env)
    assert env.get_template("page.html").render(title="b") == "<p>b part one</p>"
    assert compiled == []


def test_an_edited_template_is_compiled_again_never_served_stale(site):
    templates, folder = site
    code = TemplateCode()
    code.use_folder(folder)
    _env(templates, code).get_template("page.html").render(title="a")
    (templates / "part.html").write_text("part two")

    later = TemplateCode()
    later.use_folder(folder)
    env = _env(templates, later)
    compiled = _compiles(env)
    assert env.get_template("page.html").render(title="a") == "<p>a part two</p>"
    assert compiled == ["part.html"]


def test_a_damaged_file_is_compiled_again(site):
    templates, folder = site
    code = TemplateCode()
    code.use_folder(folder)
    _env(templates, code).get_template("page.html").render(title="a")
    for path in folder.glob("*.code"):
        path.write_bytes(path.read_bytes()[:20])  # cut short after Jinja's stamp

    later = TemplateCode()
    later.use_folder(folder)
    env = _env(templates, later)
    compiled = _compiles(env)
    assert env.get_template("page.html").render(title="c") == "<p>c part one</p>"
    assert sorted(compiled) == ["page.html", "part.html"]


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_a_folder_others_can_write_to_is_never_read(site):
    templates, folder = site
    folder.mkdir()
    folder.chmod(0o777)
    code = TemplateCode()
    code.use_folder(folder)
    _env(templates, code).get_template("page.html").render(title="a")
    assert list(folder.iterdir()) == []


def test_without_a_folder_the_code_stays_in_memory(site):
    templates, folder = site
    code = TemplateCode()
    code.use_folder(None)
    env = _env(templates, code)
    env.get_template("page.html")
    again = _env(templates, code)  # the next build of the same `mkdocs serve`
    compiled = _compiles(again)
    again.get_template("page.html")
    assert compiled == []
    assert not folder.exists()


def test_the_folder_is_the_users_cache_folder_per_jinja_version(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert user_template_folder() == tmp_path / "mkdocs-folio" / f"templates-{jinja2.__version__}"


class _Theme:
    """What `share_compiled_templates` needs of MkDocs' Theme: a fresh environment per call."""

    def __init__(self, templates, **settings):
        self.templates = templates
        self.settings = settings

    def get_env(self) -> jinja2.Environment:
        return jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(self.templates)), **self.settings
        )


def test_every_environment_of_the_theme_reuses_compiled_templates(site):
    from mkdocs_folio.adapter.templates import share_compiled_templates

    templates, _folder = site
    theme = _Theme(templates)
    share_compiled_templates(theme, TemplateCode())
    first = theme.get_env()  # as Material's search plugin makes its own at every build
    assert first.get_template("page.html").render(title="a") == "<p>a part one</p>"
    later = theme.get_env()
    compiled = _compiles(later)
    assert later.get_template("page.html").render(title="b") == "<p>b part one</p>"
    assert compiled == []

    (templates / "part.html").write_text("part two")  # edited: compiled again, not stale
    edited = theme.get_env()
    compiled = _compiles(edited)
    assert edited.get_template("page.html").render(title="c") == "<p>c part two</p>"
    assert compiled == ["part.html"]


def test_an_environment_that_compiles_otherwise_never_gets_anothers_code(site):
    from mkdocs_folio.adapter.templates import share_compiled_templates

    templates, _folder = site
    (templates / "esc.html").write_text("{{ text }}")
    code = TemplateCode()
    plain, escaping = _Theme(templates), _Theme(templates, autoescape=True)
    share_compiled_templates(plain, code)
    share_compiled_templates(escaping, code)
    assert plain.get_env().get_template("esc.html").render(text="<b>") == "<b>"
    env = escaping.get_env()
    compiled = _compiles(env)
    assert env.get_template("esc.html").render(text="<b>") == "&lt;b&gt;"
    assert compiled == ["esc.html"]
    assert plain.get_env().get_template("esc.html").render(text="<b>") == "<b>"


def test_an_environment_with_its_own_cache_keeps_it(site):
    from mkdocs_folio.adapter.templates import share_compiled_templates

    templates, _folder = site
    own = jinja2.BytecodeCache()

    class Theme(_Theme):
        def get_env(self):
            env = super().get_env()
            env.bytecode_cache = own
            return env

    theme = Theme(templates)
    share_compiled_templates(theme, TemplateCode())
    assert theme.get_env().bytecode_cache is own
