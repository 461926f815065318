"""mkdocs-folio: al-folio academic websites built with MkDocs."""

__version__ = "0.1.0"
