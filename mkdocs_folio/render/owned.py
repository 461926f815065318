"""Pages folio renders itself: collection documents and the pages the build makes.

MkDocs renders every page through one serial pipeline: a new Markdown instance for each
page, every plugin's page events, then the template. For the pages folio owns (posts, news,
projects and other collection documents, blog pagination, archives, per-publication pages)
that pipeline is most of a large site's build, and none of its steps can be reused or shared
between cores from inside it.

Owned pages therefore stay in `files` (links to them resolve, navigation and the sitemap list
them) but leave MkDocs' page loops once navigation is built: `OwnedFile` (adapter/files.py)
stops calling itself a documentation page. Folio then renders them with its own hooks (the same ones MkDocs calls
for ordinary pages), one Markdown instance, the theme's environment, and writes them. Other
plugins' page events (`on_page_markdown`, `on_page_content`, `on_page_context`) do not run
for them; `on_post_page` does, so post-processors (minifiers) still see every page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mkdocs.structure.files import File, Files

from mkdocs_folio.adapter.files import (
    OwnedFile,
    all_pages,
    other_post_page_handlers,
    write_page,
)
from mkdocs_folio.adapter.logs import held_logs, quiet_logs
from mkdocs_folio.render.pages import (
    Rendered,
    apply_entry,
    probe_page,
    render_page,
    splice_page,
)
from mkdocs_folio.render.workers import RenderPool

if TYPE_CHECKING:
    import jinja2
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.nav import Navigation

    from mkdocs_folio.render.host import PageHost


class OwnedPages:
    """The owned pages of one build and their rendering."""

    def __init__(self) -> None:
        self.files: list[OwnedFile] = []
        self.todo: list[OwnedFile] = []
        self.jobs: list[tuple[int, OwnedFile, Rendered | None]] = []
        self.done: dict[int, Any] = {}
        """Results of pages rendered before the workers started, by index in `todo`."""
        self.pool: RenderPool | None = None
        self.copied: list[list[Any]] | None = None
        """The static files a worker copied (`OutputKeeper.copy_ahead`), once finished."""

    def take(self, files: Files) -> None:
        """After navigation: every owned page leaves MkDocs' page loops."""
        self.files = [
            file
            for file in files
            if isinstance(file, OwnedFile) and File.is_documentation_page(file)
        ]
        self._set_taken(True)

    def _set_taken(self, taken: bool) -> None:
        for file in self.files:
            file.taken = taken

    def listed(self, listed: bool) -> None:
        """Owned pages count as pages again while the sitemap is rendered (`listed=True`),
        so that it lists every page in the order MkDocs would."""
        self._set_taken(not listed)

    def start(
        self,
        plugin: PageHost,
        env: jinja2.Environment,
        config: MkDocsConfig,
        files: Files,
        nav: Navigation,
        *,
        copy_static: bool = False,
    ) -> None:
        """Right after navigation: find the pages that changed, and start rendering them on
        the other cores while MkDocs renders its own pages (render/workers.py). With
        `copy_static` (`mkdocs build`), the first worker copies the static files whose copy
        is not intact before it takes pages: MkDocs would copy them alone after the pages.

        A page whose reads changed only inside its navbar or footer is spliced, not
        rendered (render/splice.py): the first such page with fragments this build has not
        rendered yet is rendered here first, so that every process has their new texts."""
        ctx = plugin.ctx
        assert ctx is not None
        self.pool = None
        self.done = {}
        self.copied = None
        pages = all_pages(files, self.files)
        post_page = other_post_page_handlers(config, plugin)
        keeper = plugin.outputs
        todo: list[OwnedFile] = []
        jobs: list[tuple[int, OwnedFile, Rendered | None]] = []

        def render_one(job: tuple[int, OwnedFile, Rendered | None]) -> tuple[str, dict, Any]:
            _index, file, probed = job
            assert file.page is not None
            rendered = splice_page(plugin, file.page, probed) if probed is not None else None
            if rendered is None:
                rendered = render_page(plugin, file.page, env, config, files, nav, pages)
            output = rendered.html or ""
            for handler in post_page:
                output = handler(output, page=file.page, config=config)
            written = write_page(file.page, output) and not post_page
            on_disk = keeper.on_disk(file.abs_dest_path) if written else None
            return rendered.html_key, rendered.entry or {}, on_disk

        plugin.store.prefetch("page")  # nearly every owned page is probed
        for file in self.files:
            if file.page is None:
                continue
            probed = probe_page(plugin, file.page, env, nav)
            current = probed is not None and keeper.is_current(
                file.dest_uri, probed.html_key, file.abs_dest_path
            )
            if probed is not None and probed.reused and current and not post_page:
                continue  # unchanged, and last build wrote this very HTML there
            splice = probed if probed is not None and not probed.reused else None
            if splice is not None and (post_page or not current):
                splice = None
            job = (len(todo), file, splice)
            todo.append(file)
            if splice is not None and not self._fragments_ready(plugin, splice):
                # Reported in page order with the rest (`finish`).
                ctx.problems.held = True
                try:
                    with held_logs():
                        self.done[job[0]] = render_one((job[0], file, None))
                finally:
                    ctx.problems.held = False
            else:
                jobs.append(job)
        self.todo = todo
        self.jobs = jobs
        if not jobs:
            return
        if ctx.liquid is not None and any(job[2] is None for job in jobs):
            # Pages will render their bodies: the renderer is made once, here, and the
            # forked workers share it, instead of each importing python-liquid again.
            ctx.liquid.make()

        def in_child() -> None:
            plugin.store.after_fork()
            ctx.problems.held = True
            quiet_logs()

        def copy_static_files() -> list[list[Any]]:  # in the first worker, when there is one
            return keeper.copy_ahead(keeper.static_to_copy(files))

        # Other plugins' page hooks may keep state of their own: then one process does all.
        self.pool = RenderPool(
            jobs,
            render_one,
            workers=1 if post_page else plugin.workers,
            entries_made=plugin.store.new_entries,
            in_child=in_child,
            first=copy_static_files if copy_static else None,
        )
        self.pool.start()

    @staticmethod
    def _fragments_ready(plugin: PageHost, probed: Rendered) -> bool:
        """Whether this build rendered every fragment the page needs for a splice."""
        assert probed.entry is not None
        return all(plugin.fragments.get(span[0]) is not None for span in probed.entry["fragments"])

    def finish(self, plugin: PageHost) -> None:
        """At `on_env`: render what the workers have not, then report every page in order."""
        ctx = plugin.ctx
        pool = getattr(self, "pool", None)
        done: dict[int, Any] = getattr(self, "done", {})
        if ctx is None or (pool is None and not done):
            return
        self.pool = None
        self.done = {}
        results = dict(done)
        if pool is not None:
            ctx.problems.held = True
            try:
                with held_logs():
                    by_job, entries, missing = pool.finish()
                    for index in missing:
                        by_job[index] = pool.render(pool.jobs[index])
            finally:
                ctx.problems.held = False
            plugin.store.add_entries(entries)
            self.copied = pool.first_result
            for index, result in by_job.items():
                results[pool.jobs[index][0]] = result
        keeper = plugin.outputs
        for index, file in enumerate(self.todo):
            assert file.page is not None
            html_key, entry, on_disk = results[index]
            apply_entry(plugin, file.page, entry, effects=True)
            if on_disk is not None:
                keeper.page_written(file.dest_uri, html_key, on_disk)
