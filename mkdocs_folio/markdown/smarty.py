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
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.extensions.smarty import SubstituteTextPattern

__all__ = ["SmartySkipExtension", "has_smarty_text"]

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


class SmartySkipExtension(Extension):
    """Wraps the `smarty` tree processor (when present) so that it runs only when needed.

    Listed after `smarty`, so that its processor is registered already."""

    def extendMarkdown(self, md: Markdown) -> None:
        if "smarty" not in md.treeprocessors:
            return
        processor = md.treeprocessors["smarty"]
        if getattr(processor, "_folio_skip", False):
            return
        patterns = getattr(processor, "inlinePatterns", None)
        if patterns is not None and "folio-digit-apostrophe" not in patterns:
            # The site's own `substitutions` for a closing quote, as smarty's closing rule has.
            closing = patterns.get("smarty-quotes-6")
            rsquo = getattr(closing, "replace", ("&rsquo;",))[0]
            # Between smarty's decade rule (26) and its opening-quote rule (25).
            patterns.register(
                SubstituteTextPattern(DIGIT_APOSTROPHE, (rsquo,), md),
                "folio-digit-apostrophe",
                25.5,
            )
        run = processor.run

        def run_when_needed(root: etree.Element) -> etree.Element | None:
            return run(root) if has_smarty_text(root) else None

        processor.run = run_when_needed  # type: ignore[method-assign]
        processor._folio_skip = True  # type: ignore[attr-defined]
