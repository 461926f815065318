"""Where an entry's buttons and thumbnail point: al-folio's rules for DOIs, arXiv ids and the
site's own files (`pdf = {paper.pdf}` is `{baseurl}/assets/pdf/paper.pdf`), and a guard
against `javascript:`, `vbscript:` and `data:` URLs.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from mkdocs_folio.bib.model import Bibliography, Entry
from mkdocs_folio.bib.settings import BibSettings
from mkdocs_folio.markup import UNSAFE_URL

__all__ = [
    "LOCAL_FILE_FIELDS",
    "arxiv_url",
    "asset_url",
    "doi_url",
    "file_fields",
    "is_url",
    "local_files",
    "local_files_of",
    "safe_url",
]


_URL_SCHEME_RE = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def safe_url(url: str) -> str:
    return "#" if UNSAFE_URL.match(url) else url


def is_url(value: str) -> bool:
    return "://" in value or value.startswith("//") or bool(_URL_SCHEME_RE.match(value))


def asset_url(value: str, folder: str, baseurl: str) -> str:
    """al-folio's rule for `pdf`, `supp`, `poster`, `slides`, `html`: a URL stays as it is, a
    bare file name points into `{baseurl}/assets/<folder>/`, a `/path` is site-relative."""
    value = value.strip()
    if is_url(value):
        return safe_url(value)
    if value.startswith("/"):
        return f"{baseurl}{value}"
    return f"{baseurl}/assets/{folder}/{value}"


# The entry fields that may name a file of the site, and the assets folder a bare name is in.
LOCAL_FILE_FIELDS = {
    "pdf": "pdf",
    "supp": "pdf",
    "supplementary": "pdf",
    "poster": "pdf",
    "slides": "pdf",
    "html": "html",
    "preview": "img/publication_preview",
}


def file_fields(bib: Bibliography) -> list[tuple[str, str, str, int]]:
    """(entry key, field, value, line) of each field of a bib file that may name a file of
    the site, as written: `local_files_of` says which do."""
    return [
        (entry.key, name, value, entry.line_of(name))
        for entry in bib.entries
        for name in LOCAL_FILE_FIELDS
        if (value := entry.fields.get(name))
    ]


def local_files(entry: Entry, settings: BibSettings) -> list[tuple[str, str]]:
    """(field, site path) of each file of the site an entry links to: the files its buttons
    and thumbnail point at when they are not URLs (`paper.pdf` -> `assets/pdf/paper.pdf`,
    `/files/x.pdf` -> `files/x.pdf`). The preview counts only when thumbnails are shown."""
    return local_files_of(entry.fields, settings)


def local_files_of(fields: Mapping[str, str], settings: BibSettings) -> list[tuple[str, str]]:
    """`local_files` of an entry's fields (or of some of them)."""
    found = []
    for name, folder in LOCAL_FILE_FIELDS.items():
        if name == "preview" and not settings.enable_publication_thumbnails:
            continue
        value = (fields.get(name) or "").strip()
        if not value or is_url(value):
            continue
        path = value.lstrip("/") if value.startswith("/") else f"assets/{folder}/{value}"
        found.append((name, path.split("?", 1)[0].split("#", 1)[0]))
    return found


def doi_url(doi: str) -> str:
    doi = doi.strip()
    lowered = doi.lower()
    for prefix in (
        "https://doi.org/",
        "http://doi.org/",
        "https://dx.doi.org/",
        "http://dx.doi.org/",
    ):
        if lowered.startswith(prefix):
            doi = doi[len(prefix) :]
            break
    else:
        if is_url(doi) and not lowered.startswith("doi:"):
            return safe_url(doi)
        if lowered.startswith("doi:"):
            doi = doi[4:].strip()
    return f"https://doi.org/{doi}"


def arxiv_url(arxiv: str) -> str:
    arxiv = arxiv.strip()
    if is_url(arxiv) and not arxiv.lower().startswith("arxiv:"):
        return safe_url(arxiv)
    if arxiv.lower().startswith("arxiv:"):
        arxiv = arxiv[6:].strip()
    return f"https://arxiv.org/abs/{arxiv}"
