"""The areas of an al-folio site, each a `Feature` (see `base.py`), in the order they run."""

from __future__ import annotations

from mkdocs_folio.features.about import AboutFeature
from mkdocs_folio.features.base import BuildContext, Feature
from mkdocs_folio.features.comments import CommentsFeature
from mkdocs_folio.features.content import ContentFeature
from mkdocs_folio.features.distill import DistillFeature
from mkdocs_folio.features.publications import PublicationsFeature


def default_features() -> list[Feature]:
    """A fresh set of features for one plugin instance."""
    return [
        AboutFeature(),
        PublicationsFeature(),
        ContentFeature(),
        DistillFeature(),
        CommentsFeature(),
    ]


__all__ = ["BuildContext", "Feature", "default_features"]
