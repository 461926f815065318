"""Machine-readable metadata for a per-publication page: Google Scholar's Highwire Press
`citation_*` meta tags and schema.org JSON-LD.

al-folio emits neither; Google Scholar indexes a paper's own page only with these tags (its
inclusion guidelines), so they are what makes per-publication pages worth having.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from mkdocs_folio.bib.links import arxiv_url, asset_url, doi_url
from mkdocs_folio.bib.model import Entry
from mkdocs_folio.bib.settings import BibSettings

__all__ = ["highwire_meta", "json_for_script", "person_jsonld", "scholarly_jsonld"]

_PAGES_RE = re.compile(r"^\s*([^\s–—-]+)\s*(?:-+|–|—)\s*([^\s–—-]+)\s*$")
_MONTH_NUMBER = {
    name: f"{i + 1:02d}"
    for i, name in enumerate(
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    )
}
_CONFERENCE_TYPES = ("inproceedings", "conference", "proceedings")
_THESIS_TYPES = ("phdthesis", "mastersthesis", "thesis")


def _absolute(url: str, site_url: str) -> str:
    if "://" in url or not site_url:
        return url
    return site_url.rstrip("/") + "/" + url.lstrip("/")


def _date(entry: Entry, sep: str) -> str | None:
    if entry.year is None:
        return None
    month = _MONTH_NUMBER.get(entry.month or "")
    return f"{entry.year}{sep}{month}" if month else str(entry.year)


def highwire_meta(entry: Entry, settings: BibSettings, site_url: str = "") -> list[tuple[str, str]]:
    """(name, content) pairs for `<meta name=... content=...>`, in Google's documented order;
    the caller escapes the content. `site_url` makes a local PDF link absolute."""
    f = entry.fields
    meta: list[tuple[str, str]] = []
    if entry.title:
        meta.append(("citation_title", entry.title))
    meta.extend(("citation_author", a.display()) for a in entry.authors if a.last != "others")
    date = _date(entry, "/")
    if date:
        meta.append(("citation_publication_date", date))
    if f.get("journal"):
        meta.append(("citation_journal_title", f["journal"]))
    elif entry.type in _CONFERENCE_TYPES and f.get("booktitle"):
        meta.append(("citation_conference_title", f["booktitle"]))
    elif f.get("booktitle"):
        meta.append(("citation_inbook_title", f["booktitle"]))
    if entry.type in _THESIS_TYPES and f.get("school"):
        meta.append(("citation_dissertation_institution", f["school"]))
    if entry.type == "techreport" and f.get("institution"):
        meta.append(("citation_technical_report_institution", f["institution"]))
    for field, name in (("volume", "citation_volume"), ("number", "citation_issue")):
        if f.get(field):
            meta.append((name, f[field]))
    pages = f.get("pages")
    if pages:
        match = _PAGES_RE.match(pages)
        if match:
            meta += [("citation_firstpage", match.group(1)), ("citation_lastpage", match.group(2))]
        else:
            meta.append(("citation_firstpage", pages.strip()))
    for field, name in (
        ("publisher", "citation_publisher"),
        ("isbn", "citation_isbn"),
        ("issn", "citation_issn"),
        ("doi", "citation_doi"),
        ("arxiv", "citation_arxiv_id"),
    ):
        if f.get(field):
            meta.append((name, f[field].strip()))
    if f.get("pdf"):
        pdf = asset_url(f["pdf"], "pdf", settings.baseurl)
        meta.append(("citation_pdf_url", _absolute(pdf, site_url)))
    if f.get("abstract"):
        meta.append(("citation_abstract", f["abstract"]))
    return meta


def scholarly_jsonld(
    entry: Entry, settings: BibSettings, site_url: str = "", page_url: str | None = None
) -> dict[str, Any]:
    """A schema.org `ScholarlyArticle` (or `Book`/`Thesis`) object for a `<script
    type="application/ld+json">`; serialise with `json.dumps` and escape `</`."""
    f = entry.fields
    kind = {"book": "Book", "phdthesis": "Thesis", "mastersthesis": "Thesis"}.get(
        entry.type, "ScholarlyArticle"
    )
    data: dict[str, Any] = {"@context": "https://schema.org", "@type": kind}
    if entry.title:
        data["headline"] = data["name"] = entry.title
    authors = [a for a in entry.authors if a.last != "others"]
    if authors:
        data["author"] = [{"@type": "Person", "name": a.natural()} for a in authors]
    date = _date(entry, "-")
    if date:
        data["datePublished"] = date
    venue = f.get("journal") or f.get("booktitle")
    if venue:
        data["isPartOf"] = {
            "@type": "Periodical" if f.get("journal") else "CreativeWork",
            "name": venue,
        }
    if f.get("publisher"):
        data["publisher"] = {"@type": "Organization", "name": f["publisher"]}
    if f.get("abstract"):
        data["abstract"] = f["abstract"]
    same_as = []
    if f.get("doi"):
        data["identifier"] = {"@type": "PropertyValue", "propertyID": "DOI", "value": f["doi"]}
        same_as.append(doi_url(f["doi"]))
    if f.get("arxiv"):
        same_as.append(arxiv_url(f["arxiv"]))
    if same_as:
        data["sameAs"] = same_as
    if f.get("pdf"):
        pdf = _absolute(asset_url(f["pdf"], "pdf", settings.baseurl), site_url)
        data["encoding"] = {
            "@type": "MediaObject",
            "contentUrl": pdf,
            "encodingFormat": "application/pdf",
        }
    if page_url:
        data["url"] = page_url
    return data


def person_jsonld(
    name: str,
    url: str = "",
    same_as: Iterable[str] = (),
    *,
    image: str = "",
    description: str = "",
) -> dict[str, Any]:
    """A schema.org `Person` for the home page: search engines tie the profiles listed in
    `sameAs` (Scholar, ORCID, GitHub...) to the site's owner. Only http(s) links are kept
    (an email address or a `weixin://` link is not a profile page)."""
    data: dict[str, Any] = {"@context": "https://schema.org", "@type": "Person", "name": name}
    if url:
        data["url"] = url
    if image:
        data["image"] = image
    if description:
        data["description"] = description
    links = list(dict.fromkeys(u for u in same_as if u.startswith(("https://", "http://"))))
    if links:
        data["sameAs"] = links
    return data


def json_for_script(data: Any) -> str:
    """JSON safe inside `<script type="application/ld+json">`: `<`, `>` and `&` become
    `\\u003c`-style escapes, so a title holding `</script>` or `<!--` cannot end the element
    early, and U+2028/2029 cannot break older parsers. Still valid JSON, same value."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # str.replace is C-fast; str.translate with a dict looks up every character in Python
    for char, escaped in _SCRIPT_ESCAPES:
        if char in text:
            text = text.replace(char, escaped)
    return text


_SCRIPT_ESCAPES = (
    ("<", "\\u003c"),
    (">", "\\u003e"),
    ("&", "\\u0026"),
    ("\u2028", "\\u2028"),
    ("\u2029", "\\u2029"),
)
