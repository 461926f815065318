"""The build cache: reused work keyed by the content it came from (see docs/performance.md)."""
