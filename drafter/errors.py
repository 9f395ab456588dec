"""Errors and diagnostics shared by every command.

Library code raises :class:`DrafterError` (never prints); the CLI catches it at
its boundary, prints the Chinese message and exits with ``exit_code``.
Validation problems that do not stop processing are :class:`Diagnostic` values.
"""

from __future__ import annotations

from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"

SEVERITY_ZH = {ERROR: "错误", WARNING: "警告"}


class DrafterError(Exception):
    """A failure the user can fix: carries a Chinese message and a hint.

    ``exit_code`` is 2 (unreadable input or usage error) unless a subclass says
    otherwise.
    """

    exit_code = 2

    def __init__(self, message: str, *, hint: str | None = None, path: str | None = None,
                 line: int | None = None, column: int | None = None, field: str | None = None,
                 diagnostics: list | None = None):
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.path = path
        self.line = line
        self.column = column
        self.field = field
        # Several located problems found at once (e.g. every input-method slip in a file);
        # the error itself describes the first.
        self.diagnostics = list(diagnostics or [])

    def format(self) -> str:
        """Return ``file:line:col: message（hint）`` in Chinese."""
        where = format_location(self.path, self.line, self.column)
        text = self.message
        if self.hint:
            text += f"（{self.hint}）"
        return _safe(f"{where}: {text}" if where else text)

    def diagnostic(self) -> "Diagnostic":
        return Diagnostic(ERROR, self.message, hint=self.hint, path=self.path, line=self.line,
                          column=self.column, field=self.field)

    def report(self) -> str:
        """Every problem as ``文件:行:列: 字段: 错误：说明（如何修改）``, one a line (as validate prints)."""
        return "\n".join(d.format() for d in (self.diagnostics or [self.diagnostic()]))


class InputError(DrafterError):
    """An input file cannot be read or parsed at all."""


class OutputError(DrafterError):
    """An output file cannot be written (or would overwrite something)."""


def _safe(text: str) -> str:
    from drafter.text import terminal_safe
    return terminal_safe(text)


def format_location(path: str | None, line: int | None = None, column: int | None = None) -> str:
    """Format ``path:line:col`` leaving out the parts that are unknown."""
    parts = [p for p in (path, line, column) if p is not None]
    return ":".join(str(p) for p in parts)


@dataclass
class Diagnostic:
    """One validation problem: severity, Chinese message, fix hint and where.

    ``field`` is the dotted data path with 1-based list positions, e.g.
    ``measures.areas[2].stats[1].total``; ``line``/``column`` are 1-based.
    """

    severity: str
    message: str
    hint: str | None = None
    path: str | None = None
    line: int | None = None
    column: int | None = None
    field: str | None = None

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def format(self) -> str:
        """``file:line:col: field.path: 错误：说明（如何修改）``."""
        where = format_location(self.path, self.line, self.column)
        text = f"{SEVERITY_ZH[self.severity]}：{self.message}"
        if self.hint:
            text += f"（{self.hint}）"
        head = ": ".join(p for p in (where, self.field) if p)
        return _safe(f"{head}: {text}" if head else text)

    def sort_key(self):
        return (self.path or "", self.line or 0, self.column or 0)
