"""Differential test of folio's Markdown against real kramdown: the corpus, both renderers
and the comparison. Used by `tests/integration/test_kramdown_parity.py` and by
`bench/kramdown_parity.py` (which prints the pass rate per rule for docs/markdown.md).

- **Corpus.** Every Markdown body of the demo site, of `tests/fixtures` and of
  `../shared/fixtures` (when present), after front matter, with Liquid taken out (tags that
  are not Markdown; both renderers get the same text), plus the hand-written cases of
  `tests/fixtures/kramdown/<rule>/<case>.md`, one file per case, grouped by rule.
- **kramdown.** `render.rb`, one Ruby process for the whole corpus, with Jekyll's default
  `kramdown:` options (input GFM, hard_wrap false, auto_ids, smart quotes, as_char).
- **folio.** A real `mkdocs build` of a small al-folio site of our own with one page per
  case (`layout: page`), through `mkdocs-folio init`: the extensions, preprocessors and
  hooks a user gets. The body is read back from the page's `<article>`.
- **Comparison.** Both fragments are parsed with BeautifulSoup and printed in a canonical
  form that drops what a reader cannot see: white space between block tags, attribute
  order, entity forms, the highlighter's colour spans (code is its text and language) and
  the form math takes (its TeX source, display or inline).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

REPO = Path(__file__).resolve().parents[2]
CASES_DIR = REPO / "tests" / "fixtures" / "kramdown"
SHARED_FIXTURES = REPO.parent / "shared" / "fixtures"
RENDER_RB = Path(__file__).with_name("render.rb")

INSTALL_HINT = (
    "ruby with kramdown and kramdown-parser-gfm is needed: "
    "apt-get install ruby ruby-kramdown ruby-kramdown-parser-gfm"
)

# Elements around which white space is not seen.
BLOCK = {
    "address", "article", "aside", "blockquote", "dd", "details", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table",
    "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "br", "script", "style", "iframe",
    "math", "video", "audio", "source", "center", "abbr-def",
}  # fmt: skip

BOOLEAN_ATTRIBUTES = {"checked", "disabled", "selected", "hidden", "open", "autoplay", "controls", "loop", "muted"}  # fmt: skip

_FRONT = re.compile(r"\A---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_RAW = re.compile(r"\{%-?\s*raw\s*-?%\}(.*?)\{%-?\s*endraw\s*-?%\}", re.S)
_LIQUID_COMMENT = re.compile(r"\{%-?\s*comment\s*-?%\}.*?\{%-?\s*endcomment\s*-?%\}", re.S)
_LIQUID_OUTPUT = re.compile(r"\{\{.*?\}\}", re.S)
_LIQUID = re.compile(r"\{%.*?%\}|\{\{.*?\}\}", re.S)


@dataclass
class Case:
    name: str  # unique, used as the page's slug
    rule: str  # the rule (hand-written) or the site it comes from
    source: str  # where it comes from, relative to the repository or the fixtures
    text: str


@dataclass
class Outcome:
    case: Case
    kramdown: str
    folio: str
    warnings: list[str] = field(default_factory=list)

    @property
    def same(self) -> bool:
        return canonical(self.kramdown, kramdown=True) == canonical(self.folio)


# -- corpus ---------------------------------------------------------------------------------


def strip_liquid(text: str) -> str:
    """The body as Markdown sees it once Liquid is gone: `{% raw %}` keeps its text, other
    tags and outputs disappear (their HTML is folio's and Jekyll's, not Markdown's)."""
    text = _LIQUID_COMMENT.sub("", text)
    raws: list[str] = []

    def keep(match: re.Match[str]) -> str:
        raws.append(match.group(1))
        return f"\x00{len(raws) - 1}\x00"

    text = _RAW.sub(keep, text)
    # An output stands for a value (kept as a word, so `**{{ x }}**` stays bold); a tag goes.
    text = _LIQUID_OUTPUT.sub("value", text)
    text = _LIQUID.sub("", text)
    # Liquid inside {% raw %} is shown as text; folio's page runs Liquid, so keep it out.
    return re.sub(r"\x00(\d+)\x00", lambda m: _LIQUID.sub("", raws[int(m.group(1))]), text)


def body_of(text: str) -> str:
    match = _FRONT.match(text)
    return text[match.end() :] if match else text


def _site_cases(root: Path, label: str, rule: str) -> list[Case]:
    cases = []
    for path in sorted(root.rglob("*.md")):
        parts = path.relative_to(root).parts
        if any(p in ("_site", "site", "node_modules", ".cache") for p in parts):
            continue
        if path.name == "README.md" and path.parent == root:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        body = strip_liquid(body_of(text)).strip("\n")
        if not body.strip():
            continue
        slug = re.sub(r"[^a-z0-9]+", "-", f"{label}-{'-'.join(parts)}".lower()).strip("-")
        cases.append(Case(slug, rule, f"{label}/{'/'.join(parts)}", body + "\n"))
    return cases


def hand_cases() -> list[Case]:
    cases = []
    for path in sorted(CASES_DIR.glob("*/*.md")):
        rule = path.parent.name
        cases.append(
            Case(
                f"case-{rule}-{path.stem}",
                rule,
                str(path.relative_to(REPO)),
                path.read_text(encoding="utf-8"),
            )
        )
    return cases


def corpus() -> list[Case]:
    cases = hand_cases()
    cases += _site_cases(REPO / "demo-site", "demo", "site: demo")
    cases += _site_cases(REPO / "tests" / "fixtures" / "liquid", "fixtures", "site: fixtures")
    if SHARED_FIXTURES.is_dir():
        for site in sorted(p for p in SHARED_FIXTURES.iterdir() if p.is_dir()):
            cases += _site_cases(site, site.name, f"site: {site.name}")
    return cases


# -- renderers ------------------------------------------------------------------------------


def kramdown_available() -> bool:
    if shutil.which("ruby") is None:
        return False
    probe = subprocess.run(
        ["ruby", "-e", 'require "kramdown"; require "kramdown-parser-gfm"'],
        capture_output=True,
    )
    return probe.returncode == 0


def render_kramdown(cases: list[Case]) -> dict[str, str]:
    payload = json.dumps({case.name: case.text for case in cases})
    done = subprocess.run(
        ["ruby", str(RENDER_RB)], input=payload, capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout)


SITE_CONFIG = """\
title: Parity
first_name: Ada
last_name: Lovelace
url: https://parity.example.org
baseurl: ""
"""


def render_folio(cases: list[Case], root: Path | None = None) -> tuple[dict[str, str], list[str]]:
    """Each case as a page of one real build; its `<article>` HTML by name, and the
    build's warnings."""
    from tests.sitebuilder import init_and_build  # late: the bench script sets sys.path

    own = root is None
    root = Path(tempfile.mkdtemp(prefix="folio-parity-")) if own else root
    try:
        (root / "_pages").mkdir(parents=True, exist_ok=True)
        (root / "_config.yml").write_text(SITE_CONFIG, encoding="utf-8")
        for case in cases:
            front = f"---\nlayout: page\ntitle: {case.name}\npermalink: /k/{case.name}/\n---\n"
            page = root / "_pages" / f"{case.name}.md"
            page.write_text(front + case.text, encoding="utf-8")
        result = init_and_build(root)
        if result.error:
            raise RuntimeError(result.error)
        out: dict[str, str] = {}
        for case in cases:
            soup = result.soup(f"k/{case.name}/")
            article = soup.select_one("div.post > article")
            out[case.name] = article.decode_contents() if article is not None else ""
        return out, result.warnings
    finally:
        if own:
            shutil.rmtree(root, ignore_errors=True)


def run(cases: list[Case] | None = None, root: Path | None = None) -> list[Outcome]:
    cases = corpus() if cases is None else cases
    kram = render_kramdown(cases)
    folio, warnings = render_folio(cases, root)
    outcomes = []
    for case in cases:
        mine = [w for w in warnings if f"{case.name}.md" in w]
        outcomes.append(Outcome(case, kram.get(case.name, ""), folio.get(case.name, ""), mine))
    return outcomes


# -- canonical form -------------------------------------------------------------------------


def _code_blocks(soup: BeautifulSoup) -> None:
    """A code block as `<pre><code class="language-x">text</code></pre>`, whatever the
    highlighter made of it (Rouge's or Pygments' spans, wrappers, line-number tables)."""
    for pre in soup.find_all("pre"):
        if pre.parent is None:
            continue
        lang = ""
        node: Tag | None = pre
        wrapper: Tag = pre
        while node is not None and node.name in ("pre", "div", "code", "td", "tr", "tbody"):
            classes = node.get("class") or []
            for cls in classes:
                if cls.startswith("language-"):
                    lang = lang or cls[len("language-") :]
            wrapping = set(classes) & {"highlight", "highlighter-rouge"}
            if (
                node is not pre
                and not wrapping
                and not any(c.startswith("language-") for c in classes)
            ):
                break
            wrapper = node
            node = node.parent if isinstance(node.parent, Tag) else None
        if "typograms" in (pre.get("class") or []):
            lang = lang or "typograms"  # folio's typograms block names its kind on <pre>
        code = pre.find("code")
        if code is not None:
            for cls in code.get("class") or []:
                if cls.startswith("language-"):
                    lang = lang or cls[len("language-") :]
        text = pre.get_text()
        new = soup.new_tag("pre")
        inner = soup.new_tag("code")
        if lang and lang not in ("text", "plaintext"):
            inner["class"] = f"language-{lang}"
        # Trailing blanks on a line of code are not seen.
        lines = [line.rstrip() for line in text.rstrip("\n").split("\n")]
        inner.string = "\n".join(lines) + "\n"
        new.append(inner)
        wrapper.replace_with(new)


_TEX = re.compile(
    r"\\\[.*?\\\]|\\begin\{(\w+\*?)\}.*?\\end\{\1\}|\\\(.*?\\\)"
    r"|(?<![\\$])\$[^$\n]+?\$(?!\$)|\\(?:eq)?ref\{[^}]*\}",
    re.S,
)


def _tex_token(source: str) -> str:
    if source.startswith(("\\eqref", "\\ref")):
        return "[math-ref]"
    display = source.startswith(("\\[", "\\begin"))
    return "[math-display]" if display else "[math-inline]"


def _math(soup: BeautifulSoup, kramdown: bool) -> None:
    """Math as a token, `[math-display]` or `[math-inline]`, where it stands: kramdown
    leaves TeX for al-folio's MathJax (which also reads `$...$`, `\\begin{equation}` and
    `\\eqref`), folio writes MathML at build time; the two cannot be compared as text."""
    if kramdown:
        for node in list(soup.find_all(string=True)):
            if node.find_parent(["code", "pre", "script", "style"]) is not None:
                continue
            if isinstance(node, Comment):
                continue
            new = _TEX.sub(lambda m: _tex_token(m.group(0)), str(node))
            if new != str(node):
                node.replace_with(new)
    else:
        for ref in soup.select("a.math-ref, span.math-ref"):
            ref.replace_with("[math-ref]")
        for number in soup.select("span.math-eqno"):
            number.decompose()
        for math in soup.find_all("math"):
            if math.parent is None:
                continue
            display = math.get("display") == "block"
            target: Tag = math
            while (
                isinstance(target.parent, Tag)
                and target.parent.name in ("span", "div")
                and any("math" in c for c in target.parent.get("class") or [])
            ):
                target = target.parent
            target.replace_with("[math-display]" if display else "[math-inline]")
        for span in soup.select("span.math-tex, span.math-display"):
            span.replace_with(_tex_token(span.get_text()))
    # A display alone in a paragraph is the block itself.
    for p in soup.find_all("p"):
        if p.get_text().strip() == "[math-display]" and not p.find(True):
            p.replace_with("[math-display]")


def _emoji(soup: BeautifulSoup) -> None:
    """jemoji (al-folio's emoji plugin) after kramdown: `:tada:` as its character, the way
    folio's emoji extension writes it."""
    from pymdownx import emoji as pymd_emoji

    index = pymd_emoji.gemoji(None, None)["emoji"]
    pattern = re.compile(r":([a-z0-9_+-]+):")

    def char(match: re.Match[str]) -> str:
        entry = index.get(match.group(0))
        if entry is None:
            return match.group(0)
        unicode = entry.get("unicode_alt") or entry.get("unicode")
        return "".join(chr(int(p, 16)) for p in unicode.split("-")) if unicode else match.group(0)

    for node in list(soup.find_all(string=pattern)):
        if node.find_parent(["code", "pre"]) is None:
            node.replace_with(pattern.sub(char, str(node)))


def _folio_only(soup: BeautifulSoup) -> None:
    """What folio's theme adds to a body that is not Markdown's: icons drawn inline (the
    `<i class="fa-...">` al-folio's Font Awesome draws), the containers of diagram fences
    (al-folio's scripts find the same `language-mermaid` code)."""
    for icon in soup.select("span.folio-icon"):
        classes = [c for c in icon.get("class") or [] if c != "folio-icon"]
        new = soup.new_tag("i")
        new["class"] = classes
        icon.replace_with(new)
    for box in soup.select("div.folio-diagram"):
        box.unwrap()


def _is_block(node) -> bool:
    return isinstance(node, Tag) and node.name in BLOCK


def _print(node, out: list[str], pre: bool = False) -> None:
    if isinstance(node, Comment):
        return
    if isinstance(node, NavigableString):
        text = str(node)
        if not pre:
            text = re.sub(r"\s+", " ", text)
            if not text.strip():
                prev, nxt = node.previous_sibling, node.next_sibling
                parent = node.parent
                at_edge = prev is None or nxt is None
                if at_edge and (parent is None or _is_block(parent) or parent.name == "[document]"):
                    return
                if _is_block(prev) or _is_block(nxt):
                    return
            else:
                prev, nxt = node.previous_sibling, node.next_sibling
                parent_block = (
                    node.parent is None
                    or _is_block(node.parent)
                    or (node.parent.name == "[document]")
                )
                if (prev is None and parent_block) or _is_block(prev):
                    text = text.lstrip()
                if (nxt is None and parent_block) or _is_block(nxt):
                    text = text.rstrip()
        out.append(text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
        return
    if not isinstance(node, Tag):
        return
    attrs = []
    for key in sorted(node.attrs):
        value = node.attrs[key]
        if isinstance(value, list):
            value = " ".join(sorted(value))
        if key == "style":
            value = "; ".join(p.strip() for p in value.split(";") if p.strip())
        if key == "id" and value == "":
            continue  # an empty id names nothing
        if key in BOOLEAN_ATTRIBUTES:
            value = ""  # `disabled`, `disabled=""` and `disabled="disabled"` are one thing
        attrs.append(f' {key}="{value}"')
    out.append(f"<{node.name}{''.join(attrs)}>")
    for child in node.children:
        _print(child, out, pre or node.name == "pre")
    out.append(f"</{node.name}>")
    if _is_block(node):
        out.append("\n")


def canonical(html: str, kramdown: bool = False) -> str:
    soup = BeautifulSoup(html, "lxml")
    body = soup.body or soup
    _code_blocks(soup)
    if kramdown:
        _emoji(soup)
    else:
        _folio_only(soup)
    _math(soup, kramdown)
    out: list[str] = []
    for child in body.children:
        _print(child, out)
    text = "".join(out)
    return re.sub(r"\n+", "\n", text).strip()


# -- report ---------------------------------------------------------------------------------


def by_rule(outcomes: list[Outcome]) -> dict[str, tuple[int, int]]:
    table: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for outcome in outcomes:
        row = table[outcome.case.rule]
        row[0] += outcome.same
        row[1] += 1
    hand = sorted(r for r in table if not r.startswith("site: "))
    sites = sorted(r for r in table if r.startswith("site: "))
    return {rule: (table[rule][0], table[rule][1]) for rule in hand + sites}


def table_markdown(outcomes: list[Outcome]) -> str:
    rows = ["| rule | identical | cases | rate |", "| --- | ---: | ---: | ---: |"]
    total_same = total = 0
    for rule, (same, count) in by_rule(outcomes).items():
        rows.append(f"| {rule} | {same} | {count} | {100 * same / count:.0f}% |")
        total_same += same
        total += count
    rate = 100 * total_same / total if total else 0.0
    rows.append(f"| **all** | **{total_same}** | **{total}** | **{rate:.1f}%** |")
    return "\n".join(rows)


def diff(outcome: Outcome) -> str:
    import difflib

    a = canonical(outcome.kramdown, kramdown=True).splitlines()
    b = canonical(outcome.folio).splitlines()
    return "\n".join(difflib.unified_diff(a, b, "kramdown", "folio", lineterm="", n=1))


def kramdown_version() -> str:
    done = subprocess.run(
        ["ruby", "-e", 'require "kramdown"; print Kramdown::VERSION'],
        capture_output=True,
        text=True,
    )
    return done.stdout.strip() or "?"
