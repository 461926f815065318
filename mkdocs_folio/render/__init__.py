"""Rendering the site's pages: folio's own pages outside MkDocs' loops, the build cache's
use of them, every core, the output folder kept between builds (docs/architecture.md)."""
