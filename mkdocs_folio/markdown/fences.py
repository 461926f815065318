"""Fenced blocks that are diagrams or charts, not code: ```` ```mermaid ````, ```` ```chartjs ````...

al-folio turns these fences into diagrams in the browser with one library each. Here every
such fence becomes a container that names its kind and keeps the source visible as code:

    <div class="folio-diagram folio-diagram-mermaid" data-folio-diagram="mermaid">
      <pre class="folio-diagram-source"><code>graph TD; A-->B</code></pre>
    </div>

The theme's `diagrams.js` draws it once the page's library has loaded (the content feature
loads a library only on pages that hold such a container) and hides the source; without the
library (offline, blocked) the reader still sees the source. `typograms` has no library
published on npm, so it stays an ASCII drawing in monospace.

`DIAGRAM_FENCES` maps each fence name to the library it needs (see `features/libraries.py`).
"""

from __future__ import annotations

import html
from typing import Any

__all__ = ["DIAGRAM_FENCES", "custom_fences", "diagram_fence"]

DIAGRAM_FENCES: dict[str, str | None] = {
    "mermaid": "mermaid",
    "chartjs": "chartjs",
    "echarts": "echarts",
    "plotly": "plotly",
    "vega_lite": "vega_lite",
    "vegalite": "vega_lite",
    "diff2html": "diff2html",
    "geojson": "leaflet",
    "topojson": "leaflet",
    "pseudocode": "pseudocode",
    "typograms": None,
}


def diagram_fence(
    source: str,
    language: str,
    css_class: str,
    options: dict[str, Any],
    md: Any,
    **kwargs: Any,
) -> str:
    """superfences formatter: the container described in the module docstring."""
    kind = "vega_lite" if language == "vegalite" else language
    code = html.escape(source.strip("\n"))
    if kind == "typograms":
        return f'<pre class="typograms folio-typograms"><code>{code}</code></pre>'
    return (
        f'<div class="folio-diagram folio-diagram-{kind}" data-folio-diagram="{kind}">'
        f'<pre class="folio-diagram-source"><code class="language-{kind}">{code}</code></pre>'
        "</div>"
    )


def custom_fences() -> list[dict[str, Any]]:
    """The `custom_fences` entries for `pymdownx.superfences`."""
    return [{"name": name, "class": name, "format": diagram_fence} for name in DIAGRAM_FENCES]
