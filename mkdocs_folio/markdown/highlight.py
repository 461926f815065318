"""Code highlighting without its setup cost per code block.

pymdownx's highlighter makes, for every fenced code block, a new Pygments formatter, whose
constructor turns the whole style into CSS class tables, and looks its lexer up by scanning
Pygments' list of several hundred lexers (and, for a language it does not know, every
installed plugin's entry points). On a site with a code block per post that setup was most
of the time spent highlighting (1,000 blocks: about 60%), and it gives the same result each
time: the tables depend only on the style and the class prefix, and a language name always
names the same lexer class.

`kept_highlight_setup()` keeps both for as long as a conversion runs: the formatter classes
pymdownx instantiates are replaced by subclasses that reuse the tables made once per style,
and its lexer lookup by one that remembers which class (or none) a name gave. Everything
else (the lexer's and formatter's options, the tokens, the HTML) is made per block, as
before, so the highlighted HTML is the same byte for byte (tests/unit/test_highlight_setup.py).
When pymdownx or Pygments do not look as expected, nothing is replaced.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

__all__ = ["kept_highlight_setup"]

_tables: dict[tuple[Any, str], tuple[dict, dict]] = {}
"""(style class, class prefix) -> the formatter's (ttype2class, class2style), read-only."""

_lexer_classes: dict[str, Any] = {}
"""Lower-cased alias -> lexer class, or None when Pygments has none for it."""

_replacements: dict[str, Any] | None = None


def _kept_tables(base: type) -> type:
    """A subclass of the formatter `base` whose style tables are made once per style."""

    class KeptTables(base):  # type: ignore[misc, valid-type]
        def _create_stylesheet(self) -> None:
            key = (self.style, self.classprefix)
            kept = _tables.get(key)
            if kept is None:
                super()._create_stylesheet()
                _tables[key] = (self.ttype2class, self.class2style)
            else:
                self.ttype2class, self.class2style = kept

    return KeptTables


def _lexer_by_name(_alias: str, **options: Any) -> Any:
    """`pygments.lexers.get_lexer_by_name`, with the class each name gives remembered."""
    from pygments.lexers import find_lexer_class_by_name
    from pygments.util import ClassNotFound

    if not _alias:
        raise ClassNotFound(f"no lexer for alias {_alias!r} found")
    name = _alias.lower()
    if name in _lexer_classes:
        cls = _lexer_classes[name]
    else:
        try:
            cls = find_lexer_class_by_name(_alias)
        except ClassNotFound:
            cls = None
        _lexer_classes[name] = cls
    if cls is None:
        raise ClassNotFound(f"no lexer for alias {_alias!r} found")
    return cls(**options)


def _made_replacements() -> dict[str, Any]:
    """What is put in place in pymdownx.highlight's namespace; empty when its names or
    Pygments' formatter are not the ones this was written for."""
    try:
        from pymdownx import highlight
    except ImportError:
        return {}
    made: dict[str, Any] = {}
    for name in ("BlockHtmlFormatter", "InlineHtmlFormatter"):
        base = getattr(highlight, name, None)
        if isinstance(base, type) and callable(getattr(base, "_create_stylesheet", None)):
            made[name] = _kept_tables(base)
    if callable(getattr(highlight, "get_lexer_by_name", None)):
        made["get_lexer_by_name"] = _lexer_by_name
    return made


@contextlib.contextmanager
def kept_highlight_setup() -> Iterator[None]:
    """pymdownx highlights with the kept setup while this is open (one thread: a build)."""
    global _replacements
    if _replacements is None:
        _replacements = _made_replacements()
    if not _replacements:
        yield
        return
    from pymdownx import highlight

    saved = {name: getattr(highlight, name) for name in _replacements}
    for name, value in _replacements.items():
        setattr(highlight, name, value)
    try:
        yield
    finally:
        for name, value in saved.items():
            setattr(highlight, name, value)
