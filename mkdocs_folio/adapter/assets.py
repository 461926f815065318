"""Static files: the site's own `assets/`, and the theme's CSS/JS bundled into one file each.

al-folio keeps `assets/` beside `_pages/`, outside MkDocs' `docs_dir`. Only that folder (and
CNAME/robots.txt) is added, never the whole site root the Jekyll way: the root also holds
`mkdocs.yml`, the Gemfile and the output folder itself.

The theme's stylesheets and scripts are written in small files by topic; shipping them as one
`folio.<hash>.css` and one `folio.<hash>.js` keeps every page at two requests for them.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

from mkdocs_folio.adapter.files import file_at
from mkdocs_folio.problems import Problems
from mkdocs_folio.site.filecache import FileCache
from mkdocs_folio.site.jekyll_rules import is_special_name
from mkdocs_folio.site.model import Site

ROOT_FILES = ("CNAME", "robots.txt", "favicon.ico", ".nojekyll")
BUNDLE_DIR = "assets/folio"


def add_site_files(
    files: Files, config: MkDocsConfig, site: Site, docs_dir: Path, problems: Problems
) -> None:
    root = site.paths.root
    assets = site.paths.assets_dir
    if assets.is_dir() and not assets.is_relative_to(docs_dir):
        # Plain strings, not Path objects: a site may hold thousands of PDFs and pictures,
        # and this runs at every `mkdocs serve` rebuild.
        base = str(assets)
        root_prefix = str(root) + os.sep
        under_root = base.startswith(root_prefix)
        found: list[tuple[list[str], str]] = []
        for folder, dirs, names in os.walk(base, followlinks=True):
            rel_folder = os.path.relpath(folder, base)
            parts = [] if rel_folder == "." else rel_folder.split(os.sep)
            dirs[:] = [d for d in dirs if not is_special_name(d)]
            for name in names:
                if is_special_name(name):
                    continue
                if os.path.splitext(name)[1].lower() in {".md", ".markdown"}:
                    continue  # al-folio never renders Markdown from assets/
                found.append(([*parts, name], os.path.join(folder, name)))
        found.sort(key=lambda item: item[0])  # the order of `sorted(assets.rglob("*"))`
        for parts, path in found:
            if not os.path.isfile(path):
                continue
            if under_root:
                rel = path[len(root_prefix) :].replace(os.sep, "/")
                src_dir = str(root)
            else:
                rel = "assets/" + "/".join(parts)
                src_dir = str(assets.parent)
            if file_at(files, rel) is not None:
                continue
            file = File(rel, src_dir, config.site_dir, config.use_directory_urls)
            if not under_root:
                file.abs_src_path = path
            files.append(file)
    for name in ROOT_FILES:
        path = root / name
        if (
            path.is_file()
            and not path.is_relative_to(docs_dir)
            and files.get_file_from_path(name) is None
        ):
            files.append(File(name, str(root), config.site_dir, config.use_directory_urls))


_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_CSS_SPACE = re.compile(r"\s*([{};,>])\s*")


def minify_css(text: str) -> str:
    """Comments and layout whitespace out of our own stylesheets (they are written to be
    read). Conservative: strings and `calc()` spacing are left alone."""
    text = _CSS_COMMENT.sub("", text)
    lines = (line.strip() for line in text.splitlines())
    text = " ".join(line for line in lines if line)
    return _CSS_SPACE.sub(r"\1", text).replace(";}", "}")


def _bundle_part(path: Path, _problems: Problems) -> str:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".css":
        return minify_css(text) + "\n"
    return f"/* {path.name} */\n{text}\n"


def _read(path: Path, _problems: Problems) -> str:
    return path.read_text(encoding="utf-8")


def _bundle(folder: Path, suffix: str, cache: FileCache) -> str:
    if not folder.is_dir():
        return ""
    problems = Problems()  # the theme's own files: nothing to report
    return "".join(
        cache.get("theme-bundle", path, problems, _bundle_part)
        for path in sorted(folder.glob(f"*{suffix}"))
    )


def bundle_theme_assets(
    files: Files, config: MkDocsConfig, theme_dir: Path, cache: FileCache
) -> dict[str, str]:
    """Replace the theme's per-topic CSS/JS files by one content-hashed bundle each.

    Scripts in `assets/js/page/` are not bundled: each is written on its own
    (`page:<name>` in the result) for the pages that need it, such as the diagram glue.
    The files are read (and minified) once per `mkdocs serve` session, until they change.
    """
    css_dir = theme_dir / "assets" / "css"
    js_dir = theme_dir / "assets" / "js"
    prefixes = (str(css_dir) + os.sep, str(js_dir) + os.sep)
    for file in list(files):
        source = file.abs_src_path
        if source and os.path.normpath(source).startswith(prefixes):
            files.remove(file)
    bundles = {}
    for kind, folder, suffix in (("css", css_dir, ".css"), ("js", js_dir, ".js")):
        content = _bundle(folder, suffix, cache)
        digest = hashlib.sha256(content.encode("utf-8")).hexdigest()[:10]
        uri = f"{BUNDLE_DIR}/folio.{digest}{suffix}"
        files.append(
            File.generated(config, uri, content=content, inclusion=InclusionLevel.NOT_IN_NAV)
        )
        bundles[kind] = uri
    page_dir = js_dir / "page"
    if page_dir.is_dir():
        for path in sorted(page_dir.glob("*.js")):
            content = cache.get("theme-script", path, Problems(), _read)
            digest = hashlib.sha256(content.encode("utf-8")).hexdigest()[:10]
            uri = f"{BUNDLE_DIR}/{path.stem}.{digest}.js"
            files.append(
                File.generated(config, uri, content=content, inclusion=InclusionLevel.NOT_IN_NAV)
            )
            bundles[f"page:{path.stem}"] = uri
    return bundles
