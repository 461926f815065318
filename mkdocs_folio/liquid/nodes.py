"""python-liquid tags and nodes with Jekyll's behaviour.

python-liquid parses a template into nodes; this module adds the ones Jekyll sites need:

- `{% include name key=value %}` and `{% include_relative %}` with Jekyll's syntax (unquoted
  paths with slashes, `key=value` parameters seen as `include.key`), resolved through the
  registry first, then the site's `_includes/` folder;
- one Liquid tag per registered handler (inline or block);
- a tag for names nobody registered: it outputs nothing and is reported once per page;
- an output statement that prints values as Jekyll does (dates as Ruby prints them);
- a guard around every node, so that an error in one filter loses one output, not the page.

Nodes never hold per-page state: parsed templates are cached and shared between pages and
between builds. Everything about the page being rendered lives in the `RenderState` that the
environment exposes while a page renders.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from io import StringIO
from typing import TYPE_CHECKING, Any, Protocol, TextIO

from liquid.ast import BlockNode, IllegalNode, Node
from liquid.builtin.content import ContentNode
from liquid.builtin.output import Output, OutputNode
from liquid.exceptions import LiquidError, LiquidInterrupt, LiquidSyntaxError, StopRender
from liquid.parser import get_parser
from liquid.tag import Tag
from liquid.token import TOKEN_EOF, TOKEN_EXPRESSION, TOKEN_ILLEGAL, TOKEN_TAG, Token

from mkdocs_folio.liquid.compare import blank_aware
from mkdocs_folio.liquid.filters import liquid_str
from mkdocs_folio.liquid.registry import TagSpec

if TYPE_CHECKING:
    from liquid.context import RenderContext

__all__ = [
    "Guard",
    "IncludeMarkup",
    "NodeEnvironment",
    "guard_nodes",
    "parse_include_markup",
    "tag_class_for",
]


# --- What the nodes need from their environment --------------------------------------------


class ParseLogView(Protocol):
    """The part of a parse log that `UnknownTag` writes to: unknown tag names and positions."""

    unknown: dict[str, int]


class NodeEnvironment(Protocol):
    """What the tags below read from the environment that parses them.

    Spelled out here rather than imported from `environment`, which imports this module: the
    nodes depend only on this shape, and `FolioEnvironment` has it. While a page renders,
    nodes also read `context.env.state` (the page's render state), which they treat as opaque.
    """

    @property
    def tags(self) -> Mapping[str, Any]: ...

    @property
    def parse_log(self) -> ParseLogView | None: ...


# --- Output statements --------------------------------------------------------------------


class FolioOutputNode(OutputNode):
    """`{{ value }}`, printed as Jekyll prints it (Ruby's forms for dates, hashes, nil)."""

    __slots__ = ()

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        return buffer.write(liquid_str(self.expression.evaluate(context)))


class FolioOutput(Output):
    node_class = FolioOutputNode


# --- Guards ---------------------------------------------------------------------------------


class Guard(Node):
    """Runs one node; an error inside becomes a problem at its line and the page goes on.

    python-liquid stops at the first error of a top-level node, so an error in one filter
    inside a `for` loop would lose the whole loop. Every node of a parsed template is wrapped
    in a guard once, when it is parsed, before it is cached.
    """

    __slots__ = ("inner",)

    def __init__(self, inner: Node) -> None:
        super().__init__(inner.token)
        self.inner = inner
        self.blank = inner.blank

    def __str__(self) -> str:
        return str(self.inner)

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        try:
            return self.inner.render(context, buffer) or 0
        except (LiquidInterrupt, StopRender):
            raise
        except LiquidError as err:
            context.env.error(err, token=self.inner.token)
        except RecursionError:
            context.env.error(
                LiquidError("too deeply nested (recursive include?)", token=self.inner.token)
            )
        except Exception as exc:
            error = LiquidError(f"{type(exc).__name__}: {exc}", token=self.inner.token)
            context.env.error(error, token=self.inner.token)
        return 0

    def children(self, static_context: Any, *, include_partials: bool = True) -> list[Node]:
        return [self.inner]


_UNGUARDED = (IllegalNode, ContentNode)


def guard_nodes(nodes: list[Node]) -> list[Node]:
    """Wrap every node (and the nodes of every block inside it) in a `Guard`."""
    guarded: list[Node] = []
    for node in nodes:
        _guard_children(node, depth=0)
        if isinstance(node, _UNGUARDED):
            guarded.append(node)
        else:
            guarded.append(Guard(node))
    return guarded


def _guard_children(node: Node, depth: int) -> None:
    if depth > 100:
        return
    try:
        for expression in node.expressions():
            blank_aware(expression)
    except Exception:
        pass
    try:
        children = list(node.children(None, include_partials=False))  # type: ignore[arg-type]
    except Exception:
        return
    for child in children:
        if isinstance(child, BlockNode):
            child.nodes = guard_nodes(child.nodes)
        else:
            _guard_children(child, depth + 1)


# --- Unknown tags -------------------------------------------------------------------------

_INNER_TAGS = frozenset({"else", "elsif", "when"})
_LEXER_BLOCKS = frozenset({"raw", "comment", "doc"})


class UnknownTag(Tag):
    """Every tag name that no one registered: it outputs nothing and is reported once.

    Jekyll stops the build on an unknown tag; a site half-way through its migration should
    rather build with a warning naming the tag, and keep the rest of the page. An end tag of an
    unknown block (`{% enddetails %}`) is dropped silently, and the block's content renders.
    Stray structural tags (`{% endif %}`, `{% else %}` outside an `if`) are syntax errors.
    """

    name = TOKEN_ILLEGAL
    block = False

    def parse(self, stream: Any) -> Node:
        token = stream.current
        if stream.peek.kind == TOKEN_EXPRESSION:
            next(stream)
        name = token.value
        env: NodeEnvironment = self.env  # type: ignore[assignment]
        if not name:
            raise LiquidSyntaxError("missing tag name", token=token)
        if name == "raw":
            # A complete `{% raw %}...{% endraw %}` never reaches the parser (the lexer takes it).
            raise LiquidSyntaxError("expected tag endraw, found end of file", token=token)
        if name in _INNER_TAGS or self._closes_known_block(name):
            raise LiquidSyntaxError(f"unexpected tag '{name}'", token=token)
        log = env.parse_log
        if log is not None:
            if name.startswith("end") and name[3:] in log.unknown:
                return IllegalNode(token)
            log.unknown.setdefault(name, token.start_index)
        return IllegalNode(token)

    def _closes_known_block(self, name: str) -> bool:
        if not name.startswith("end"):
            return False
        opener = name[3:]
        if opener in _LEXER_BLOCKS:
            return True
        tag = self.env.tags.get(opener)
        return tag is not None and bool(getattr(tag, "block", False))


# --- Registered tags ----------------------------------------------------------------------

_TAG_END = "%}"


def _after_tag(source: str, index: int) -> int:
    """Index just after the `%}` that closes the tag whose name starts at `index`."""
    end = source.find(_TAG_END, index)
    return len(source) if end < 0 else end + len(_TAG_END)


def _tag_start(source: str, index: int) -> int:
    """Index of the `{%` that opens the tag whose name starts at `index`."""
    start = source.rfind("{%", 0, index + 1)
    return index if start < 0 else start


class RegisteredTagNode(Node):
    """One use of a registered tag; the handler runs when the page renders."""

    __slots__ = ("args", "block", "raw", "spec")

    def __init__(
        self,
        token: Token,
        spec: TagSpec,
        args: str,
        block: BlockNode | None = None,
        raw: str | None = None,
    ) -> None:
        super().__init__(token)
        self.spec = spec
        self.args = args
        self.block = block
        self.raw = raw
        self.blank = False

    def __str__(self) -> str:
        return f"{{% {self.spec.name} {self.args} %}}"

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        state = context.env.state  # type: ignore[attr-defined]
        if state is None:
            return 0
        ctx = state.tag_context(
            context,
            self.token,
            name=self.spec.name,
            args=self.args,
            block=self.block,
            raw=self.raw,
        )
        # Compiled templates are shared between renderers (and builds): take the handler of
        # the renderer running now, not the one registered when this text was first parsed.
        spec = state.renderer.registry.tags.get(self.spec.name, self.spec)
        return buffer.write(state.call_handler(spec.handler, self.args, ctx))

    def children(self, static_context: Any, *, include_partials: bool = True) -> list[Node]:
        return [self.block] if self.block is not None else []


class RegisteredTag(Tag):
    """Base of the Liquid tag made for each registered handler (see `tag_class_for`)."""

    spec: TagSpec

    def parse(self, stream: Any) -> Node:
        token = stream.current
        args = ""
        if not self.block:
            if stream.peek.kind == TOKEN_EXPRESSION:
                next(stream)
                args = stream.current.value
            return RegisteredTagNode(token, self.spec, args)
        stream.eat(TOKEN_TAG)
        opened_at = token.start_index
        if stream.current.kind == TOKEN_EXPRESSION:
            args = stream.current.value
            opened_at = stream.current.start_index
            next(stream)
        source = token.source
        content_start = _after_tag(source, opened_at)
        block = get_parser(self.env).parse_block(stream, frozenset({self.end}))
        if stream.current.kind == TOKEN_EOF or not stream.current.is_tag(self.end):
            # Worded like python-liquid's own, so both read the same to the user.
            raise LiquidSyntaxError(f"expected tag {self.end}, found end of file", token=token)
        end_token = stream.current
        raw = source[content_start : _tag_start(source, end_token.start_index)]
        if stream.peek.kind == TOKEN_EXPRESSION:
            next(stream)
        return RegisteredTagNode(token, self.spec, args, block, raw)


def tag_class_for(spec: TagSpec) -> type[Tag]:
    """A python-liquid tag class for one registered handler."""
    return type(
        f"RegisteredTag_{spec.name}",
        (RegisteredTag,),
        {"name": spec.name, "block": spec.block, "end": spec.end_name, "spec": spec},
    )


# --- include / include_relative ------------------------------------------------------------

# Jekyll's parameter syntax: key="str", key='str' or key=variable. Variables may use
# brackets too (`page.list[0]`), which Jekyll rejects but costs nothing to accept.
_PARAM = re.compile(
    r"""([\w-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([\w.\-]+(?:\[[^\]]*\][\w.\-]*)*))""",
    re.S,
)
_FILE = re.compile(r"((?:\{\{.*?\}\}|[^\s{])+)\s*(.*)", re.S)


class IncludeMarkup:
    """The parsed argument string of an `include` tag."""

    __slots__ = ("file", "file_is_template", "has_params", "invalid", "params", "raw")

    def __init__(
        self,
        file: str,
        params: list[tuple[str, str, bool]],
        has_params: bool,
        invalid: str,
        raw: str = "",
    ) -> None:
        self.raw = raw
        """The whole argument string, as written."""
        self.file = file
        self.file_is_template = "{{" in file
        self.params = params
        """(key, text, is_expression): quoted strings are literal, bare words are evaluated."""
        self.has_params = has_params
        self.invalid = invalid
        """Text that is not a `key=value` pair (reported when the include renders)."""


def parse_include_markup(markup: str) -> IncludeMarkup:
    """Split `figure.liquid path="a.jpg" zoomable=true` as Jekyll does."""
    markup = markup.strip()
    match = _FILE.fullmatch(markup)
    if not match:
        return IncludeMarkup("", [], False, markup, markup)
    file, rest = match.group(1), match.group(2).strip()
    params: list[tuple[str, str, bool]] = []
    leftovers: list[str] = []
    position = 0
    for param in _PARAM.finditer(rest):
        leftovers.append(rest[position : param.start()])
        position = param.end()
        key, double, single, variable = param.groups()
        if double is not None:
            params.append((key, double.replace('\\"', '"'), False))
        elif single is not None:
            params.append((key, single.replace("\\'", "'"), False))
        else:
            params.append((key, variable, True))
    leftovers.append(rest[position:])
    invalid = " ".join(part.strip() for part in leftovers if part.strip())
    return IncludeMarkup(file, params, bool(rest), invalid, markup)


class IncludeNode(Node):
    """`{% include %}`: a Python include, else the site's `_includes/` file, else a problem."""

    __slots__ = ("markup", "relative")

    def __init__(self, token: Token, markup: IncludeMarkup, relative: bool) -> None:
        super().__init__(token)
        self.markup = markup
        self.relative = relative
        self.blank = False

    def __str__(self) -> str:
        tag = "include_relative" if self.relative else "include"
        return f"{{% {tag} {self.markup.file} %}}"

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        state = context.env.state  # type: ignore[attr-defined]
        if state is None:
            return 0
        return state.include(context, buffer, self.token, self.markup, relative=self.relative)


class IncludeTag(Tag):
    """Jekyll's `{% include %}` (replaces python-liquid's, which wants quoted names)."""

    name = "include"
    block = False
    relative = False

    def parse(self, stream: Any) -> Node:
        token = stream.current
        markup = ""
        if stream.peek.kind == TOKEN_EXPRESSION:
            next(stream)
            markup = stream.current.value
        parsed = parse_include_markup(markup)
        if not parsed.file:
            raise LiquidSyntaxError(f"'{{% {self.name} %}}' needs a file name", token=token)
        return IncludeNode(token, parsed, self.relative)


class IncludeRelativeTag(IncludeTag):
    """Jekyll's `{% include_relative %}`: a file next to the page, rendered as Liquid."""

    name = "include_relative"
    relative = True


def render_block(block: BlockNode, context: RenderContext) -> str:
    """The output of a block's nodes in the current scope."""
    buffer = StringIO()
    block.render(context, buffer)
    return buffer.getvalue()
