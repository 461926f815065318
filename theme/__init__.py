"""The `folio` MkDocs theme (extends mkdocs-material). Registered as `mkdocs.themes: folio`."""
