"""The error every Jekyll filter raises for a value it cannot work with.

The renderer turns it into a problem at the line of the filter and leaves that output out;
`safe_filter` turns any other exception of a filter into one.
"""

from __future__ import annotations

from liquid.exceptions import FilterArgumentError

__all__ = ["FilterError"]


class FilterError(FilterArgumentError):
    """A filter received a value it cannot work with."""

    def __init__(self, message: str) -> None:
        super().__init__(message, token=None)
