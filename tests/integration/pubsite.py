"""A small al-folio site of our own whose bib files exercise every publication field and
author rule (shared by the publications test modules)."""

from __future__ import annotations

from pathlib import Path

from tests.sitebuilder import write_files

CONFIG = """
title: blank
first_name: Ada
last_name: Lovelace
url: https://ada.example.org
baseurl: /lab
description: Ada's lab.
bib_search: true
max_author_limit: 3
more_authors_animation_delay: 10
enable_publication_thumbnails: true
enable_publication_badges:
  altmetric: true
  dimensions: true
  google_scholar: true
  inspirehep: true
scholar:
  last_name: [Lovelace]
  first_name: [Ada, A.]
  query: "@*"
  group_by: year
  group_order: descending
"""

PAPERS = r"""
---
---
@string{ajp = {American Journal of Physics}}

@article{full2024,
  abbr            = {AJP},
  title           = {Everything at Once: A {Full} Entry},
  author          = {Lovelace*, Ada and Babbage†, Charles and Somerville, Mary and Herschel, Caroline and Fairfax, Mary},
  journal         = ajp,
  location        = {London},
  additional_info = {. *Invited* paper},
  month           = mar,
  year            = {2024},
  note            = {Extended version},
  volume          = {92},
  number          = {3},
  pages           = {101--119},
  abstract        = {First line of the abstract.
                     Second line with the END OF ABSTRACT.},
  annotation      = {* Equal contribution<br>† Corresponding author},
  award           = {Best paper **award** at the Engines meeting},
  award_name      = {Best Paper},
  doi             = {10.1000/full.2024},
  arxiv           = {2401.00001},
  hal             = {hal-01234567},
  bibtex_show     = {true},
  html            = {full.html},
  pdf             = {full2024.pdf},
  supp            = {full-supp.pdf},
  video           = {https://video.example.org/full},
  blog            = {https://blog.example.org/full},
  code            = {https://github.com/ada/full},
  poster          = {poster.pdf},
  slides          = {https://slides.example.org/full.pdf},
  website         = {https://full.example.org},
  preview         = {full.png},
  selected        = {true},
  altmetric       = {248277},
  dimensions      = {true},
  google_scholar_id = {qyhmnyLat1gC},
  inspirehep_id   = {3255}
}

@inproceedings{conf2023,
  abbr      = {Engines},
  title     = {Notes on the Analytical Engine},
  author    = {Babbage, Charles and Lovelace, A. and Schr{\"o}dinger, Erwin},
  booktitle = {Proceedings of Engines},
  location  = {Turin},
  year      = {2023},
  preview   = {clip.mp4},
  pdf       = {https://papers.example.org/conf2023.pdf},
  selected  = {True}
}

@phdthesis{thesis2022,
  title  = {A Thesis on Engines},
  author = {Lovelace, Ada},
  school = {University of London},
  year   = {2022}
}

@article{script2021,
  title   = {Danger <script>alert(1)</script> Title},
  author  = {Mallory, Eve and Lovelace, Ada},
  journal = {Journal of Tests},
  year    = {2021}
}

@article{second2024,
  title   = {The Second Paper of 2024},
  author  = {Babbage, C. and Lovelace, Ada},
  journal = {Notes},
  year    = {2024}
}
"""

TALKS = r"""
@misc{talk2025,
  title  = {A Talk About Engines},
  author = {Lovelace, Ada},
  note   = {Keynote},
  year   = {2025}
}
@misc{talk2019,
  title  = {An Early Talk},
  author = {Lovelace, Ada},
  year   = {2019}
}
"""

VENUES = """
AJP:
  url: https://aapt.scitation.org/journal/ajp
  color: "#00369f"
Engines:
  color: "#009f36"
"""

COAUTHORS = """
babbage:
  - firstname: [Charles, C.]
    url: https://en.wikipedia.org/wiki/Charles_Babbage
schrodinger:
  - firstname: [Erwin, E.]
    url: https://en.wikipedia.org/wiki/Erwin_Schrodinger
"""

CITATIONS = """
metadata:
  last_updated: 2026-01-01
papers:
  "abcdEFGHijkl:qyhmnyLat1gC":
    citations: 42
"""

SOCIALS = """
email: ada@example.org
github_username: ada
scholar_userid: abcdEFGHijkl
orcid_id: 0000-0002-1825-0097
"""

ABOUT = """
---
layout: about
title: about
permalink: /
selected_papers: true
social: true
profile:
  image: prof_pic.jpg
---
Ada's research on engines {% cite conf2023 %}.
"""

PUBLICATIONS = """
---
layout: page
permalink: /publications/
title: publications
nav: true
nav_order: 1
---

{% include bib_search.liquid %}

<div class="publications">

{% bibliography %}

</div>
"""


def site_config(*, thumbnails: bool = True, badges: bool = True, search: bool = True) -> str:
    """CONFIG with some switches turned off (badges off = no `enable_publication_badges`)."""
    text = CONFIG
    if not thumbnails:
        text = text.replace(
            "enable_publication_thumbnails: true", "enable_publication_thumbnails: false"
        )
    if not search:
        text = text.replace("bib_search: true", "bib_search: false")
    if not badges:
        start = text.index("enable_publication_badges:")
        text = text[:start] + text[text.index("\nscholar:") + 1 :]
    return text


def pub_site(
    root: Path, extra: dict[str, str | bytes] | None = None, config: str | None = None
) -> Path:
    """The site in `root`; `config` replaces `_config.yml` (see `site_config`), `extra` adds
    or replaces files."""
    files: dict[str, str | bytes] = {
        "_config.yml": CONFIG if config is None else config,
        "_bibliography/papers.bib": PAPERS,
        "_bibliography/talks.bib": TALKS,
        "_data/venues.yml": VENUES,
        "_data/coauthors.yml": COAUTHORS,
        "_data/citations.yml": CITATIONS,
        "_data/socials.yml": SOCIALS,
        "_pages/about.md": ABOUT,
        "_pages/publications.md": PUBLICATIONS,
        "assets/img/prof_pic.jpg": b"\xff\xd8\xff\xe0fakejpeg",
        # the local files the entries link to (a missing one is a warning)
        "assets/html/full.html": "<p>full</p>",
        "assets/pdf/full2024.pdf": b"%PDF-1.4",
        "assets/pdf/full-supp.pdf": b"%PDF-1.4",
        "assets/pdf/poster.pdf": b"%PDF-1.4",
        "assets/img/publication_preview/full.png": b"\x89PNG\r\n",
        "assets/img/publication_preview/clip.mp4": b"\x00\x00\x00\x18ftypmp42",
    }
    files.update(extra or {})
    write_files(root, files)
    return root
