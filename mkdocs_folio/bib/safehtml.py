"""Balance HTML fragments that users write in BibTeX fields.

al-folio prints `award`, `additional_info` and `annotation` as HTML. A stray `<a` or an
unclosed `<em>` in one entry must not swallow the rest of the publication list, so these
fragments are re-serialised with every tag closed, stray end tags dropped, and text that only
looks like markup escaped. Everything well-formed passes through unchanged.
"""

from __future__ import annotations

from html import escape
from html.parser import HTMLParser

from mkdocs_folio.markup import VOID_ELEMENTS

# Elements that would run code or restyle the page have no business in a bib field.
DROP = {
    "script",
    "style",
    "iframe",
    "object",
    "embed",
    "form",
    "input",
    "textarea",
    "link",
    "meta",
    "base",
}


class _Balancer(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.out: list[str] = []
        self.stack: list[str] = []
        self.dropping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in DROP:
            if tag not in VOID_ELEMENTS:
                self.dropping += 1
            return
        if self.dropping:
            return
        parts = [tag]
        for name, value in attrs:
            if name.startswith("on") or not name.replace("-", "").replace("_", "").isalnum():
                continue
            if value is None:
                parts.append(name)
            else:
                if name in {"href", "src"} and value.strip().lower().startswith("javascript:"):
                    continue
                parts.append(f'{name}="{escape(value, quote=True)}"')
        self.out.append("<" + " ".join(parts) + ">")
        if tag not in VOID_ELEMENTS:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID_ELEMENTS and self.stack and self.stack[-1] == tag:
            self.stack.pop()
            self.out.append(f"</{tag}>")

    def handle_endtag(self, tag: str) -> None:
        if tag in DROP:
            if tag not in VOID_ELEMENTS and self.dropping:
                self.dropping -= 1
            return
        if self.dropping or tag not in self.stack:
            return
        while self.stack:
            open_tag = self.stack.pop()
            self.out.append(f"</{open_tag}>")
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if not self.dropping:
            self.out.append(escape(data, quote=False))

    def handle_entityref(self, name: str) -> None:
        if not self.dropping:
            self.out.append(f"&{name};")

    def handle_charref(self, name: str) -> None:
        if not self.dropping:
            self.out.append(f"&#{name};")

    def handle_comment(self, data: str) -> None:
        return None

    def unknown_decl(self, data: str) -> None:
        return None


def balance_html(fragment: str) -> str:
    """`fragment` with every element closed, stray end tags and unsafe elements removed."""
    if "<" not in fragment and "&" not in fragment:
        return fragment
    parser = _Balancer()
    parser.feed(fragment)
    parser.close()
    # Whatever the parser could not read as markup (a lone `<a}`) is kept as text.
    leftover = parser.rawdata if hasattr(parser, "rawdata") else ""
    if leftover:
        parser.out.append(escape(leftover, quote=False))
    while parser.stack:
        parser.out.append(f"</{parser.stack.pop()}>")
    return "".join(parser.out)
