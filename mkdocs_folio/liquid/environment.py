"""Render Jekyll page bodies as Liquid, the way Jekyll does, without ever failing a page.

Jekyll renders every page body as a Liquid template before Markdown, and al-folio sites put
real programs there (`{% for y in page.years %}`, `{{ site.baseurl }}`,
`{% include figure.liquid path=... %}`). `LiquidRenderer` does the same with python-liquid,
Jekyll's filters and the tags and includes of the registry.

Where Jekyll stops the build, the renderer records a `Problem` naming the file and line and
renders the rest of the page:

- an unknown tag outputs nothing (one problem per page and tag name); the content between an
  unknown block tag and its end tag still renders;
- a syntax error (an `{% if %}` never closed, a broken expression) removes the broken tag or
  output statement and renders the rest of the page; a `{{` or `{%` that is never closed is
  printed as text instead (removing it would lose everything up to the next tag);
- an error while rendering (a filter given a bad value, a failing tag handler) loses that one
  output;
- an unknown include outputs nothing (one problem per page and include name);
- undefined variables render empty, as in Jekyll, without a warning.

Parsed templates are cached by content hash in a `TemplateCache` that outlives renderers, so
a `mkdocs serve` rebuild parses only the bodies that changed.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections import Counter, OrderedDict
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from io import StringIO
from pathlib import Path
from typing import Any, TextIO

from liquid import Environment, Mode
from liquid.ast import Node
from liquid.builtin.expressions import FilteredExpression, tokenize
from liquid.context import RenderContext
from liquid.exceptions import LiquidError, LiquidInterrupt, StopRender
from liquid.parser import Parser
from liquid.stream import TokenStream
from liquid.template import BoundTemplate
from liquid.token import TOKEN_EXPRESSION, Token
from liquid.undefined import Undefined

from mkdocs_folio.cache import trace
from mkdocs_folio.cache.fingerprint import digest
from mkdocs_folio.liquid.filters import JekyllFilters, safe_filter
from mkdocs_folio.liquid.includes import find_include, find_relative
from mkdocs_folio.liquid.nodes import (
    FolioOutput,
    IncludeMarkup,
    IncludeRelativeTag,
    IncludeTag,
    UnknownTag,
    guard_nodes,
    render_block,
    tag_class_for,
)
from mkdocs_folio.liquid.registry import Registry, default_registry, include_key
from mkdocs_folio.liquid.stash import Stash
from mkdocs_folio.problems import Problems
from mkdocs_folio.site.dates import site_timezone
from mkdocs_folio.site.textfile import decode_text

__all__ = ["FolioEnvironment", "LiquidRenderer", "RenderResult", "TemplateCache"]

log = logging.getLogger(__name__)

_MAX_REPAIRS = 25
_CACHE_VERSION = 1


@dataclass
class RenderResult:
    """A rendered body (still Markdown) and the HTML its tags stashed away from Markdown."""

    text: str
    stash: Stash


@dataclass
class CompiledTemplate:
    """A parsed body or include, shared by every page and build that has the same text.

    `text` is the source that was parsed: the original, or a repaired copy with the same
    line structure (broken tags are replaced by their newlines). Line numbers below are
    0-based offsets from the first line of the text.
    """

    text: str
    nodes: list[Node] | None
    unknown_tags: dict[str, int] = field(default_factory=dict)
    errors: list[tuple[str, int | None, str]] = field(default_factory=list)


class TemplateCache:
    """Parsed templates by content hash, least recently used dropped first.

    One cache outlives the renderers built for each `mkdocs serve` rebuild, so unchanged
    bodies are parsed once per session. Parsed nodes hold no page state.
    """

    def __init__(self, maxsize: int = 4096) -> None:
        self.maxsize = maxsize
        self._items: OrderedDict[tuple[Any, str], CompiledTemplate] = OrderedDict()
        self.hits = 0
        self.misses = 0

    def get(self, key: tuple[Any, str]) -> CompiledTemplate | None:
        item = self._items.get(key)
        if item is None:
            self.misses += 1
            return None
        self.hits += 1
        self._items.move_to_end(key)
        return item

    def put(self, key: tuple[Any, str], item: CompiledTemplate) -> None:
        self._items[key] = item
        self._items.move_to_end(key)
        while len(self._items) > self.maxsize:
            self._items.popitem(last=False)

    def clear(self) -> None:
        self._items.clear()

    def __len__(self) -> int:
        return len(self._items)


SHARED_CACHE = TemplateCache()


# --- The python-liquid environment ----------------------------------------------------------


class _ParseLog:
    """Errors and unknown tags met while parsing one text (positions are string indexes)."""

    def __init__(self) -> None:
        self.errors: list[tuple[str, int | None]] = []
        self.unknown: dict[str, int] = {}


class _FolioContext(RenderContext):
    """A render context that reports an unknown filter and passes the value through."""

    __slots__ = ()

    def filter(self, name: str, token: Token | None) -> Callable[..., object]:
        if name not in self.env.filters:
            state = getattr(self.env, "state", None)
            if state is not None:
                state.unknown_filter(name, token)
            return _pass_through
        return super().filter(name, token)


def _pass_through(value: object, *_args: object, **_kwargs: object) -> object:
    return value


class _FolioTemplate(BoundTemplate):
    context_class = _FolioContext


class FolioEnvironment(Environment):
    """python-liquid, set up so that errors become values instead of exceptions.

    While a text is parsed, errors go to a parse log (with the position of the tag being
    parsed, which python-liquid's own errors often lack); while a page renders, they go to the
    page's render state, which records problems. Outside both, errors raise as usual.
    """

    template_class = _FolioTemplate
    loop_iteration_limit = 1_000_000
    """A typo such as `(1..100000000)` must not hang the build: such a loop is a problem."""

    def __init__(self) -> None:
        self._tag_stack: list[Token] = []
        self._sinks: list[_ParseLog | RenderState] = []
        self._states: list[RenderState] = []
        super().__init__(tolerance=Mode.STRICT, strict_filters=True, autoescape=False)

    def add_tag(self, tag: type[Any]) -> None:
        instance = tag(self)
        original = instance.get_node
        stack = self._tag_stack

        def get_node(stream: TokenStream) -> Node:
            # Remember which tag is being parsed: when it fails, it is the construct to drop.
            stack.append(stream.current)
            try:
                return original(stream)
            finally:
                stack.pop()

        instance.get_node = get_node
        self.tags[tag.name] = instance

    @property
    def parse_log(self) -> _ParseLog | None:
        sink = self._sinks[-1] if self._sinks else None
        return sink if isinstance(sink, _ParseLog) else None

    @property
    def state(self) -> RenderState | None:
        return self._states[-1] if self._states else None

    def parse_text(self, source: str, parse_log: _ParseLog) -> list[Node]:
        """Parse `source`, collecting errors in `parse_log`; lexer errors still raise."""
        self._sinks.append(parse_log)
        saved = self._tag_stack[:]
        self._tag_stack.clear()
        try:
            return Parser(self).parse(TokenStream(self.tokenizer()(source)))
        finally:
            self._sinks.pop()
            self._tag_stack[:] = saved

    def error(
        self,
        exc: type[LiquidError] | LiquidError,
        msg: str | None = None,
        token: Token | None = None,
    ) -> None:
        if not isinstance(exc, LiquidError):
            exc = exc(msg, token=token)
        sink = self._sinks[-1] if self._sinks else None
        if sink is None:
            raise exc
        if isinstance(sink, _ParseLog):
            sink.errors.append((_message(exc), self._parse_position(exc, token)))
        else:
            sink.render_error(exc, token)

    def _parse_position(self, exc: LiquidError, token: Token | None) -> int | None:
        if self._tag_stack:
            return self._tag_stack[-1].start_index
        for candidate in (exc.token, token):
            if candidate is not None and candidate.start_index >= 0 and candidate.source:
                return candidate.start_index
        return None

    def push_state(self, state: RenderState) -> None:
        self._states.append(state)
        self._sinks.append(state)

    def pop_state(self) -> None:
        self._states.pop()
        self._sinks.pop()


def _message(exc: LiquidError) -> str:
    message = exc.message if exc.args else type(exc).__name__
    return str(message)


# --- Repairing broken templates --------------------------------------------------------------

_TAG_NAME = re.compile(r"\{%-?\s*(#|\w+)")
_NOT_CLOSED = re.compile(r"expected tag (end\w+), found")
_BLOCK_INNER = {
    "else": ("if", "unless", "for", "case"),
    "elsif": ("if", "unless"),
    "when": ("case",),
}


def _markup_span(source: str, index: int) -> tuple[int, int] | None:
    """The `{% ... %}` or `{{ ... }}` around position `index`."""
    start = max(source.rfind("{%", 0, index + 2), source.rfind("{{", 0, index + 2))
    if start < 0:
        return None
    closer = "%}" if source.startswith("{%", start) else "}}"
    end = source.find(closer, start + 2)
    if end < 0:
        return None
    return start, end + 2


def _removal(source: str, span: tuple[int, int]) -> tuple[int, int, str]:
    """Remove a span, keeping its newlines so that every later line keeps its number."""
    start, end = span
    return start, end, "\n" * source.count("\n", start, end)


def _apply_edits(source: str, edits: list[tuple[int, int, str]]) -> str:
    last_start = len(source) + 1
    for start, end, replacement in sorted(set(edits), reverse=True):
        if end > last_start:  # overlapping edits: the outer one already covers this
            continue
        source = source[:start] + replacement + source[end:]
        last_start = start
    return source


def _excerpt(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _strip_liquid(text: str) -> str:
    """Last resort: the body with every Liquid construct removed (newlines kept)."""
    return re.sub(
        r"\{%.*?%\}|\{\{.*?\}\}",
        lambda m: "\n" * m.group(0).count("\n"),
        text,
        flags=re.S,
    )


_SYNTAX_HINT = "the broken tag is left out of the page; fix it at this line"
_LEXER_HINT = "it is shown as text; close it, or wrap literal braces in {% raw %}...{% endraw %}"


def compile_text(env: FolioEnvironment, text: str) -> CompiledTemplate:
    """Parse `text`, repairing syntax errors so that the rest of it still renders."""
    source = text
    errors: list[tuple[str, int | None, str]] = []
    seen: set[tuple[str, int | None]] = set()
    removed: Counter[str] = Counter()
    nodes: list[Node] | None = None
    parse_log = _ParseLog()

    def report(message: str, index: int | None, hint: str) -> None:
        line = source.count("\n", 0, index) if index is not None else None
        if (message, line) not in seen:
            seen.add((message, line))
            errors.append((message, line, hint))

    for _ in range(_MAX_REPAIRS):
        parse_log = _ParseLog()
        try:
            nodes = env.parse_text(source, parse_log)
        except LiquidError as err:
            # The lexer gave up on a `{{` or `{%` that is never closed: print it as text.
            token = err.token
            if token is None or token.start_index < 0 or token.source is not source:
                report(f"Liquid syntax error: {_message(err)}", None, _SYNTAX_HINT)
                nodes = None
                break
            index = token.start_index
            opener = source[index : index + 2]
            closer = "}}" if opener == "{{" else "%}"
            report(f"'{opener}' is not closed by '{closer}'", index, _LEXER_HINT)
            source = source[:index] + f'{{{{ "{opener}" }}}}' + source[index + 2 :]
            continue
        except RecursionError:
            report("Liquid syntax error: the template is nested too deeply", None, _SYNTAX_HINT)
            nodes = None
            break
        if not parse_log.errors:
            break
        edits: list[tuple[int, int, str]] = []
        for message, index in parse_log.errors:
            span = _markup_span(source, index) if index is not None else None
            name_match = _TAG_NAME.match(source, span[0]) if span else None
            name = name_match.group(1) if name_match else ""
            if span and _is_cascade(name, removed):
                edits.append(_removal(source, span))
                continue
            if span and (
                "{{" in source[span[0] + 2 : span[1]] or "{%" in source[span[0] + 2 : span[1]]
            ):
                # `{{ x` never closed swallowed the next tag: print the opener as text instead
                # of losing everything up to the next closer.
                opener = source[span[0] : span[0] + 2]
                closer = "}}" if opener == "{{" else "%}"
                report(f"'{opener}' is not closed by '{closer}'", span[0], _LEXER_HINT)
                edits.append((span[0], span[0] + 2, f'{{{{ "{opener}" }}}}'))
                continue
            not_closed = _NOT_CLOSED.search(message)
            if not_closed and name:
                text_message = f"'{{% {name} %}}' is not closed by '{{% {not_closed.group(1)} %}}'"
            elif span:
                text_message = f"{message} in '{_excerpt(source[span[0] : span[1]])}'"
            else:
                text_message = message
            report(f"Liquid syntax error: {text_message}", index, _SYNTAX_HINT)
            if span:
                edits.append(_removal(source, span))
                if name and not not_closed and _is_block(env, name):
                    removed[name] += 1
        if not edits:
            break
        source = _apply_edits(source, edits)

    unknown = {name: source.count("\n", 0, index) for name, index in parse_log.unknown.items()}
    return CompiledTemplate(
        text=source,
        nodes=guard_nodes(nodes) if nodes is not None else None,
        unknown_tags=unknown,
        errors=errors,
    )


def _is_block(env: FolioEnvironment, name: str) -> bool:
    tag = env.tags.get(name)
    return tag is not None and bool(getattr(tag, "block", False)) and bool(getattr(tag, "end", ""))


def _is_cascade(name: str, removed: Counter[str]) -> bool:
    """An end/else tag left stray because its broken opening tag was removed earlier."""
    if name.startswith("end") and removed[name[3:]] > 0:
        removed[name[3:]] -= 1
        return True
    return any(removed[opener] > 0 for opener in _BLOCK_INNER.get(name, ()))


# --- Rendering one page ----------------------------------------------------------------------


@dataclass
class _Origin:
    """A text being rendered: the page body, an include file or a snippet of a tag."""

    path: Path | str
    first_line: int
    text: str


class RenderState:
    """Everything about the page being rendered; the nodes reach it through the environment."""

    def __init__(
        self,
        renderer: LiquidRenderer,
        *,
        page: Mapping[str, Any],
        source: Path | str,
        stash: Stash,
    ) -> None:
        self.renderer = renderer
        self.page = page
        self.source = source
        self.stash = stash
        self.site = renderer.site
        self.problems = renderer.problems
        self.origins: list[_Origin] = []
        self._reported: set[tuple[str, str]] = set()

    # Locations and problems
    def locate(self, token: Token | None) -> tuple[Path | str, int | None]:
        if not self.origins:
            return self.source, None
        if token is not None and token.start_index >= 0:
            for origin in reversed(self.origins):
                if token.source is origin.text:
                    return origin.path, origin.first_line + origin.text.count(
                        "\n", 0, token.start_index
                    )
        top = self.origins[-1]
        return top.path, None

    def add(self, message: str, token: Token | None, hint: str = "") -> None:
        path, line = self.locate(token)
        self.problems.add(message, path, line, hint)

    def once(self, kind: str, name: str) -> bool:
        """True the first time a page meets this kind of problem for this name."""
        key = (kind, name)
        if key in self._reported:
            return False
        self._reported.add(key)
        return True

    def report_compiled(self, compiled: CompiledTemplate, origin: _Origin) -> None:
        for message, line, hint in compiled.errors:
            where = origin.first_line + line if line is not None else None
            self.problems.add(message, origin.path, where, hint)
        for name, line in compiled.unknown_tags.items():
            if self.once("tag", name):
                self.problems.add(
                    f"unknown Liquid tag '{name}'; it is left out of the page",
                    origin.path,
                    origin.first_line + line,
                    "mkdocs-folio has no such tag: remove it, or write the HTML it stood for",
                )

    def render_error(self, exc: LiquidError, token: Token | None) -> None:
        located = exc.token
        if located is None or located.start_index < 0 or not located.source:
            located = token
        self.add(
            f"Liquid error: {_message(exc)}",
            located,
            "this output is left out of the page",
        )

    def unknown_filter(self, name: str, token: Token | None) -> None:
        if self.once("filter", name):
            self.add(
                f"unknown Liquid filter '{name}'; the value is used unfiltered",
                token,
                "remove the filter or check its spelling",
            )

    # Tags
    def tag_context(
        self,
        context: RenderContext,
        token: Token,
        *,
        name: str,
        args: str,
        params: dict[str, Any] | None = None,
        block: Any = None,
        raw: str | None = None,
    ) -> _TagContext:
        path, line = self.locate(token)
        return _TagContext(
            state=self,
            context=context,
            name=name,
            args=args,
            params=params or {},
            source=path,
            line=line or 0,
            block=block,
            raw=raw,
        )

    def call_handler(self, handler: Callable[[Any, Any], Any], first: Any, ctx: _TagContext) -> str:
        if not getattr(handler, "folio_traced", False):
            # A handler that does not say what it reads may read anything: the page it is on
            # is then rendered again whenever anything of the site changes.
            trace.depend("build", "all")
        try:
            output = handler(first, ctx)
        except (LiquidInterrupt, StopRender):
            raise
        except Exception as exc:
            log.debug("Liquid handler %r failed", ctx.name, exc_info=True)
            ctx.problem(
                f"the Liquid tag '{ctx.name}' failed: {type(exc).__name__}: {exc}",
                "it is left out of the page",
            )
            return ""
        return "" if output is None else str(output)

    # Expressions and snippets
    def evaluate(self, context: RenderContext, text: str) -> Any:
        value = self.renderer.expression(text).evaluate(context)
        return None if isinstance(value, Undefined) else value

    def render_snippet(self, context: RenderContext, text: str, path: Path | str, line: int) -> str:
        if "{" not in text:
            return text  # no Liquid markup: nothing to parse (most tag arguments)
        compiled = self.renderer.compile(text)
        origin = _Origin(path, line, compiled.text)
        self.report_compiled(compiled, origin)
        if compiled.nodes is None:
            return text
        buffer = StringIO()
        self.origins.append(origin)
        try:
            for node in compiled.nodes:
                node.render(context, buffer)
        finally:
            self.origins.pop()
        return buffer.getvalue()

    # Includes
    def include(
        self,
        context: RenderContext,
        buffer: TextIO,
        token: Token,
        markup: IncludeMarkup,
        *,
        relative: bool,
    ) -> int:
        tag = "include_relative" if relative else "include"
        name = markup.file
        if markup.file_is_template:
            path, line = self.locate(token)
            name = self.render_snippet(context, name, path, line or 0).strip()
        if markup.invalid:
            self.add(
                f"invalid parameters in '{{% {tag} {name} %}}': '{_excerpt(markup.invalid)}'",
                token,
                'write them as key="text" or key=variable; the valid ones are used',
            )
        if not name or re.search(r"[./]{2,}", name) or name.startswith(("/", "\\")):
            self.add(
                f"invalid file name in '{{% {tag} {name} %}}'",
                token,
                "name a file inside the folder, without '..' or a leading '/'",
            )
            return 0
        params = self._params(context, markup) if markup.has_params else None
        if not relative:
            spec = self.renderer.registry.include(name)
            if spec is not None and self.renderer.has_site_include(name):
                # A site's changed copy of a built-in include renders as the owner wrote it;
                # whether a file is changed depends on its content, so the page notes it.
                trace.depend("include", name)
                if include_key(name) in self.renderer.site_includes:
                    spec = None
            if spec is not None:
                ctx = self.tag_context(context, token, name=name, args=markup.raw, params=params)
                return buffer.write(self.call_handler(spec.handler, params or {}, ctx))
            trace.depend("include", name)
            found = self.renderer.find_include(name)
        else:
            trace.depend("include-relative", f"{self.source}{trace.SEP}{name}")
            found = self.renderer.find_relative(self.source, name)
        if found is None:
            if self.once(tag, name):
                where = "next to the page" if relative else "in the site's _includes/ folder"
                self.add(
                    f"unknown include '{name}'; it is left out of the page",
                    token,
                    f"mkdocs-folio has no such include and found no file {where}",
                )
            return 0
        compiled = self.renderer.compile_file(found, self)
        if compiled is None or compiled.nodes is None:
            return 0
        origin = _Origin(found, 1, compiled.text)
        self.report_compiled(compiled, origin)
        template = self.renderer.bind(compiled, found)
        namespace: dict[str, Any] = {"include": params} if params is not None else {}
        self.origins.append(origin)
        try:
            with context.extend(namespace, template=template):
                template.render_with_context(context, buffer, partial=True)
        finally:
            self.origins.pop()
        return 1

    def _params(self, context: RenderContext, markup: IncludeMarkup) -> dict[str, Any]:
        params: dict[str, Any] = {}
        for key, text, is_expression in markup.params:
            params[key] = self.evaluate(context, text) if is_expression else text
        return params


class _TagContext:
    """The `TagContext` handed to tag and include handlers (see `registry.TagContext`)."""

    def __init__(
        self,
        *,
        state: RenderState,
        context: RenderContext,
        name: str,
        args: str,
        params: dict[str, Any],
        source: Path | str,
        line: int,
        block: Any,
        raw: str | None,
    ) -> None:
        self._state = state
        self._context = context
        self._block = block
        self._content: str | None = None
        self.name = name
        self.args = args
        self.params = params
        self.source = source
        self.line = line
        self.raw_content = raw

    @property
    def page(self) -> Mapping[str, Any]:
        return self._state.page

    @property
    def site(self) -> Mapping[str, Any]:
        return self._state.site

    @property
    def problems(self) -> Problems:
        return self._state.problems

    @property
    def stash(self) -> Stash:
        return self._state.stash

    @property
    def content(self) -> str | None:
        if self._block is None:
            return None
        if self._content is None:
            self._content = render_block(self._block, self._context)
        return self._content

    def evaluate(self, expression: str, default: Any = None) -> Any:
        try:
            value = self._state.evaluate(self._context, expression)
        except LiquidError as err:
            self.problem(
                f"invalid Liquid expression '{_excerpt(expression)}' in tag '{self.name}': "
                f"{_message(err)}"
            )
            return default
        return default if value is None else value

    def render(self, snippet: str) -> str:
        return self._state.render_snippet(self._context, snippet, self.source, self.line)

    def markdownify(self, text: str) -> str:
        return self._state.renderer.markdownify(text)

    def problem(self, message: str, hint: str = "") -> None:
        self.problems.add(message, self.source, self.line or None, hint)


# --- The renderer ----------------------------------------------------------------------------


def _identity(text: str) -> str:
    return text


_UNSET: Any = object()


class LiquidRenderer:
    """Renders page bodies for one build of one site.

    `site` is Jekyll's `site` object as the caller builds it (config keys, `data`, the
    collections); `includes_dirs` are searched for `{% include %}` files in order (usually
    the site's `_includes/`); `markdownify` is the site's Markdown converter, used by the
    `markdownify` filter; every problem goes to `problems`.

    Not thread-safe: use one renderer per thread.
    """

    def __init__(
        self,
        site: Mapping[str, Any],
        *,
        includes_dirs: Sequence[Path | str] = (),
        markdownify: Callable[[str], str] | None = None,
        problems: Problems,
        registry: Registry | None = None,
        cache: TemplateCache | None = None,
        source_root: Path | str | None = None,
        site_includes: Collection[str] = (),
        timezone: Any = _UNSET,
    ) -> None:
        self.site = site
        # Includes (by `include_key`) whose site file wins over the registered handler: the
        # ones the owner changed from al-folio's (site/customized.py).
        self.site_includes = frozenset(site_includes)
        self._site_files: dict[str, bool] = {}
        self.includes_dirs = [Path(directory) for directory in includes_dirs]
        self.markdownify = markdownify or _identity
        self.problems = problems
        self.registry = (registry if registry is not None else default_registry).copy()
        self.cache = cache if cache is not None else SHARED_CACHE
        self.source_root = Path(source_root) if source_root is not None else None
        self.env = FolioEnvironment()
        if timezone is _UNSET:  # else found (and reported) by whoever made this
            timezone = site_timezone(site, problems)
        self.filters = JekyllFilters(site, markdownify=self.markdownify, tz=timezone)
        self.filters.register(self.env)
        for name, function in self.registry.filters.items():
            self.env.add_filter(name, safe_filter(name, function))
        for spec in self.registry.tags.values():
            self.env.add_tag(tag_class_for(spec))
        for tag in (IncludeTag, IncludeRelativeTag, UnknownTag, FolioOutput):
            self.env.add_tag(tag)
        self._fingerprint = (
            _CACHE_VERSION,
            tuple(sorted((s.name, s.block, s.end_name) for s in self.registry.tags.values())),
        )
        self._expressions: dict[str, Any] = {}
        self._files: dict[Path, tuple[tuple[int, int], CompiledTemplate]] = {}

    def close(self) -> None:
        """The build is over: let go of it. python-liquid keeps a parser per environment in
        a module-level cache (up to 128 of them), and each environment holds the tags and
        filters of its build, and through them the whole site of that build: without this,
        a long `mkdocs serve` session keeps its last 128 sites in memory."""
        from liquid.parser import get_parser

        get_parser.cache_clear()
        self.env.filters.clear()
        self.env.tags.clear()

    # Public API
    def render(
        self,
        body: str,
        *,
        page: Mapping[str, Any],
        source: Path | str,
        first_line: int = 1,
        variables: Mapping[str, Any] | None = None,
    ) -> RenderResult:
        """Render one page body; never raises.

        `first_line` is the line of `source` where the body starts (after the front matter),
        so that problems name real file lines. `variables` adds top-level variables next to
        `page` and `site` (for instance `paginator`).
        """
        # The same body of the same page stashes behind the same tokens in every build, so
        # that the Markdown it leaves is the same text (and reused work is found again).
        stash = Stash(key=digest(f"{source}|{body}")[:6])
        if not isinstance(body, str):
            body = "" if body is None else str(body)
        if "{%" not in body and "{{" not in body:
            return RenderResult(body, stash)
        state = RenderState(self, page=page, source=source, stash=stash)
        try:
            compiled = self.compile(body)
        except Exception as exc:
            log.debug("Liquid parser failed on %s", source, exc_info=True)
            self.problems.add(
                f"Liquid could not read this page ({type(exc).__name__}: {exc})",
                source,
                None,
                "the page is shown without its Liquid tags",
            )
            return RenderResult(_strip_liquid(body), stash)
        origin = _Origin(source, first_line, compiled.text)
        state.report_compiled(compiled, origin)
        if compiled.nodes is None:
            return RenderResult(_strip_liquid(body), stash)
        template = self.bind(compiled, source)
        namespace: dict[str, Any] = {"site": self.site, "page": page}
        if variables:
            namespace.update(variables)
        state.origins.append(origin)
        self.env.push_state(state)
        try:
            text = template.render(namespace)
        except Exception as exc:
            log.debug("Liquid rendering failed on %s", source, exc_info=True)
            self.problems.add(
                f"Liquid could not render this page ({type(exc).__name__}: {exc})",
                source,
                None,
                "the page is shown without its Liquid tags",
            )
            text = _strip_liquid(body)
        finally:
            self.env.pop_state()
        return RenderResult(text, stash)

    def compile(self, text: str) -> CompiledTemplate:
        """The parsed template for `text`, from the cache when the same text was seen."""
        digest = hashlib.sha1(
            text.encode("utf-8", "surrogatepass"), usedforsecurity=False
        ).hexdigest()
        key = (self._fingerprint, digest)
        compiled = self.cache.get(key)
        if compiled is None:
            compiled = compile_text(self.env, text)
            self.cache.put(key, compiled)
        return compiled

    def bind(self, compiled: CompiledTemplate, path: Path | str) -> BoundTemplate:
        return _FolioTemplate(
            env=self.env, nodes=compiled.nodes or [], name=str(path), path=str(path)
        )

    def expression(self, text: str) -> Any:
        """A parsed Liquid expression (`page.title | upcase`); raises `LiquidError` if invalid."""
        parsed = self._expressions.get(text)
        if parsed is None:
            token = Token(TOKEN_EXPRESSION, text, 0, text)
            parsed = FilteredExpression.parse(self.env, TokenStream(tokenize(text, token)))
            self._expressions[text] = parsed
        return parsed

    # Include files
    def has_site_include(self, name: str) -> bool:
        """Whether the site has an `_includes/` file for `name` (looked up once a build)."""
        found = self._site_files.get(name)
        if found is None:
            found = self._site_files[name] = self.find_include(name) is not None
        return found

    def find_include(self, name: str) -> Path | None:
        return find_include(self.includes_dirs, name)

    def find_relative(self, source: Path | str, name: str) -> Path | None:
        return find_relative(self.source_root, source, name)

    def compile_file(self, path: Path, state: RenderState) -> CompiledTemplate | None:
        try:
            stat = path.stat()
            key = (stat.st_mtime_ns, stat.st_size)
            cached = self._files.get(path)
            if cached is not None and cached[0] == key:
                return cached[1]
            text = decode_text(path.read_bytes(), path, state.problems, "include file")
        except OSError as exc:
            state.problems.add(f"cannot read include file: {exc.strerror or exc}", path, None)
            return None
        compiled = self.compile(text)
        self._files[path] = (key, compiled)
        return compiled
