"""The plugin's options in `mkdocs.yml` (`plugins: - folio: {...}`).

An al-folio site needs none of them: every path has al-folio's default, relative to the folder
of `mkdocs.yml`. A site written fresh for MkDocs points them at its own files, and `site:` sets
any `_config.yml` key (it overrides `_config.yml` when both exist).
"""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class FolioConfig(base.Config):
    enabled = c.Type(bool, default=True)
    # The al-folio source folder (the one holding _config.yml); default: mkdocs.yml's folder.
    root = c.Optional(c.Type(str))
    # _config.yml; a missing file is fine for sites written fresh for MkDocs.
    config_file = c.Type(str, default="_config.yml")
    # Jekyll's data folder: socials.yml, coauthors.yml, venues.yml, cv.yml...
    data_dir = c.Type(str, default="_data")
    # Folder of .bib files; default: scholar.source from _config.yml, else _bibliography.
    bibliography_dir = c.Optional(c.Type(str))
    # The default bib file; default: scholar.bibliography, else papers.bib.
    bibliography = c.Optional(c.Type(str))
    # Static files served at /assets/ (profile pictures, PDFs); copied when outside docs_dir.
    assets_dir = c.Type(str, default="assets")
    # Where _news, _posts, _projects... live.
    collections_dir = c.Type(str, default=".")
    # The site's own Liquid includes.
    includes_dir = c.Type(str, default="_includes")
    # Any _config.yml key, e.g. {first_name: Ada, last_name: Lovelace, url: https://...}.
    site = c.Type(dict, default={})
    # Build posts from _drafts/ too (never by default).
    drafts = c.Type(bool, default=False)
    # Reuse rendered pages between builds (memory during `mkdocs serve`, a file on disk).
    cache = c.Type(bool, default=True)
    # Where the build cache lives, relative to mkdocs.yml.
    cache_dir = c.Optional(c.Type(str))
    # How `mkdocs serve` notices a saved file: the system's file events, or MkDocs' polling
    # (for folders that do not send events, such as some network and WSL shares).
    live_reload = c.Choice(("native", "polling"), default="native")
    # Processes that render pages at once; default: one per core (Linux), else 1.
    workers = c.Optional(c.Type(int))
    # Never fetch the RSS feeds of `external_sources`: use the copy the last fetch saved
    # (`<cache_dir>/feeds/`). Default: the environment's MKDOCS_FOLIO_OFFLINE (1, true), else
    # false (fetch).
    offline = c.Optional(c.Type(bool))
    # Seconds to wait for a feed before using its saved copy.
    feed_timeout = c.Type((int, float), default=5)
