"""The areas of an al-folio site, each a `Feature` (see `base.py`), in the order they run."""

from __future__ import annotations

from mkdocs_folio.features.about import AboutFeature
from mkdocs_folio.features.base import BuildContext, Feature
from mkdocs_folio.features.blog import BlogFeature
from mkdocs_folio.features.books import BooksFeature
from mkdocs_folio.features.collections import CollectionsFeature
from mkdocs_folio.features.comments import CommentsFeature
from mkdocs_folio.features.content import ContentFeature
from mkdocs_folio.features.cv import CvFeature
from mkdocs_folio.features.distill import DistillFeature
from mkdocs_folio.features.icons import IconsFeature
from mkdocs_folio.features.layouts import LayoutsFeature
from mkdocs_folio.features.people import PeopleFeature
from mkdocs_folio.features.projects import ProjectsFeature
from mkdocs_folio.features.publications import PublicationsFeature
from mkdocs_folio.features.repositories import RepositoriesFeature
from mkdocs_folio.features.search import SearchFeature
from mkdocs_folio.features.teaching import TeachingFeature


def default_features() -> list[Feature]:
    """A fresh set of features for one plugin instance."""
    return [
        CollectionsFeature(),
        AboutFeature(),
        PublicationsFeature(),
        BlogFeature(),
        ProjectsFeature(),
        TeachingFeature(),
        CvFeature(),
        PeopleFeature(),
        RepositoriesFeature(),
        BooksFeature(),
        ContentFeature(),
        DistillFeature(),
        CommentsFeature(),
        LayoutsFeature(),  # the site's own layouts, around the finished body
        IconsFeature(),  # draws the <i class="fa-..."> left by every other part
        SearchFeature(),  # last: indexes each page's final HTML
    ]


__all__ = ["BuildContext", "Feature", "default_features"]
