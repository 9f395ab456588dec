"""A lint finding: rule id, severity, Chinese message, location and fix hint."""

from __future__ import annotations

from dataclasses import dataclass

from drafter.document.model import Location

ERROR = "error"
WARNING = "warning"
INFO = "info"
SEVERITIES = (INFO, WARNING, ERROR)          # ascending
SEVERITY_ZH = {ERROR: "错误", WARNING: "警告", INFO: "提示"}


@dataclass
class Finding:
    """One problem in a draft.  The runner, not the rule, sets the final severity."""

    rule: str
    severity: str
    message: str
    location: Location
    hint: str = ""

    def as_dict(self) -> dict:
        return {"rule": self.rule, "severity": self.severity, "message": self.message,
                "location": self.location.as_dict(), "hint": self.hint}
