"""Python-Markdown's `smarty` (kramdown's typographic quotes, dashes and ellipses), skipped on
pages that have nothing for it to change.

`smarty` runs a second inline pass over the whole page: each of its patterns is tried on
each piece of text, which costs about a quarter of the conversion of a plain post. Every one
of its patterns needs a quote, `--`, `...`, `<<` or `>>` in the text (or nothing is replaced),
so on a page whose text holds none of them the pass is a no-op and is not run. The output is
the same either way.

It also gives `smarty` the one quote rule of kramdown it lacks: an apostrophe after a word and
before digits (`CVPR'24`, `ICLR'23`) is a closing quote `’`, as kramdown types it (`smarty`
excludes digits from its closing-quote rule, so it made an opening `‘`). `'80s` after a space
is already kramdown's decade rule.

And kramdown's angled quotes: `<<bonjour>>` is `«bonjour»` in kramdown, but Python-Markdown
reads `<bonjour>` as an HTML tag before `smarty` sees the text, so the words vanished. A
preprocessor writes `<<` and `>>` in prose (not in code, not a blockquote's `>>` marker) as
the characters, before any HTML is read.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.extensions.smarty import SubstituteTextPattern
from markdown.preprocessors import Preprocessor

from mkdocs_folio.markdown.segments import code_map

__all__ = ["KramdownQuotesExtension", "SmartySkipExtension", "has_smarty_text"]

# What each smarty pattern needs in the text: quotes (smart_quotes), dashes, ellipses and
# angled quotes. Checking more than needed only means running the pass.
TRIGGERS = ("'", '"', "--", "...", "<<", ">>")
_TRIGGER = re.compile("|".join(re.escape(trigger) for trigger in TRIGGERS))

# kramdown's closing-quote rule (`SQ_CLOSE`): after anything but white space, a backslash or
# one of `[{(-`, a quote closes, digits after it included.
DIGIT_APOSTROPHE = r"(?<=[^\s\\\[{(-])'(?=\d)"


def has_smarty_text(root: etree.Element) -> bool:
    """Whether any text or tail in the tree holds something smarty could replace."""
    search = _TRIGGER.search
    for element in root.iter():
        text, tail = element.text, element.tail
        if (text and search(text)) or (tail and search(tail)):
            return True
    return False


_ANGLES = re.compile(r"<<|>>")
_QUOTE_PREFIX = re.compile(r"[ \t]*(?:>[ \t]?)+")


class AngleQuotesPreprocessor(Preprocessor):
    """`<<` and `>>` in prose as `«` and `»`, kramdown's typographic symbols."""

    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        if "<<" not in text and ">>" not in text:
            return lines
        cmap = code_map(text)
        out: list[str] = []
        position = 0
        for match in _ANGLES.finditer(text):
            start = match.start()
            if cmap.is_code(start):
                continue
            line_start = text.rfind("\n", 0, start) + 1
            prefix = _QUOTE_PREFIX.match(text, line_start)
            if match.group() == ">>" and prefix is not None and prefix.end() > start:
                continue  # `>> nested quote`
            out.append(text[position:start])
            out.append("\u00ab" if match.group() == "<<" else "\u00bb")
            position = match.end()
        if position == 0:
            return lines
        out.append(text[position:])
        return "".join(out).split("\n")


class KramdownQuotesExtension(Extension):
    """kramdown's quote rules that `smarty` lacks (see the module docstring). Listed after
    `smarty`, so that its processor is registered already."""

    def extendMarkdown(self, md: Markdown) -> None:
        if "smarty" not in md.treeprocessors:
            return
        processor = md.treeprocessors["smarty"]
        if "smarty-left-angle-quotes" not in getattr(processor, "inlinePatterns", {}):
            # After math is stashed (28), so `$a >> b$` stays math; before raw HTML (20).
            md.preprocessors.register(AngleQuotesPreprocessor(md), "folio_angle_quotes", 27.5)
        patterns = getattr(processor, "inlinePatterns", None)
        if patterns is not None and "folio-digit-apostrophe" not in patterns:
            # The site's own `substitutions` for a closing quote, as smarty's closing rule has.
            closing = patterns["smarty-quotes-6"] if "smarty-quotes-6" in patterns else None  # noqa: SIM401 (a Registry)
            rsquo = getattr(closing, "replace", ("&rsquo;",))[0]
            # Between smarty's decade rule (26) and its opening-quote rule (25).
            patterns.register(
                SubstituteTextPattern(DIGIT_APOSTROPHE, (rsquo,), md),
                "folio-digit-apostrophe",
                25.5,
            )


class SmartySkipExtension(Extension):
    """Wraps the `smarty` tree processor (when present) so that it runs only when needed.

    Listed after `smarty`, so that its processor is registered already."""

    def extendMarkdown(self, md: Markdown) -> None:
        if "smarty" not in md.treeprocessors:
            return
        processor = md.treeprocessors["smarty"]
        if getattr(processor, "_folio_skip", False):
            return
        run = processor.run

        def run_when_needed(root: etree.Element) -> etree.Element | None:
            return run(root) if has_smarty_text(root) else None

        processor.run = run_when_needed  # type: ignore[method-assign]
        processor._folio_skip = True  # type: ignore[attr-defined]
