"""Log output for the command line: human-readable text, or one JSON object per line.

``[log] format = "json"`` is for log collectors: every record becomes one line holding an object
with ``time`` (ISO 8601, UTC), ``level``, ``logger``, ``message`` (with its %-arguments applied) and,
when there is one, ``exception`` (the formatted traceback). Non-ASCII text is escaped, so a line
never contains a character that some reader could take for a line break, whatever the encoding of
standard error.

The handler is installed on the root logger and writes to whatever ``sys.stderr`` is at the time
of each record. Configuring again replaces it; handlers installed by others (pytest's, say) stay.
"""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from bot.config import LogSettings

TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class JsonFormatter(logging.Formatter):
    """One JSON object per record, on one line."""

    def format(self, record: logging.LogRecord) -> str:
        out: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info:
            out["exception"] = self.formatException(record.exc_info)
        elif record.exc_text:
            out["exception"] = record.exc_text
        if record.stack_info:
            out["stack"] = self.formatStack(record.stack_info)
        return json.dumps(out, ensure_ascii=True, default=str)


class _StderrHandler(logging.StreamHandler[TextIO]):
    """Writes to the current ``sys.stderr``, so that a replaced stream (tests, redirection) is honoured."""

    def __init__(self) -> None:
        super().__init__(sys.stderr)

    def emit(self, record: logging.LogRecord) -> None:
        self.stream = sys.stderr  # emit runs under the handler's lock
        super().emit(record)


def configure_logging(settings: LogSettings) -> None:
    """Send log records at ``settings.level`` and above to standard error in ``settings.format``."""
    root = logging.getLogger()
    for old in [h for h in root.handlers if isinstance(h, _StderrHandler)]:
        root.removeHandler(old)
    handler = _StderrHandler()
    handler.setFormatter(JsonFormatter() if settings.format == "json" else logging.Formatter(TEXT_FORMAT))
    root.addHandler(handler)
    root.setLevel(settings.level)
    # Warnings shown at run time become log records too, so JSON output stays JSON.
    logging.captureWarnings(settings.format == "json")


def report_error(logger: logging.Logger, settings: LogSettings, message: str) -> None:
    """A command's one-line failure: ``rumourbot: message`` on standard error as text, or an ERROR
    record when the logs are JSON (so that every line a collector reads is an object)."""
    if settings.format == "json":
        logger.error("%s", message)
    else:
        print(f"rumourbot: {message}", file=sys.stderr)
