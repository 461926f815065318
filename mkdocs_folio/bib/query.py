"""jekyll-scholar's entry queries and `{% bibliography %}` arguments, as al-folio sites use them.

Queries: `@*`, `@article`, `@*[selected=true]*`, `@*[year=2020]*`, `@*[year>=2020 && abbr=NeurIPS]`,
`@book[year<1950 || publisher^=Wiley]`. Operators: `=`, `!=`, `^=` (starts with), `$=` (ends
with), `~=` (regular expression, case-insensitive), `<`, `<=`, `>`, `>=` (numeric when both
sides are numbers); a bare `field` tests presence, `!field` absence; `&&` (or `,`) binds
tighter than `||`. Comparisons ignore case, and `=true`/`=false` test BibTeX truthiness, so
`selected=true` matches `{True}`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from mkdocs_folio.bib.model import Entry
from mkdocs_folio.problems import Problems
from mkdocs_folio.site.config import as_bool

__all__ = [
    "BibliographyRequest",
    "Query",
    "QueryError",
    "compile_query",
    "parse_bibliography_args",
    "select_entries",
]


class QueryError(ValueError):
    """A query that cannot be understood; the message says why."""


Predicate = Callable[[Entry], bool]

_NUMBER_RE = re.compile(r"^-?\d+(?:\.\d+)?$")


def _field(entry: Entry, name: str) -> str | None:
    if name in ("type", "bibtex_type", "entry_type"):
        return entry.type
    if name in ("key", "bibtex_key", "id"):
        return entry.key
    value = entry.fields.get(name)
    return value if value else None


def _number(text: str) -> float | None:
    text = text.strip()
    if _NUMBER_RE.match(text):
        return float(text)
    return None


def _compare(op: str, actual: str | None, expected: str) -> bool:
    if op == "!=":
        return not _compare("=", actual, expected)
    exp_fold = expected.casefold()
    if op == "=" and exp_fold in ("true", "false"):
        return as_bool(actual) == (exp_fold == "true")  # a missing flag is false
    if actual is None:
        return False
    if op == "=":
        a_num, e_num = _number(actual), _number(expected)
        if a_num is not None and e_num is not None:
            return a_num == e_num
        return actual.casefold() == exp_fold
    act_fold = actual.casefold()
    if op == "^=":
        return act_fold.startswith(exp_fold)
    if op == "$=":
        return act_fold.endswith(exp_fold)
    if op == "~=":
        try:
            return re.search(expected, actual, re.IGNORECASE) is not None
        except re.error:
            return exp_fold in act_fold
    a_num, e_num = _number(actual), _number(expected)
    left: float | str = act_fold
    right: float | str = exp_fold
    if a_num is not None and e_num is not None:
        left, right = a_num, e_num
    if op == "<":
        return left < right  # type: ignore[operator]
    if op == "<=":
        return left <= right  # type: ignore[operator]
    if op == ">":
        return left > right  # type: ignore[operator]
    return left >= right  # type: ignore[operator]


_COND_RE = re.compile(
    r"^(?P<neg>!?)\s*(?P<name>[\w.:-]+)\s*(?:(?P<op>!=|\^=|\$=|~=|<=|>=|=|<|>)(?P<value>.*))?$",
    re.S,
)


def _condition(text: str) -> Predicate:
    text = text.strip()
    if not text:
        raise QueryError("empty condition")
    match = _COND_RE.match(text)
    if match is None:
        raise QueryError(f"cannot read the condition `{text}`")
    name = match.group("name").lower()
    op = match.group("op")
    if op is None:
        if match.group("neg"):
            return lambda e, n=name: _field(e, n) is None
        return lambda e, n=name: _field(e, n) is not None
    if match.group("neg"):
        raise QueryError(f"`!` cannot be combined with `{op}` in `{text}`")
    value = _unquote(match.group("value"))
    return lambda e, n=name, o=op, v=value: _compare(o, _field(e, n), v)


def _conditions(text: str) -> Predicate:
    alternatives = []
    for alt in text.split("||"):
        parts = [p for chunk in alt.split("&&") for p in chunk.split(",")]
        preds = [_condition(p) for p in parts]
        alternatives.append(lambda e, ps=tuple(preds): all(p(e) for p in ps))
    if len(alternatives) == 1:
        return alternatives[0]
    return lambda e, alts=tuple(alternatives): any(a(e) for a in alts)


@dataclass(frozen=True)
class Query:
    """A compiled query; `matches(entry)` tells whether an entry is selected."""

    text: str
    entry_type: str | None
    predicate: Predicate | None

    def matches(self, entry: Entry) -> bool:
        if self.entry_type is not None and entry.type != self.entry_type:
            return False
        return self.predicate is None or self.predicate(entry)


_QUERY_RE = re.compile(r"^@\s*(?P<type>\*|[A-Za-z_][\w-]*)\s*(?:\[(?P<cond>.*)\])?\s*\**\s*$", re.S)


@lru_cache(maxsize=1024)
def compile_query(text: str) -> Query:
    """Compile a jekyll-scholar query; raises `QueryError` with a readable message."""
    source = text
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        text = text[1:-1].strip()
    if not text or text in ("*", "@*"):
        return Query(source, None, None)
    if not text.startswith("@"):
        if text.startswith("[") and text.endswith("]"):
            text = "@*" + text
        else:
            raise QueryError(f"a query starts with `@` (like `@*[year=2020]*`), got `{text}`")
    match = _QUERY_RE.match(text)
    if match is None:
        if "[" in text and "]" not in text:
            raise QueryError(f"missing `]` in query `{text}`")
        raise QueryError(f"cannot read query `{text}`")
    kind = match.group("type").lower()
    cond = match.group("cond")
    predicate = _conditions(cond) if cond is not None and cond.strip() else None
    return Query(source, None if kind == "*" else kind, predicate)


def select_entries(
    entries: Iterable[Entry],
    query: str | None,
    problems: Problems | None = None,
    path: Path | str | None = None,
    line: int | None = None,
) -> list[Entry]:
    """Entries matching `query`, in their order. A broken query selects nothing and records a
    Problem (listing everything under every heading of a legacy `years:` loop would be worse)."""
    if query is None or not query.strip():
        return list(entries)
    try:
        compiled = compile_query(query)
    except QueryError as exc:
        if problems is not None:
            problems.add(f"bibliography query: {exc}", path, line, "see `@*[field=value]*` syntax")
        return []
    return [e for e in entries if compiled.matches(e)]


# -- {% bibliography %} arguments -------------------------------------------------------------

_VALUE_OPTIONS = {
    "f": "file",
    "file": "file",
    "q": "query",
    "query": "query",
    "g": "group_by",
    "group_by": "group_by",
    "G": "group_order",
    "group_order": "group_order",
    "T": "template",
    "template": "template",
    "m": "max",
    "max": "max",
    "s": "style",
    "style": "style",
    "p": "prefix",
    "prefix": "prefix",
    "h": "bibliography_list_tag",
    "bibliography_list_tag": "bibliography_list_tag",
    "o": "offset",
    "offset": "offset",
    "t": "text",
    "text": "text",
    "l": "locator",
    "locator": "locator",
    "L": "label",
    "label": "label",
    "O": "type_order",
    "type_order": "type_order",
}
_FLAG_OPTIONS = {
    "c": "cited",
    "cited": "cited",
    "C": "cited_in_order",
    "cited_in_order": "cited_in_order",
    "A": "suppress_author",
    "suppress_author": "suppress_author",
    "r": "remove_duplicates",
    "remove_duplicates": "remove_duplicates",
    "clear": "clear",
}
# accepted for compatibility but without effect here
_IGNORED_OPTIONS = {
    "style",
    "prefix",
    "bibliography_list_tag",
    "text",
    "locator",
    "label",
    "type_order",
    "suppress_author",
    "remove_duplicates",
    "clear",
}

_OPTION_RE = re.compile(r"(?:(?<=\s)|^)(--[A-Za-z_]+(?==)|--[A-Za-z_]+|-[A-Za-z])(?=\s|=|$)")


@dataclass
class BibliographyRequest:
    """What one `{% bibliography ... %}` tag asks for (jekyll-scholar's option names).

    `files` are as written (`papers`, without `.bib`; may be several `-f`); None fields mean
    "use the site's `scholar:` default". `group_by`/`group_order` are normalised to
    "none"/"year" and "ascending"/"descending".
    """

    files: list[str] = field(default_factory=list)
    query: str | None = None
    group_by: str | None = None
    group_order: str | None = None
    cited: bool = False
    cited_in_order: bool = False
    template: str | None = None
    max: int | None = None
    offset: int = 0
    unknown: list[str] = field(default_factory=list)

    @property
    def file(self) -> str | None:
        return self.files[0] if self.files else None


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def parse_bibliography_args(
    argstr: str,
    problems: Problems | None = None,
    path: Path | str | None = None,
    line: int | None = None,
) -> BibliographyRequest:
    """Read the argument string of `{% bibliography %}` the way jekyll-scholar splits it: an
    option's value runs to the next option, so queries may contain spaces. Unknown options and
    bad values become Problems; the tag still renders with what was understood."""
    request = BibliographyRequest()

    def problem(message: str, hint: str = "") -> None:
        if problems is not None:
            problems.add(message, path, line, hint)

    text = argstr or ""
    matches = list(_OPTION_RE.finditer(text))
    leading = text[: matches[0].start()] if matches else text
    if leading.strip():
        request.unknown.append(leading.strip())
        problem(
            f"bibliography: unexpected argument `{leading.strip()}`",
            "options look like `-f papers`, `--query @*[selected=true]*`, `--group_by none`",
        )
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        raw_name = match.group(1)
        name = raw_name.lstrip("-")
        value = text[match.end() : end]
        value = _unquote(value[1:] if value.startswith("=") else value)
        if name in _FLAG_OPTIONS and (raw_name.startswith("--") or len(name) == 1):
            option = _FLAG_OPTIONS[name]
            if option == "cited":
                request.cited = True
            elif option == "cited_in_order":
                request.cited = request.cited_in_order = True
            if value and option not in ("remove_duplicates",):
                request.unknown.append(value)
                problem(f"bibliography: `{raw_name}` takes no value, ignoring `{value}`")
            continue
        if name not in _VALUE_OPTIONS:
            request.unknown.append(raw_name)
            problem(
                f"bibliography: unknown option `{raw_name}`",
                "supported: -f/--file, -q/--query, --group_by, --group_order, --cited, "
                "--cited_in_order, -T/--template, --max, --offset",
            )
            continue
        option = _VALUE_OPTIONS[name]
        if not value:
            problem(f"bibliography: option `{raw_name}` needs a value")
            continue
        if option == "file":
            request.files.append(value[:-4] if value.endswith(".bib") else value)
        elif option == "query":
            request.query = value
        elif option == "group_by":
            low = value.lower()
            if low in ("none", "year"):
                request.group_by = low
            else:
                request.group_by = "year" if "year" in low else "none"
                problem(
                    f"bibliography: grouping by `{value}` is not supported; "
                    f"using `{request.group_by}`",
                    "use --group_by year or --group_by none",
                )
        elif option == "group_order":
            low = value.lower()
            if low in ("ascending", "descending"):
                request.group_order = low
            else:
                problem(
                    f"bibliography: group order `{value}` is not ascending/descending",
                    "using the site default",
                )
        elif option == "template":
            request.template = value
        elif option in ("max", "offset"):
            try:
                number = int(value)
                if number < 0:
                    raise ValueError
            except ValueError:
                problem(f"bibliography: `{raw_name}` needs a whole number, got `{value}`")
                continue
            if option == "max":
                request.max = number
            else:
                request.offset = number
        elif option in _IGNORED_OPTIONS:
            continue
    return request


def apply_request(
    entries: Sequence[Entry],
    request: BibliographyRequest,
    *,
    default_query: str | None = None,
    cited_keys: Sequence[str] | None = None,
    problems: Problems | None = None,
    path: Path | str | None = None,
    line: int | None = None,
) -> list[Entry]:
    """The entries a request selects: query (or the site default), then `--cited` (keys cited
    on the page; bib order, or citation order with `--cited_in_order`), then offset/max."""
    query = request.query if request.query is not None else default_query
    selected = select_entries(entries, query, problems, path, line)
    if request.cited:
        keys = list(cited_keys or ())
        if request.cited_in_order:
            by_key = {e.key: e for e in selected}
            folded = {e.key.casefold(): e for e in selected}
            seen: set[int] = set()
            ordered = []
            for key in keys:
                entry = by_key.get(key) or folded.get(key.casefold())
                if entry is not None and id(entry) not in seen:
                    seen.add(id(entry))
                    ordered.append(entry)
            selected = ordered
        else:
            wanted = {k.casefold() for k in keys}
            selected = [e for e in selected if e.key.casefold() in wanted]
    if request.offset:
        selected = selected[request.offset :]
    if request.max is not None:
        selected = selected[: request.max]
    return selected
