"""Jekyll's Liquid filters, with Jekyll's exact outputs.

Page bodies written for Jekyll use its filters (`relative_url`, `date`, `where`, `slugify`,
`jsonify`...) and rely on their small details: `relative_url` adds a missing leading slash,
`where` compares values as Ruby strings (`where: "featured", "true"` matches `featured: true`),
`sort` puts missing values first, `date` prints Ruby's `strftime` directives. These functions
reproduce them so a body renders the same text under mkdocs-folio as under Jekyll.

Values that do not fit (a date that is no date, an unsortable list) raise `FilterError`; the
renderer turns it into a problem at the line of the filter and leaves that output out.

One module per kind of filter:

- `ruby`: Ruby's `to_s` and `inspect`, which every filter uses to compare and print values;
- `urls`: `relative_url`, `absolute_url`, `strip_index` and the escaping filters;
- `text`: `slugify`, `remove_accents`, `number_of_words`, `jsonify`, `smartify`...;
- `arrays`: `where`, `find`, `sort`, `group_by`, `sample`, `push`, `join`...;
- `dates`: `date`, `date_to_string`, `date_to_xmlschema`...;
- `filter_set`: `JekyllFilters`, all of them bound to one site for one renderer, and
  `safe_filter`, which turns any failure of a filter into a Liquid error.
"""

from typing import TYPE_CHECKING, Any

from mkdocs_folio.liquid.filters.ruby import liquid_str, ruby_inspect, ruby_str
from mkdocs_folio.liquid.filters.text import (
    jsonify,
    normalize_whitespace,
    number_of_words,
    slugify,
    smartify,
    transliterate,
)
from mkdocs_folio.liquid.filters.urls import (
    absolute_url,
    cgi_escape,
    relative_url,
    uri_escape,
    xml_escape,
)

if TYPE_CHECKING:
    from mkdocs_folio.liquid.filters.arrays import array_to_sentence_string, where
    from mkdocs_folio.liquid.filters.errors import FilterError
    from mkdocs_folio.liquid.filters.filter_set import JekyllFilters, safe_filter

# `arrays`, `errors` and `filter_set` import python-liquid, which importing `ruby` or `urls`
# alone must not (liquid/lazy.py): their names come from them when first asked for.
_WITH_LIQUID = {
    "array_to_sentence_string": "arrays",
    "where": "arrays",
    "FilterError": "errors",
    "JekyllFilters": "filter_set",
    "safe_filter": "filter_set",
}


def __getattr__(name: str) -> Any:
    module = _WITH_LIQUID.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(f"{__name__}.{module}"), name)


__all__ = [
    "FilterError",
    "JekyllFilters",
    "absolute_url",
    "array_to_sentence_string",
    "cgi_escape",
    "jsonify",
    "liquid_str",
    "normalize_whitespace",
    "number_of_words",
    "relative_url",
    "ruby_inspect",
    "ruby_str",
    "safe_filter",
    "slugify",
    "smartify",
    "transliterate",
    "uri_escape",
    "where",
    "xml_escape",
]
