"""The CV page (`layout: cv`) from the three data shapes al-folio sites use.

- RenderCV: `_data/cv.yml` with a `cv:` root (`name, label, email, ..., sections: {Title:
  [entries]}`), al-folio's current format;
- JSON Resume: `assets/json/resume.json` (`basics, work, education, ...`), loaded by
  jekyll-get-json as `site.data.resume`;
- the older list of sections in `_data/cv.yml` (`[{title, type, contents}]` with `type` one of
  `map, list, nested_list, time_table, list_groups`), still found in many real sites.

`choose_source` picks one as al-folio does (`cv_format` on the page, else RenderCV, else JSON
Resume, else the list). Every shape becomes one `Cv` of sections and entries that a single
template draws; text fields hold Markdown/HTML as the user wrote them, converted by the
`inline` function the caller passes (the adapter's Markdown).

The parts: `model` (the `Cv` every format becomes), `source` (`choose_source`, `read_cv`,
`pdf_target`), one reader per format (`rendercv`, `jsonresume`, `legacy_list`), `entries`
(the entry kinds RenderCV and JSON Resume share) and `values` (how a value is read).
"""

from mkdocs_folio.site.cv.jsonresume import JSONRESUME_ORDER, read_jsonresume
from mkdocs_folio.site.cv.legacy_list import LEGACY_TYPES, read_list_cv
from mkdocs_folio.site.cv.model import Cv, CvEntry, CvGroup, CvItem, CvLink, CvSection, Inline
from mkdocs_folio.site.cv.rendercv import read_rendercv
from mkdocs_folio.site.cv.source import choose_source, pdf_target, read_cv

__all__ = [
    "JSONRESUME_ORDER",
    "LEGACY_TYPES",
    "Cv",
    "CvEntry",
    "CvGroup",
    "CvItem",
    "CvLink",
    "CvSection",
    "Inline",
    "choose_source",
    "pdf_target",
    "read_cv",
    "read_jsonresume",
    "read_list_cv",
    "read_rendercv",
]
