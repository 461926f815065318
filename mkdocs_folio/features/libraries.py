"""Third-party browser libraries that a page may need, pinned, with subresource integrity.

Diagrams and charts (Mermaid, Chart.js, ECharts, Plotly, Vega-Lite, diff2html, Leaflet,
pseudocode, TikZJax) and MathJax are loaded from jsDelivr ONLY on pages that use them, each
file pinned to one version and checked by the browser against its SHA-384 hash
(`integrity=` + `crossorigin="anonymous"`): a changed file on the CDN is refused, not run.

How the hashes were computed (never typed in by hand): for each package below,
`npm pack <package>@<version>` downloads the tarball that npm publishes, and the hash is
`sha384` of the file at `<path>` inside it, base64-encoded. jsDelivr's `/npm/` endpoint serves
those files byte for byte. `python scripts/sri.py` repeats the computation for the whole
table and prints any difference (it needs `npm` and network access to the npm registry).
"""

from __future__ import annotations

import html
from dataclasses import dataclass

__all__ = ["LIBRARIES", "Asset", "asset_tags", "cdn_url"]

CDN = "https://cdn.jsdelivr.net/npm"


@dataclass(frozen=True)
class Asset:
    """One file of an npm package, served by jsDelivr."""

    package: str
    version: str
    path: str
    integrity: str
    size: int
    """Bytes, uncompressed (for the page-weight notes in docs/content.md)."""

    @property
    def kind(self) -> str:
        return "css" if self.path.endswith(".css") else "js"

    @property
    def url(self) -> str:
        return cdn_url(self.package, self.version, self.path)


def cdn_url(package: str, version: str, path: str) -> str:
    return f"{CDN}/{package}@{version}/{path}"


KATEX_CSS = Asset(
    "katex",
    "0.16.47",
    "dist/katex.min.css",
    "sha384-nH0MfJ44wi1dd7w6jinlyBgljjS8EJAh2JBoRad8a3VDw2K69vfaaqm4WnR+gXtA",
    23827,
)
KATEX_JS = Asset(
    "katex",
    "0.16.47",
    "dist/katex.min.js",
    "sha384-CwjPRVHTvLiMBFjEoij+QZViMV5rhTOIp7CJzl24JEqpRDA1sJFHVXXLURktbYYp",
    272537,
)

# name -> files, in load order. Names are the ones pages are scanned for (see content.py).
LIBRARIES: dict[str, tuple[Asset, ...]] = {
    "mermaid": (
        Asset(
            "mermaid",
            "11.12.3",
            "dist/mermaid.min.js",
            "sha384-jFhLSLFn4m565eRAS0CDMWubMqOtfZWWbE8kqgGdU+VHbJ3B2G/4X8u+0BM8MtdU",
            2887239,
        ),
    ),
    "chartjs": (
        Asset(
            "chart.js",
            "4.6.1",
            "dist/chart.umd.min.js",
            "sha384-Emf5ZVIUiarAdhkgtqK+5/Z5qIvM6QoVrS+qAVtfyZVuD5lIHrac0me485+Antp0",
            210082,
        ),
    ),
    "echarts": (
        Asset(
            "echarts",
            "6.1.0",
            "dist/echarts.min.js",
            "sha384-C2iskrW/uPW46KzOjrvJIQo4YkV8lkD+QS0CrDN18IIPIpT/g2USu8bTP3nvmIAD",
            1121883,
        ),
    ),
    "plotly": (
        Asset(
            "plotly.js-dist-min",
            "4.1.2",
            "plotly.min.js",
            "sha384-hHv6D3tTUUBpp4tVv6t2Dc3oGuRhphmWOTKUR8jWyN0Pnon1g3iebKCNDNmKmxo8",
            4834409,
        ),
    ),
    "vega_lite": (
        Asset(
            "vega",
            "6.4.0",
            "build/vega.min.js",
            "sha384-VKdcJr3ZaBIJMbVcopTAI/JEuUkSY6qnwVu9iLuw0DnQ9gQ1JjsfZJhXFQAgNi43",
            521123,
        ),
        Asset(
            "vega-lite",
            "6.5.0",
            "build/vega-lite.min.js",
            "sha384-pV2l7nzmyxZh02knvUH7N8zvtyCYsYiGt+SsE/emG/dFiBI6G0YJZFZ2FzEX72P3",
            257954,
        ),
        Asset(
            "vega-embed",
            "7.3.0",
            "build/vega-embed.min.js",
            "sha384-Muy1QRxYFeNrA1zShc1KtN4OfipkR/61gt+HWqN57c1Zxu3Oe16TsilsruVVjfKL",
            60298,
        ),
    ),
    "diff2html": (
        Asset(
            "diff2html",
            "3.4.56",
            "bundles/css/diff2html.min.css",
            "sha384-PdRCG/+r1waybtXfuDB9Kmv2h7AGoN6WaTZ5OF+ctPeR9BGne0FaKRQnUeGV4nDL",
            17331,
        ),
        Asset(
            "diff2html",
            "3.4.56",
            "bundles/js/diff2html-ui.min.js",
            "sha384-NRd5i/CwvZ20mJEQt3yaDU1LeU+tu0bqyVYojXi8d7Lf1B0/TIs2K3FTvlf8aO7p",
            1048945,
        ),
    ),
    "leaflet": (
        Asset(
            "leaflet",
            "1.9.4",
            "dist/leaflet.css",
            "sha384-sHL9NAb7lN7rfvG5lfHpm643Xkcjzp4jFvuavGOndn6pjVqS6ny56CAt3nsEVT4H",
            14806,
        ),
        Asset(
            "leaflet",
            "1.9.4",
            "dist/leaflet.js",
            "sha384-cxOPjt7s7Iz04uaHJceBmS+qpjv2JkIHNVcuOrM+YHwZOmJGBXI00mdUXEq65HTH",
            147552,
        ),
    ),
    "pseudocode": (
        KATEX_CSS,
        Asset(
            "pseudocode",
            "2.4.1",
            "build/pseudocode.min.css",
            "sha384-ff9LEHNvuDqxJT/JRjAeQ1cWTWambRLe5j49SnOzhaotb23KEQkCanV+ooL+ch4k",
            1497,
        ),
        KATEX_JS,
        Asset(
            "pseudocode",
            "2.4.1",
            "build/pseudocode.min.js",
            "sha384-i3+YbLfC66kxqBVtgH6I+lEFAr+57mVZY/MSthCK/oTPo0rWCRzW/kSg2mJnTKLs",
            25015,
        ),
    ),
    "tikzjax": (
        Asset(
            "@drgrice1/tikzjax",
            "1.0.0-beta24",
            "dist/fonts.css",
            "sha384-PbIsOsezZZmSgWhxv4UD3TQAV15oHGgZd/5NYY20c3YdHkFAJx7Ye3Mgnv1KHxBl",
            12758,
        ),
        Asset(
            "@drgrice1/tikzjax",
            "1.0.0-beta24",
            "dist/tikzjax.js",
            "sha384-noUV/PegiCqC0SabPZ4t6tyU3kEAuC2UHPfaf1/un55taPy/CZlvJYS3MubK12IT",
            53597,
        ),
    ),
    "mathjax": (
        Asset(
            "mathjax",
            "3.2.2",
            "es5/tex-svg-full.js",
            "sha384-4kE/rQ11E8xT9QgrCBTyvenkuPfQo8rXYQvJZuMgxyPOoUfpatjQPlgdv6V5yhUK",
            2275113,
        ),
    ),
}


def asset_tags(names: list[str] | tuple[str, ...]) -> tuple[str, str]:
    """`(head_html, body_end_html)` loading the libraries `names` (each file once).

    Stylesheets go to the head; scripts to the end of the body, `defer`red, in order, so
    the theme's glue (which runs on DOMContentLoaded, after every deferred script) finds them.
    """
    seen: set[str] = set()
    head: list[str] = []
    body: list[str] = []
    for name in names:
        for asset in LIBRARIES.get(name, ()):
            if asset.url in seen:
                continue
            seen.add(asset.url)
            url = html.escape(asset.url)
            integrity = html.escape(asset.integrity)
            if asset.kind == "css":
                head.append(
                    f'<link rel="stylesheet" href="{url}" integrity="{integrity}" '
                    'crossorigin="anonymous">'
                )
            else:
                body.append(
                    f'<script src="{url}" integrity="{integrity}" crossorigin="anonymous" '
                    "defer></script>"
                )
    return "\n".join(head), "\n".join(body)
