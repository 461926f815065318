"""The Liquid tags and includes that al-folio page bodies use, as registry handlers.

    {% link _posts/2018-12-22-distill.md %}        {% post_url 2018-12-22-distill %}
    {% highlight c++ linenos %}...{% endhighlight %}
    {% include figure.liquid path="assets/img/9.jpg" class="img-fluid" zoomable=true %}
    {% include video.liquid path=... %}            {% include audio.liquid path=... %}
    {% details Click here %}...{% enddetails %}
    {% tabs log %}{% tab log php %}...{% endtab %}{% endtabs %}
    {% twitter https://twitter.com/user/status/1 %}
    {% file_exists assets/x.ipynb %}              {% jupyter_notebook path %}

Each handler returns the HTML that replaces the tag, stashed away from Markdown (see
`liquid/stash.py`); widgets users see come from Jinja partials in
`theme/partials/folio/content/`, so the theme decides their markup. A missing file or an
unknown post is one problem naming the page and line; the page still builds.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from mkdocs_folio.cache import trace
from mkdocs_folio.liquid import Registry, TagContext
from mkdocs_folio.liquid.filters.urls import relative_url
from mkdocs_folio.liquid.registry import reads
from mkdocs_folio.markup import unwrap_paragraph
from mkdocs_folio.site.config import as_bool
from mkdocs_folio.site.jekyll_rules import site_relative

if TYPE_CHECKING:
    from mkdocs_folio.features.base import BuildContext
    from mkdocs_folio.features.images import ResponsiveImages
    from mkdocs_folio.markdown.report import MarkdownReporter

__all__ = ["ContentTags", "FigureView", "MediaView"]

_IDENTIFIER = re.compile(r"[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)*")

PARTIALS = "partials/folio/content/"
_SPLIT_ARGS = re.compile(r"""(?:[^\s"']|"[^"]*"|'[^']*')+""")
_STATUS = re.compile(r"(?:twitter|x)\.com/([^/?#]+)/status(?:es)?/(\d+)", re.I)
_PROFILE = re.compile(r"(?:twitter|x)\.com/([^/?#]+)/?$", re.I)
_LENGTH = re.compile(r"^\d+$")


@dataclass
class FigureView:
    """What `figure.html` prints: one image, its responsive sources and caption."""

    src: str
    css_class: str = ""
    alt: str = ""
    title: str = ""
    caption: str = ""
    zoomable: bool = False
    loading: str = ""
    width: str = ""
    height: str = ""
    style: str = ""
    slot: str = ""
    link: str = ""
    srcset: str = ""
    sizes: str = ""


@dataclass
class MediaView:
    """What `video.html` / `audio.html` print."""

    src: str
    embed: bool = False
    css_class: str = ""
    caption: str = ""
    title: str = ""
    width: str = ""
    height: str = ""
    style: str = ""
    poster: str = ""
    flags: list[str] = field(default_factory=list)


def _text(value: Any) -> str:
    if value is None or value is False:
        return ""
    return str(value)


def _length(value: Any) -> tuple[str, str]:
    """An HTML width/height attribute, or a CSS length for the style attribute."""
    text = _text(value).strip()
    if not text or text in ("auto",):
        return "", ""
    if _LENGTH.match(text):
        return text, ""
    return "", text


class ContentTags:
    """Registers the handlers; one instance per content feature (lives across rebuilds)."""

    def __init__(
        self,
        reporter: Callable[[], MarkdownReporter | None],
        images: ResponsiveImages,
    ) -> None:
        self._reporter = reporter
        self.images = images
        self.notebooks: dict[str, Path] = {}
        """Output path (site-relative) -> notebook, converted after the build (nbconvert)."""
        self._tabs: dict[tuple[str, str], list[tuple[str, str]]] = {}
        self._open: set[tuple[str, str]] = set()
        self._nbconvert_missing_reported = False
        self.ctx: BuildContext | None = None

    # -- helpers ---------------------------------------------------------------------------

    def site_relative(self, path: str) -> str:
        """A site path without its leading slash and `baseurl` (`/al-folio/assets/x.jpg` ->
        `assets/x.jpg`): where the file sits in the site folder."""
        clean = urlsplit(path).path.lstrip("/")
        baseurl = self.ctx.site.config.baseurl.strip("/") if self.ctx is not None else ""
        if baseurl and clean.startswith(baseurl + "/"):
            clean = clean[len(baseurl) + 1 :]
        return clean

    def site_file(self, path: str) -> Path | None:
        """The file a site path (`assets/img/x.jpg`, `/al-folio/assets/...`) points to."""
        ctx = self.ctx
        if ctx is None or not path or "://" in path or path.startswith("//"):
            return None
        clean = self.site_relative(path)
        if not clean:
            return None
        trace.depend("site-file", clean)  # its presence, size and time (images' widths)
        return ctx.site.paths.find_file(clean, Path(ctx.config.docs_dir))

    def url(self, path: str) -> str:
        """A site path as the page links it (Jekyll's `relative_url`)."""
        if not path or "://" in path or path.startswith(("//", "#", "data:", "mailto:")):
            return path
        ctx = self.ctx
        baseurl = ctx.site.config.baseurl if ctx else ""
        return relative_url(path, baseurl) or path

    def markdownify(self, tag: TagContext, text: str) -> str:
        """Markdown of a tag's content; problems inside it name the tag's file and line."""
        reporter = self._reporter()
        if reporter is None:
            return tag.markdownify(text)
        saved = (reporter.path, reporter.first_line)
        reporter.begin(tag.source, tag.line + 1)
        try:
            return tag.markdownify(text)
        finally:
            reporter.begin(*saved)

    def partial(self, template: str, **context: Any) -> str:
        assert self.ctx is not None
        return self.ctx.render_partial(PARTIALS + template, **context)

    @staticmethod
    def put_block(tag: TagContext, html_out: str) -> str:
        """Stash a block tag's HTML, keeping the page's line count (later problems, found by
        Markdown, then still name the line of the page file)."""
        return tag.stash.put(html_out) + "\n" * (tag.raw_content or "").count("\n")

    # -- registration ----------------------------------------------------------------------

    def register(self, ctx: BuildContext, registry: Registry) -> None:
        self.ctx = ctx
        self._tabs = {}
        self._open = set()
        self._sources: dict[str, str] | None = None  # made on the first {% link %}
        self._nbconvert_missing_reported = False
        # What each handler reads besides its arguments (cache/trace.py): the site's pages
        # and documents for links; files go through `site_file`, which notes them itself.
        urls = reads(("urls", "all"))
        own = reads()
        registry.register_tag("link", urls(self.link))
        registry.register_tag("post_url", urls(self.post_url))
        registry.register_tag("highlight", own(self.highlight), block=True)
        registry.register_tag("details", own(self.details), block=True)
        registry.register_tag("tabs", own(self.tabs), block=True)
        registry.register_tag("tab", own(self.tab), block=True)
        registry.register_tag("twitter", own(self.twitter))
        registry.register_tag("file_exists", own(self.file_exists))
        registry.register_tag("jupyter_notebook", own(self.jupyter_notebook))
        registry.register_include("figure", own(self.figure))
        registry.register_include("video", own(self.video))
        registry.register_include("audio", own(self.audio))

    # -- links -----------------------------------------------------------------------------

    def link(self, args: str, tag: TagContext) -> str:
        target = tag.render(args).strip()
        target = target.strip("\"'").lstrip("/")
        if self._sources is None:
            self._sources = _source_index(self.ctx) if self.ctx is not None else {}
        url = self._sources.get(target)
        if url is None and self.site_file(target) is not None:
            url = "/" + target
        if url is None:
            tag.problem(
                f"{{% link {target} %}}: no page, post or file '{target}'",
                "give the path of the source file from the site folder, e.g. "
                "_posts/2024-01-01-title.md or _pages/about.md",
            )
            return ""
        return self.url(url)

    def post_url(self, args: str, tag: TagContext) -> str:
        name = tag.render(args).strip()
        name = name.strip("\"'").strip("/")
        ctx = self.ctx
        assert ctx is not None
        for document in ctx.site.collections.get("posts", []):
            stem = Path(document.abs_path).with_suffix("").as_posix()
            if stem.endswith("/" + name) or Path(stem).name == name:
                return self.url(document.url)
        tag.problem(
            f"{{% post_url {name} %}}: no post named '{name}' in _posts/",
            "write the file name without extension, e.g. {% post_url 2024-01-01-title %}",
        )
        return ""

    # -- code --------------------------------------------------------------------------------

    def highlight(self, args: str, tag: TagContext) -> str:
        words = args.split()
        language = words[0] if words else "text"
        options = words[1:]
        numbered = any(word == "linenos" or word.startswith("linenos=") for word in options)
        code = tag.content or ""
        code = code.strip("\r\n")
        longest = max((len(run) for run in re.findall(r"`+", code)), default=0)
        fence = "`" * max(3, longest + 1)
        info = language + (' linenums="1"' if numbered else "")
        html_out = self.markdownify(tag, f"{fence}{info}\n{code}\n{fence}\n")
        return self.put_block(tag, html_out)

    # -- collapsibles and tabs ---------------------------------------------------------------

    def details(self, args: str, tag: TagContext) -> str:
        summary = tag.render(args).strip()
        summary_html = unwrap_paragraph(self.markdownify(tag, summary)) if summary else "Details"
        body = self.markdownify(tag, tag.content or "")
        return self.put_block(tag, self.partial("details.html", summary=summary_html, body=body))

    def tab(self, args: str, tag: TagContext) -> str:
        words = _SPLIT_ARGS.findall(tag.render(args))
        if len(words) < 2:
            tag.problem(
                "{% tab %} needs a group and a name: {% tab group-name tab-name %}",
            )
            return ""
        group, name = words[0], " ".join(w.strip("\"'") for w in words[1:])
        key = (tag.stash.key, group)
        if key not in self._open:
            tag.problem(
                f"{{% tab {group} {name} %}} is not inside {{% tabs {group} %}}",
                "put it between {% tabs " + group + " %} and {% endtabs %}",
            )
            return ""
        body = self.markdownify(tag, tag.content or "")
        self._tabs.setdefault(key, []).append((name, body))
        return ""

    def tabs(self, args: str, tag: TagContext) -> str:
        group = tag.render(args).strip().strip("\"'")
        key = (tag.stash.key, group)
        self._tabs.pop(key, None)
        self._open.add(key)
        try:
            _ = tag.content  # renders the inner {% tab %} tags, which fill self._tabs
        finally:
            self._open.discard(key)
        panes = self._tabs.pop(key, [])
        if not panes:
            tag.problem(
                f"{{% tabs {group} %}} holds no {{% tab {group} name %}}",
                "each tab names the group of its {% tabs %}",
            )
            return ""
        counter = getattr(tag.stash, "_folio_tabs", 0) + 1
        tag.stash._folio_tabs = counter  # type: ignore[attr-defined]
        prefix = "tabs-" + re.sub(r"[^A-Za-z0-9_-]+", "-", group or "group") + f"-{counter}"
        html_out = self.partial(
            "tabs.html",
            group=group,
            prefix=prefix,
            panes=[{"name": name, "body": body} for name, body in panes],
        )
        return self.put_block(tag, html_out)

    # -- embeds ------------------------------------------------------------------------------

    def twitter(self, args: str, tag: TagContext) -> str:
        words = tag.render(args).split()
        url = words[0].strip("\"'") if words else ""
        if not url.startswith(("http://", "https://")):
            tag.problem("{% twitter %} needs the URL of a post or profile")
            return ""
        status = _STATUS.search(url)
        profile = _PROFILE.search(url)
        user = status.group(1) if status else profile.group(1) if profile else ""
        return tag.stash.put(
            self.partial("twitter.html", url=url, user=user, is_status=bool(status))
        )

    def file_exists(self, args: str, tag: TagContext) -> str:
        path = tag.render(args).strip().strip("\"'")
        if not path:
            tag.problem(
                "{% file_exists %} needs a path", "write {% file_exists assets/pdf/cv.pdf %}"
            )
        return "true" if self.site_file(path) is not None else "false"

    def jupyter_notebook(self, args: str, tag: TagContext) -> str:
        expression = args.strip()
        if _IDENTIFIER.fullmatch(expression):
            # a variable holding the path: `{% jupyter_notebook jupyter_path %}` (al-folio)
            path = _text(tag.evaluate(expression)).strip() or expression
        else:
            # a path, quoted or not, as jekyll-jupyter-notebook reads it
            path = expression.strip("\"'")
        if not path:
            tag.problem(
                "{% jupyter_notebook %} needs the path of a notebook",
                'write {% jupyter_notebook "assets/jupyter/blog.ipynb" %}',
            )
            return ""
        notebook = self.site_file(path)
        if notebook is None:
            tag.problem(
                f"{{% jupyter_notebook %}}: notebook '{path}' not found",
                "check the path (from the site folder, e.g. assets/jupyter/blog.ipynb)",
            )
            return ""
        site_path = "/" + _site_relative(self.ctx, notebook)
        link = self.url(site_path)
        try:
            import nbconvert  # noqa: F401
        except ImportError:
            if not self._nbconvert_missing_reported:
                self._nbconvert_missing_reported = True
                tag.problem(
                    "{% jupyter_notebook %}: nbconvert is not installed, so notebooks are "
                    "linked instead of shown",
                    "pip install nbconvert to embed them",
                )
            return tag.stash.put(
                self.partial("notebook.html", link=link, name=notebook.name, embed="")
            )
        output = site_path.lstrip("/") + ".html"
        self.notebooks[output] = notebook
        trace.effect("notebook", [output, str(notebook)])
        return tag.stash.put(
            self.partial("notebook.html", link=link, name=notebook.name, embed=self.url(output))
        )

    # -- includes ----------------------------------------------------------------------------

    def figure(self, params: dict[str, Any], tag: TagContext) -> str:
        ctx = self.ctx
        assert ctx is not None
        path = _text(params.get("path") or params.get("src")).strip()
        if not path:
            tag.problem("figure: no path= given", 'write {% include figure.liquid path="..." %}')
            return ""
        local = self.site_file(path)
        if local is None and "://" not in path and not path.startswith("//"):
            tag.problem(
                f"figure: image '{path}' not found",
                "add the file (paths start at the site folder, e.g. assets/img/photo.jpg)",
            )
        width, width_style = _length(params.get("width"))
        height, height_style = _length(params.get("height"))
        styles = []
        if width_style:
            styles.append(f"width: {width_style}")
        if height_style:
            styles.append(f"height: {height_style}")
        for key in ("min-width", "max-width", "min-height", "max-height"):
            if params.get(key):
                styles.append(f"{key}: {_text(params.get(key))}")
        loading = _text(params.get("loading")).strip()
        if not loading and ctx.site.config.flag("lazy_loading_images", False):
            loading = "lazy"
        srcset = ""
        if local is not None:
            srcset = self.images.srcset(local, path, self.url)
        view = FigureView(
            src=self.url(path),
            css_class=_text(params.get("class")),
            alt=_text(params.get("alt")),
            title=_text(params.get("title")),
            caption=_text(params.get("caption")),
            zoomable=as_bool(params.get("zoomable"), False),
            loading=loading,
            width=width,
            height=height,
            style="; ".join(styles),
            slot=_text(params.get("slot")),
            link=self.url(_text(params.get("url"))),
            srcset=srcset,
            sizes=_text(params.get("sizes")) or "95vw",
        )
        return tag.stash.put(self.partial("figure.html", figure=view))

    def _media(self, params: dict[str, Any], tag: TagContext, kind: str) -> MediaView | None:
        path = _text(params.get("path") or params.get("src")).strip()
        if not path:
            tag.problem(
                f"{kind}: no path= given", f'write {{% include {kind}.liquid path="..." %}}'
            )
            return None
        remote = "://" in path or path.startswith("//")
        if not remote and self.site_file(path) is None:
            tag.problem(
                f"{kind}: file '{path}' not found",
                "add the file (paths start at the site folder, e.g. assets/video/clip.mp4)",
            )
        width, width_style = _length(params.get("width"))
        height, height_style = _length(params.get("height"))
        styles = [f"width: {width_style}"] if width_style else []
        if height_style:
            styles.append(f"height: {height_style}")
        flags = [
            name
            for name in ("controls", "autoplay", "muted", "loop", "playsinline")
            if as_bool(params.get(name), False)
        ]
        if "autoplay" in flags:
            # Browsers only autoplay muted media; say so in the markup instead of failing.
            for extra in ("muted", "playsinline"):
                if extra not in flags:
                    flags.append(extra)
        return MediaView(
            src=self.url(path),
            embed=remote and kind == "video" and not _is_media_file(path),
            css_class=_text(params.get("class")),
            caption=_text(params.get("caption")),
            title=_text(params.get("title")),
            width=width,
            height=height,
            style="; ".join(styles),
            poster=self.url(_text(params.get("poster"))),
            flags=flags,
        )

    def video(self, params: dict[str, Any], tag: TagContext) -> str:
        view = self._media(params, tag, "video")
        return tag.stash.put(self.partial("video.html", media=view)) if view else ""

    def audio(self, params: dict[str, Any], tag: TagContext) -> str:
        view = self._media(params, tag, "audio")
        return tag.stash.put(self.partial("audio.html", media=view)) if view else ""


def _is_media_file(path: str) -> bool:
    return urlsplit(path).path.lower().endswith((".mp4", ".webm", ".ogg", ".ogv", ".mov", ".m4v"))


def _site_relative(ctx: BuildContext | None, path: Path) -> str:
    if ctx is None:
        return path.name
    for base, prefix in (
        (ctx.site.paths.root, ""),
        (ctx.site.paths.assets_dir, "assets/"),
        (Path(ctx.config.docs_dir), ""),
    ):
        rel = site_relative(path.resolve(), base.resolve())
        if rel is not None:
            return prefix + rel
    return path.name


def _source_index(ctx: BuildContext) -> dict[str, str]:
    """Source paths as `{% link %}` names them (from the site folder) -> Jekyll URLs."""
    index: dict[str, str] = {}
    root = ctx.site.paths.root.resolve()
    docs = Path(ctx.config.docs_dir).resolve()
    docs_rel = site_relative(docs, root)
    docs_prefix = docs_rel + "/" if docs_rel is not None else ""
    for src_uri, source in ctx.pages.items():
        url = ctx.page_url(source)
        index[docs_prefix + src_uri] = url
        index.setdefault(src_uri, url)
    for documents in ctx.site.collections.values():
        for document in documents:
            path = Path(document.abs_path)
            index[site_relative(path.resolve(), root) or path.name] = document.url
    return index
