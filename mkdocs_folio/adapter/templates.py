"""The theme's Jinja environment as folio uses it: compiled once, and read as an input.

MkDocs makes a new Jinja environment for every build, so every template (Material's
`base.html` and its partials, folio's layouts) is parsed and compiled again after every
saved edit. `TemplateCode` keeps the compiled code for the whole `mkdocs serve` session;
Jinja checks each template's source against the checksum it was compiled from, so an edited
template is compiled again, never served stale.

A page folio reuses depends on the templates its layout used: each template a traced render
loads is noted with the fingerprint of its source (`track_templates`), so editing one
layout or partial renders again exactly the pages that use it.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from mkdocs_folio.cache import trace
from mkdocs_folio.cache.fingerprint import Unfingerprintable, digest, fingerprint
from mkdocs_folio.cache.store import CacheStore
from mkdocs_folio.site.textfile import write_whole

__all__ = [
    "Fragment",
    "Fragments",
    "TemplateCode",
    "TemplateSources",
    "ThemeListing",
    "share_compiled_templates",
    "track_templates",
    "user_template_folder",
]


class TemplateCode(jinja2.BytecodeCache):
    """Compiled templates kept in memory across the builds of one process, and on disk
    across processes in a folder of the user's own (`user_template_folder`).

    Compiling Material's `base.html` and its partials costs a quarter of a second: every
    `mkdocs build` and every new `mkdocs serve` paid it although the templates never change.
    Jinja stamps each compiled template with the checksum of its source and its own format
    and refuses a stamp that differs, so an edited or upgraded template is compiled again.
    The folder is the user's (`~/.cache`), not the site's build cache: that one may be
    restored from CI caches shared between branches, and it holds data only, never code.
    """

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}
        self._folder: Path | None = None

    def use_folder(self, folder: Path | None) -> None:
        """Where compiled templates are also kept between processes (None: nowhere)."""
        self._folder = folder if folder is not None and _own_folder(folder) else None

    def get_bucket(
        self, environment: jinja2.Environment, name: str, filename: str | None, source: str
    ) -> jinja2.bccache.Bucket:
        """Jinja's bucket, under a key that also says how the environment compiles: one
        cache serves every environment of the theme (MkDocs', folio's, those other plugins
        make with `theme.get_env()`), and one a plugin configured otherwise (another
        extension, other delimiters) never gets code compiled for another setting."""
        key = self.get_cache_key(f"{name}\n{_compile_settings(environment)}", filename)
        bucket = jinja2.bccache.Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is None and self._folder is not None:
            try:
                code = (self._folder / f"{bucket.key}.code").read_bytes()
            except OSError:
                code = None
        if code is None:
            return
        try:
            bucket.bytecode_from_string(code)  # a stamp that differs leaves the bucket empty
        except Exception:  # a damaged file (cut short, overwritten): compile it again
            bucket.reset()
            self._code.pop(bucket.key, None)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._code[bucket.key] = bucket.bytecode_to_string()
        if self._folder is not None:
            # A full or read-only disk: the template is compiled again next time.
            with contextlib.suppress(OSError):
                write_whole(self._folder / f"{bucket.key}.code", code)

    def clear(self) -> None:
        self._code.clear()


def _compile_settings(env: jinja2.Environment) -> str:
    """The environment's settings that change the code Jinja compiles a template to."""
    autoescape = env.autoescape if isinstance(env.autoescape, bool) else "function"
    return repr(
        (
            sorted(env.extensions),
            autoescape,
            env.block_start_string,
            env.block_end_string,
            env.variable_start_string,
            env.variable_end_string,
            env.comment_start_string,
            env.comment_end_string,
            env.line_statement_prefix,
            env.line_comment_prefix,
            env.trim_blocks,
            env.lstrip_blocks,
            env.newline_sequence,
            env.keep_trailing_newline,
            env.optimized,
            env.is_async,
            type(env).__qualname__,
        )
    )


def share_compiled_templates(theme: Any, code: TemplateCode) -> None:
    """Every environment `theme.get_env()` makes reuses compiled templates. Material's
    search plugin makes three at every build and `mkdocs serve` rebuild to translate its
    labels, and compiled its language partials in each (six compilations a build)."""
    original = theme.get_env

    def get_env() -> jinja2.Environment:
        env = original()
        if env.bytecode_cache is None:
            env.bytecode_cache = code
        return env

    theme.get_env = get_env


def user_template_folder() -> Path:
    """`$XDG_CACHE_HOME/mkdocs-folio/templates-<jinja version>` (`~/.cache` by default)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "mkdocs-folio" / f"templates-{jinja2.__version__}"


def _own_folder(folder: Path) -> bool:
    """The folder exists (made if need be, private) and only this user can write to it:
    compiled code is run, so a folder others can write to is never read."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        stat = os.stat(folder)
    except OSError:
        return False
    getuid = getattr(os, "getuid", None)
    if getuid is not None and stat.st_uid != getuid():
        return False
    return not stat.st_mode & 0o022


class TemplateSources:
    """The fingerprint of each template's source as an environment's loader finds it;
    file contents are read again only when their size or time changed."""

    def __init__(self) -> None:
        self._files: dict[str, tuple[tuple[int, int], str]] = {}
        self._names: dict[str, str | None] = {}
        self._fingerprints: dict[str, str] = {}

    def new_build(self) -> None:
        self._names = {}  # a template of the same name may now come from another folder
        self._fingerprints = {}

    def fingerprint(self, env: jinja2.Environment, name: str) -> str | None:
        """`fingerprint(digest(env, name))`: what a trace notes for the template."""
        known = self._fingerprints.get(name)
        if known is None:
            found = self.digest(env, name)
            if found is None:
                return None
            known = self._fingerprints[name] = fingerprint(found)
        return known

    def digest(self, env: jinja2.Environment, name: str) -> str | None:
        if name in self._names:
            return self._names[name]
        try:
            source, filename, _ = env.loader.get_source(env, name)  # type: ignore[union-attr]
        except jinja2.TemplateNotFound:
            found = None
        else:
            found = self._file_digest(filename, source)
        self._names[name] = found
        return found

    def _file_digest(self, filename: str | None, source: str) -> str:
        if filename is None:
            return digest(source)
        try:
            stat = os.stat(filename)
            identity = (stat.st_size, stat.st_mtime_ns)
        except OSError:
            return digest(source)
        known = self._files.get(filename)
        if known is None or known[0] != identity:
            known = (identity, digest(f"{filename}\n{source}"))
            self._files[filename] = known
        return known[1]


def track_templates(env: jinja2.Environment, sources: TemplateSources, code: TemplateCode) -> None:
    """Make `env` reuse compiled code and note every template a traced render loads."""
    if getattr(env, "_folio_tracked", False):
        return
    env.bytecode_cache = code
    original = env.get_template

    def get_template(name: Any, parent: Any = None, globals: Any = None) -> jinja2.Template:
        template = original(name, parent, globals)
        if trace.is_recording():
            found = sources.fingerprint(env, template.name or str(name))
            if found is None:
                trace.uncacheable(f"template {name} has no source")
            else:
                trace.record_fingerprint("template", template.name or str(name), found)
        return template

    env.get_template = get_template  # type: ignore[method-assign]
    env._folio_tracked = True  # type: ignore[attr-defined]


class ThemeListing:
    """The static files of the theme's folders, found once for the builds of one process.

    Before each build MkDocs lists every file of every theme folder (Material's alone holds
    thousands of icons) and matches each name against its exclusion patterns, to find the
    static files to copy: a twentieth of a second for a list that does not change while
    `mkdocs serve` runs. The list is kept with the time of every folder it walked; a file
    added to or removed from any of them changes that folder's time, and the folders are
    listed again.

    A new process (`mkdocs build`) walks the folders once, and takes the list from the build
    cache under the fingerprint of every name the walk found (with MkDocs' and folio's
    versions and the static templates): only the matching, three quarters of the cost, is
    skipped, and a renamed, added or removed file is a new key.
    """

    STAGE = "theme-files"

    _MKDOCS_FILTER = "Files.add_files_from_theme.<locals>.filter"

    def __init__(self) -> None:
        # Per set of theme folders: the time of each folder walked, and the fingerprint of
        # every name the walk found.
        self._walked: dict[tuple[str, ...], tuple[dict[str, int], str]] = {}
        self._found: dict[tuple[Any, ...], tuple[str, list[str]]] = {}
        self._store: CacheStore | None = None
        self._code = ""

    def install(self, theme: Any, store: CacheStore | None = None, code: str = "") -> None:
        """Make the environments `theme.get_env()` returns find MkDocs' list through this;
        `store` keeps it across processes, under `code` (the versions: MkDocs' filter)."""
        self._store, self._code = store, code
        original = theme.get_env

        def get_env() -> jinja2.Environment:
            env = original()
            loader = env.loader
            if type(loader) is not jinja2.FileSystemLoader:
                return env
            list_templates = env.list_templates

            def listed(extensions: Any = None, filter_func: Any = None) -> list[str]:
                if extensions is not None or filter_func is None:
                    return list_templates(extensions, filter_func)
                if getattr(filter_func, "__qualname__", "") != self._MKDOCS_FILTER:
                    return list_templates(extensions, filter_func)
                key = (
                    tuple(str(path) for path in loader.searchpath),
                    loader.followlinks,
                    tuple(sorted(theme.static_templates)),  # a set: its order varies
                )
                return list(self._static_files(key, lambda: list_templates(None, filter_func)))

            env.list_templates = listed  # type: ignore[method-assign]
            return env

        theme.get_env = get_env

    def _static_files(self, key: tuple[Any, ...], find: Any) -> list[str]:
        dirs, followlinks = key[0], key[1]
        walked = self._walked.get(dirs)
        if walked is None or any(_mtime(path) != time for path, time in walked[0].items()):
            folders: dict[str, int] = {}
            names = []
            for top in dirs:
                for path, _subdirs, files in os.walk(top, followlinks=followlinks):
                    folders[path] = _mtime(path)
                    names.append([top, path, sorted(files)])
            walked = self._walked[dirs] = (folders, fingerprint(sorted(names)))
            self._found = {k: v for k, v in self._found.items() if k[0] != dirs}
        store = self._store
        known = self._found.get(key)
        if known is not None:
            if store is not None:
                store.keep(self.STAGE, known[0])
            return known[1]
        slot = fingerprint([self._code, list(key), walked[1]])
        kept = store.get(self.STAGE, slot) if store is not None else None
        if isinstance(kept, list) and all(type(name) is str for name in kept):
            found = kept
        else:
            found = list(find())
            if store is not None:
                store.put(self.STAGE, slot, found, plain=True)
        self._found[key] = (slot, found)
        return found


def _mtime(folder: str) -> int:
    try:
        return os.stat(folder).st_mtime_ns
    except OSError:
        return -1


@dataclass
class Fragment:
    """One rendering of a part of the layout, with what rendering it read and did."""

    text: str
    deps: dict[str, str]
    effects: list[Any]
    reasons: list[str]
    key: str | None
    """The fingerprint of the part's name and key (None when the key has none)."""
    clean: bool
    """It reported nothing and did nothing but read: another page can take its text."""
    text_digest: str = ""


class Fragments:
    """Parts of the layout that are the same on many pages (the head's links, Material's
    configuration script, the navbar, the footer), rendered once per build for each value
    of what they depend on, as `{% call folio_memo("footer", base_url) %}...{% endcall %}`.

    What the first rendering read (templates, site-wide values) is noted again for every
    page that gets the kept fragment, so a page reused later still depends on all of it.
    While a page renders (`begin_page`), its reads inside fragments are kept out of the
    trace it passes (its `outer` reads) and the fragments it used are listed: a page whose
    outer reads are unchanged differs from its last rendering only in those fragments, and
    is made by putting their new texts in place of the old (render/splice.py).
    """

    def __init__(self) -> None:
        self._kept: dict[tuple[Any, ...], Fragment] = {}
        self._by_key: dict[str, Fragment] = {}
        self._page: list[Fragment] | None = None
        self._outer: trace.Trace | None = None
        self._depth = 0

    def clear(self) -> None:
        self._kept.clear()
        self._by_key.clear()

    def get(self, key: str) -> Fragment | None:
        """The fragment rendered in this build under this key fingerprint, if any."""
        return self._by_key.get(key)

    def begin_page(self, outer: trace.Trace) -> None:
        self._page = []
        self._outer = outer

    def end_page(self) -> list[Fragment]:
        """The fragments the page used at its top level, in the order it used them."""
        used = self._page or []
        self._page = None
        self._outer = None
        return used

    def __call__(self, *key: Any, caller: Any) -> str:
        kept = self._kept.get(key)
        if kept is None:
            work = trace.Trace()
            self._depth += 1
            try:
                with trace.excluding(self._outer), trace.recording(work):
                    text = caller()
            finally:
                self._depth -= 1
            kept = self._keep(key, text, work)
        else:
            with trace.excluding(self._outer):
                trace.merge_into_active(kept.deps, kept.effects)
                for reason in kept.reasons:
                    trace.uncacheable(reason)
        if self._page is not None and self._depth == 0:
            self._page.append(kept)
        return kept.text

    def _keep(self, key: tuple[Any, ...], text: str, work: trace.Trace) -> Fragment:
        try:
            with trace.paused():
                named: str | None = fingerprint(list(key))
        except Unfingerprintable:
            named = None
        clean = named is not None and not (work.effects or work.problems or work.reasons)
        fragment = Fragment(text, work.deps, work.effects, work.reasons, named, clean, digest(text))
        self._kept[key] = fragment
        if named is not None:
            self._by_key[named] = fragment
        return fragment
