"""MkDocs-specific glue used by the plugin: paths, files, Markdown, views, warnings."""
