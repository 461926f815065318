"""mkdocs-folio: al-folio academic websites built with MkDocs."""

# The package's version, written only here: pyproject.toml reads it (setuptools' dynamic
# version), the release workflow checks the tag against it, and `mkdocs-folio new` pins it.
__version__ = "0.1.0"
