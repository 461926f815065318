"""What MkDocs and Markdown log while a piece of work runs, kept with the work.

Reused work logs again what it logged (a link to a page that does not exist), so messages
are captured while work runs (`captured_logs`, `LogCapture`), held while pages render out of
order (`held_logs`), and silenced in workers, whose pages' messages go back to the parent
(`quiet_logs`).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

__all__ = ["LogCapture", "captured_logs", "held_logs", "quiet_logs"]


class _Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.records: list[Any] = []
        self._seen: set[int] = set()

    def emit(self, record: logging.LogRecord) -> None:
        if id(record) not in self._seen:  # on both loggers when MkDocs' propagates
            self._seen.add(id(record))
            self.records.append([record.name, record.levelno, record.getMessage()])


# MkDocs' own logger does not pass its messages on to the root logger: listen to both.
_LOGGERS = ("", "mkdocs")


class LogCapture:
    """`captured_logs` for work that spans calls: `start()`, then `stop()` gives the
    messages."""

    def __init__(self) -> None:
        self._handler = _Capture()
        self._loggers = [logging.getLogger(name) for name in _LOGGERS]

    def start(self) -> None:
        for logger in self._loggers:
            logger.addHandler(self._handler)

    def stop(self) -> list[Any]:
        for logger in self._loggers:
            logger.removeHandler(self._handler)
        return self._handler.records


@contextmanager
def captured_logs() -> Iterator[list[Any]]:
    """The messages MkDocs and Markdown log while a piece of work runs (a link to a page
    that does not exist): reused work logs them again."""
    handler = _Capture()
    loggers = [logging.getLogger(name) for name in _LOGGERS]
    for logger in loggers:
        logger.addHandler(handler)
    try:
        yield handler.records
    finally:
        for logger in loggers:
            logger.removeHandler(handler)


class _Hold(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return False


def quiet_logs() -> None:
    """In a worker: nothing it logs is printed (its pages' messages go back to the parent)."""
    hold = _Hold()
    for name in _LOGGERS:
        for handler in logging.getLogger(name).handlers:
            handler.addFilter(hold)


@contextmanager
def held_logs() -> Iterator[None]:
    """Nothing is printed while it runs (pages capture what they log, `captured_logs`):
    their messages are logged in page order afterwards, whatever process rendered them."""
    hold = _Hold()
    handlers = [h for name in _LOGGERS for h in logging.getLogger(name).handlers]
    for handler in handlers:
        handler.addFilter(hold)
    try:
        yield
    finally:
        for handler in handlers:
            handler.removeFilter(hold)
