"""The Jekyll tags and nodes on their own: they need only the `NodeEnvironment` shape, so a
plain python-liquid environment with a parse log runs them without `FolioEnvironment`."""

from __future__ import annotations

from liquid import Environment

from mkdocs_folio.liquid.nodes import (
    FolioOutput,
    IncludeTag,
    NodeEnvironment,
    UnknownTag,
    parse_include_markup,
)


class _Log:
    def __init__(self) -> None:
        self.unknown: dict[str, int] = {}


class _PlainEnvironment(Environment):
    """python-liquid's own environment plus the one attribute the nodes read."""

    def __init__(self) -> None:
        super().__init__()
        self.parse_log = _Log()


def _environment() -> _PlainEnvironment:
    env = _PlainEnvironment()
    for tag in (UnknownTag, IncludeTag, FolioOutput):
        env.add_tag(tag)
    return env


def _unknown(env: NodeEnvironment) -> dict[str, int]:
    assert env.parse_log is not None
    return env.parse_log.unknown


def test_unknown_tags_are_logged_once_and_their_block_content_renders() -> None:
    env = _environment()
    template = env.from_string("a{% details x %}b{% enddetails %}c{% details %}")
    assert template.render() == "abc"
    assert _unknown(env) == {"details": 4}  # where the name is first used; the end tag is not


def test_output_prints_nil_as_nothing_and_runs_filters() -> None:
    env = _environment()
    assert env.from_string("[{{ nothing }}]{{ 'x' | append: 'y' }}").render() == "[]xy"


def test_include_markup_splits_jekyll_parameters() -> None:
    markup = parse_include_markup('figure.liquid path="a b.jpg" class=page.cls zoomable=true x')
    assert markup.file == "figure.liquid"
    assert markup.params == [
        ("path", "a b.jpg", False),
        ("class", "page.cls", True),
        ("zoomable", "true", True),
    ]
    assert markup.invalid == "x"
