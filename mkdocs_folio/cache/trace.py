"""Traces: what one piece of work read from the rest of the site, so it can be reused safely.

A page's Liquid may read `site.posts`, a data file, an include; its Markdown may check that an
image exists. Which of these it reads is only known by doing the work. While a piece of work
runs under `recording(trace)`, every read of that kind goes through `record()`, which notes
the input's name and the fingerprint of the value it had. Reusing the work later is safe
exactly when every noted input still has the same fingerprint (`Resolver.still_valid`); the
work's own inputs (its text, its front matter) are in the key it is stored under.

Work also has effects beyond its result: a warning, an image variant to write. They are noted
too (`problem()`, `effect()`), so that reused work reports and does the same as fresh work.

Per-build memos (`Memo`) would hide reads from the pages that hit them; a memo hit replays
the reads and effects of the computation it remembers into whatever is recording.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, TypeVar

from mkdocs_folio.cache.fingerprint import Unfingerprintable, fingerprint

__all__ = [
    "Memo",
    "Resolver",
    "Trace",
    "depend",
    "effect",
    "excluding",
    "is_recording",
    "merge_into_active",
    "problem",
    "record",
    "recording",
    "uncacheable",
    "use_resolver",
]

T = TypeVar("T")

# A dependency's name: "kind\x1fkey". The separator never appears in a key folio makes.
SEP = "\x1f"


@dataclass
class Trace:
    """What one piece of work read (`deps`: name -> fingerprint) and did."""

    deps: dict[str, str] = field(default_factory=dict)
    effects: list[tuple[str, Any]] = field(default_factory=list)
    problems: list[Any] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    """Why the work cannot be reused (an input without a fingerprint, the clock)."""

    @property
    def reusable(self) -> bool:
        return not self.reasons

    def merge(self, other: Trace) -> None:
        self.deps.update(other.deps)
        self.effects.extend(other.effects)
        self.problems.extend(other.problems)
        self.reasons.extend(other.reasons)


_active: list[Trace] = []


def is_recording() -> bool:
    return bool(_active)


@contextmanager
def recording(trace: Trace) -> Iterator[Trace]:
    """Record into `trace` (and into every trace already recording: work inside work)."""
    _active.append(trace)
    try:
        yield trace
    finally:
        _active.pop()


def begin(trace: Trace) -> None:
    """`recording` for work that spans calls (a page MkDocs renders between two events)."""
    _active.append(trace)


def end(trace: Trace) -> None:
    """The end of `begin(trace)`."""
    for index in range(len(_active) - 1, -1, -1):
        if _active[index] is trace:
            del _active[index]
            return


@contextmanager
def paused() -> Iterator[None]:
    """Stop recording for a while: reads done to compute a key are not the work's inputs."""
    saved = _active[:]
    _active.clear()
    try:
        yield
    finally:
        _active[:] = saved


@contextmanager
def excluding(trace: Trace | None) -> Iterator[None]:
    """Keep recording into every active trace but `trace` for a while: a part of a page
    whose reads the page notes apart (adapter/templates.py `Fragments`)."""
    if trace is None or not any(active is trace for active in _active):
        yield
        return
    saved = _active[:]
    _active[:] = [active for active in saved if active is not trace]
    try:
        yield
    finally:
        _active[:] = saved


def record(kind: str, key: str, value: Any) -> None:
    """Note that the running work read input `kind`/`key`, whose value is `value`."""
    if not _active:
        return
    digest = _unrecorded_fingerprint(value, f"{kind}{SEP}{key}: ")
    if digest is not None:
        record_fingerprint(kind, key, digest)


def record_field(owner: Any, kind: str, name: str, value: Any) -> None:
    """`record` for a field of an object that does not change during a build (the site's
    settings, its chrome): the value's fingerprint is computed once per object and field."""
    if not _active:
        return
    memo = owner.__dict__.get("_folio_digests")
    if memo is None:
        memo = owner.__dict__["_folio_digests"] = {}
    digest = memo.get(name)
    if digest is None:
        digest = _unrecorded_fingerprint(value, f"{kind} {name}: ")
        if digest is None:
            return
        memo[name] = digest
    record_fingerprint(kind, name, digest)


def _unrecorded_fingerprint(value: Any, label: str) -> str | None:
    """The fingerprint of a value just read, computed with recording paused (computing it
    reads the value: that is not the work's read); None, with the reason noted in every
    recording trace, when the value has none."""
    traces = _active[:]
    _active.clear()
    try:
        return fingerprint(value)
    except Unfingerprintable as exc:
        for trace in traces:
            trace.reasons.append(f"{label}{exc}")
        return None
    finally:
        _active[:] = traces


def forget_field(owner: Any, kind: str, name: str) -> None:
    """A field `record_field` knows was set again: its fingerprint is computed anew, by the
    object and by the build's resolver."""
    memo = owner.__dict__.get("_folio_digests")
    if memo is not None:
        memo.pop(name, None)
    if _resolver is not None:
        _resolver.forget(f"{kind}{SEP}{name}")


def record_fingerprint(kind: str, key: str, digest: str) -> None:
    """`record` for a value whose fingerprint the caller already has."""
    if not _active:
        return
    name = f"{kind}{SEP}{key}"
    for trace in _active:
        trace.deps[name] = digest


_resolver: Resolver | None = None


def use_resolver(resolver: Resolver | None) -> None:
    """The build's resolver, which `depend()` asks for an input's present fingerprint."""
    global _resolver
    _resolver = resolver


def depend(kind: str, key: str) -> None:
    """Note that the running work read input `kind`/`key` as the build's resolver sees it
    (for inputs whose value the reading code does not hold: a file, the whole site)."""
    if not _active:
        return
    name = f"{kind}{SEP}{key}"
    digest = _resolver.fingerprint_of(name) if _resolver is not None else None
    if digest is None:
        uncacheable(f"{name}: no current value")
        return
    for trace in _active:
        trace.deps[name] = digest


def merge_into_active(deps: dict[str, str], effects: list[Any]) -> None:
    """Reused work's reads and effects, noted by whatever is recording around it."""
    for trace in _active:
        trace.deps.update(deps)
        trace.effects.extend(tuple(item) for item in effects)


def effect(kind: str, payload: Any) -> None:
    """Note an effect of the running work (done by the caller), to be done again on reuse."""
    for trace in _active:
        trace.effects.append((kind, payload))


def effect_once(kind: str, payload: Any) -> None:
    """`effect`, noted once per work however often the work does it (a page citing ten
    papers of one file uses that file once)."""
    for trace in _active:
        if (kind, payload) not in trace.effects:
            trace.effects.append((kind, payload))


def problem(item: Any) -> None:
    """Note a warning the running work reported, to be reported again on reuse."""
    for trace in _active:
        trace.problems.append(item)


def uncacheable(reason: str) -> None:
    """The running work depends on something without a fingerprint: never reuse it."""
    for trace in _active:
        trace.reasons.append(reason)


class Memo:
    """A memo that keeps each computation's trace and replays it on every hit.

    Within a build every hit is valid. A memo kept across builds (`across_builds=True`)
    checks an entry's reads against the build's resolver before using it, and forgets what
    a build did not use (`new_build`).
    """

    def __init__(self, *, across_builds: bool = False) -> None:
        self._items: dict[Hashable, tuple[Any, Trace]] = {}
        self._across = across_builds
        self._used: set[Hashable] = set()
        self._checked: set[Hashable] = set()

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        hit = self._items.get(key)
        if hit is not None and self._across and key not in self._checked:
            if _resolver is None or not _resolver.still_valid(hit[1].deps) or hit[1].reasons:
                hit = None
            else:
                self._checked.add(key)
        if hit is None:
            trace = Trace()
            with recording(trace):
                value = compute()
            self._items[key] = (value, trace)
            self._checked.add(key)
            self._used.add(key)
            return value
        self._used.add(key)
        value, trace = hit
        for active in _active:
            active.merge(trace)
        return value

    def new_build(self) -> None:
        """Forget what the last build did not use; check the rest again when next used."""
        self._items = {key: item for key, item in self._items.items() if key in self._used}
        self._used = set()
        self._checked = set()

    def clear(self) -> None:
        self._items.clear()

    def __len__(self) -> int:
        return len(self._items)


_UNKNOWN = object()


class Resolver:
    """The current value of every kind of input, so a trace can be checked against it.

    Each kind registers a function from a key to the input's present value; fingerprints are
    computed once per build (a resolver lives for one build).
    """

    def __init__(self) -> None:
        self._kinds: dict[str, Callable[[str], Any]] = {}
        self._known: dict[str, str | None] = {}

    def register(self, kind: str, current: Callable[[str], Any]) -> None:
        self._kinds[kind] = current
        self._known = {}

    def fingerprint_of(self, name: str) -> str | None:
        """The input's fingerprint now; None when it cannot be known (unknown kind)."""
        if name in self._known:
            return self._known[name]
        kind, _, key = name.partition(SEP)
        current = self._kinds.get(kind)
        digest: str | None = None
        if current is not None:
            with paused():
                try:
                    digest = fingerprint(current(key))
                except Unfingerprintable:
                    digest = None
        self._known[name] = digest
        return digest

    def forget(self, name: str) -> None:
        self._known.pop(name, None)

    def still_valid(self, deps: dict[str, str]) -> bool:
        """Whether every input in `deps` still has the fingerprint it had."""
        known = self._known
        for name, digest in deps.items():
            now = known.get(name, _UNKNOWN)
            if now is _UNKNOWN:
                now = self.fingerprint_of(name)
            if now != digest:
                return False
        return True
