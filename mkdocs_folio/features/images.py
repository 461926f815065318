"""Responsive WebP variants of the site's images, made with Pillow at build time (opt-in).

al-folio's `imagemagick:` setting makes `<stem>-480.webp`, `-800`, `-1400` next to each image
and figures offer them in a `srcset`. Here the same setting does the same with Pillow (no
ImageMagick needed):

    imagemagick:
      enabled: true
      widths: [480, 800, 1400]
      input_directories: [assets/img/]
      input_formats: [".jpg", ".jpeg", ".png", ".tiff", ".gif"]

Only images that a figure actually shows are converted, never wider than the original (the
original width is offered instead). Variants are kept in `.cache/mkdocs-folio/images/` beside
mkdocs.yml, keyed by the source's size and modification time, so a rebuild copies them
instead of encoding them again. Off unless the site's settings switch it on.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from mkdocs_folio.cache import trace
from mkdocs_folio.problems import Problems

__all__ = ["ResponsiveImages"]

DEFAULT_WIDTHS = (480, 800, 1400)
DEFAULT_FORMATS = (".jpg", ".jpeg", ".png", ".tiff", ".gif")


@dataclass
class ResponsiveImages:
    """The variants one build needs, and the cache that keeps them across builds."""

    enabled: bool = False
    widths: tuple[int, ...] = DEFAULT_WIDTHS
    input_dirs: tuple[str, ...] = ("assets/img/",)
    formats: tuple[str, ...] = DEFAULT_FORMATS
    quality: int = 85
    cache_dir: Path | None = None
    jobs: dict[str, tuple[Path, int]] = field(default_factory=dict)
    """Output path (site-relative) -> (source image, width)."""
    _sizes: dict[tuple[str, int, int], tuple[int, int]] = field(default_factory=dict)

    def configure(self, settings: Any, cache_dir: Path) -> None:
        """Read the site's `imagemagick:` map (al-folio's name for the setting)."""
        self.jobs = {}
        self.cache_dir = cache_dir
        if not isinstance(settings, dict) or not settings.get("enabled"):
            self.enabled = False
            return
        self.enabled = True
        widths = settings.get("widths") or DEFAULT_WIDTHS
        self.widths = tuple(sorted({int(w) for w in widths if str(w).isdigit()})) or DEFAULT_WIDTHS
        dirs = settings.get("input_directories") or ["assets/img/"]
        self.input_dirs = tuple(str(d).strip("/") + "/" for d in dirs)
        formats = settings.get("input_formats") or DEFAULT_FORMATS
        self.formats = tuple(str(f).lower() for f in formats)

    def _size(self, path: Path) -> tuple[int, int] | None:
        try:
            stat = path.stat()
        except OSError:
            return None
        key = (str(path), stat.st_mtime_ns, stat.st_size)
        size = self._sizes.get(key)
        if size is None:
            try:
                from PIL import Image

                with Image.open(path) as image:
                    size = image.size
            except Exception:
                return None
            self._sizes[key] = size
        return size

    def srcset(self, source: Path, site_path: str, url: Callable[[str], str]) -> str:
        """The `srcset` of a figure showing `source` (site path `site_path`), or ""."""
        # Read from `imagemagick:` when the build starts, not when the figure is drawn.
        settings = (self.enabled, self.widths, self.input_dirs, self.formats, self.quality)
        trace.record("image-settings", "", settings)
        if not self.enabled:
            return ""
        rel = site_path.lstrip("/")
        if source.suffix.lower() not in self.formats:
            return ""
        if not any(rel.startswith(d) for d in self.input_dirs):
            return ""
        size = self._size(source)
        if size is None:
            return ""
        original = size[0]
        widths = [w for w in self.widths if w < original] + [original]
        stem = PurePosixPath(rel).with_suffix("")
        parts = []
        for width in widths:
            out = f"{stem}-{width}.webp"
            self.jobs[out] = (source, width)
            trace.effect("image-variant", [out, str(source), width])
            parts.append(f"{url('/' + out)} {width}w")
        return ", ".join(parts)

    def write(self, site_dir: Path, problems: Problems) -> int:
        """Encode missing variants into the cache and copy all of them into `site_dir`.

        Returns how many were encoded (0 on a rebuild with nothing changed).
        """
        encoded = 0
        for out, (source, width) in sorted(self.jobs.items()):
            target = site_dir / out
            cached = self._cached_path(source, width)
            if cached is None:
                continue
            if not cached.exists():
                try:
                    _encode(source, cached, width, self.quality)
                except Exception as exc:
                    problems.add(
                        f"responsive image {out} could not be made: {exc}",
                        source,
                        hint="the figure still shows the original image",
                    )
                    continue
                encoded += 1
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(cached, target)
        return encoded

    def _cached_path(self, source: Path, width: int) -> Path | None:
        if self.cache_dir is None:
            return None
        try:
            stat = source.stat()
        except OSError:
            return None
        key = f"{source.resolve()}|{stat.st_size}|{stat.st_mtime_ns}|{width}|{self.quality}"
        digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]
        return self.cache_dir / f"{source.stem}-{width}-{digest}.webp"


def _encode(source: Path, target: Path, width: int, quality: int) -> None:
    from PIL import Image, ImageOps

    target.parent.mkdir(parents=True, exist_ok=True)
    with Image.open(source) as image:
        image = ImageOps.exif_transpose(image)
        if image.mode not in ("RGB", "RGBA"):
            image = image.convert("RGBA" if "A" in image.getbands() else "RGB")
        if image.width > width:
            height = max(1, round(image.height * width / image.width))
            image = image.resize((width, height), Image.LANCZOS)
        partial = target.with_suffix(".tmp")
        image.save(partial, "WEBP", quality=quality, method=4)
        partial.replace(target)
