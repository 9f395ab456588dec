"""The result of an import: the data tree, its comments, what was found and what is missing."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from drafter.data.jsonschema import SCHEMA_FILE_NAME
from drafter.data.validate import TODO_MARK, rules_at
from drafter.data.writer import Comment, dump

CHECK = "待核对"
MISSING = "原文缺失，请补充"


@dataclass
class Imported:
    """An imported data tree with its comments, and what was found / is missing (Chinese)."""

    data: dict
    comments: dict = field(default_factory=dict)
    found: list = field(default_factory=list)
    missing: list = field(default_factory=list)
    guesses: int = 0
    ignored: list = field(default_factory=list)
    source: str = ""
    next_year: bool = False

    def guess(self, path: tuple, why: str) -> None:
        self.guesses += 1
        comment = self.comments.setdefault(path, Comment())
        comment.eol = f"{CHECK}：{why}" if not comment.eol else f"{comment.eol}；{why}"

    def gap(self, path: tuple, what: str, hint: str | None = None) -> None:
        self.missing.append(what)
        comment = self.comments.setdefault(path, Comment())
        comment.before.append(f"{MISSING}：{what}" + (f"。{hint}" if hint else ""))

    def note(self, path: tuple, line: str) -> None:
        self.comments.setdefault(path, Comment()).before.append(line)

    def yaml(self) -> str:
        """The data file text (schema line, header, data in schema order, comments)."""
        meta = self.data.get("meta", {})
        what = "今年的数据文件（由去年的报告生成）" if self.next_year else "导入的数据文件"
        header = [f"yaml-language-server: $schema=./{SCHEMA_FILE_NAME}",
                  f"{meta.get('year', '')}年法治政府建设年度报告 {what}；来源：{Path(self.source).name}",
                  f"“{CHECK}”标出程序猜测的内容，请逐一核对；“{MISSING}”处原文没有，请按提示补写，"
                  f"并把所有“{TODO_MARK}”替换为实际内容。",
                  "完成后运行：drafter validate 本文件名", ""]
        return dump(self.data, self.comments, header)




def _ordered(value, path: tuple = ()):
    """Dict keys in schema order (unknown keys last, in their order); top-level order kept."""
    if isinstance(value, list):
        return [_ordered(v, path + (i,)) for i, v in enumerate(value)]
    if not isinstance(value, dict):
        return value
    rules = rules_at(path) if path else None
    order = list(((rules or {}).get("schema") or {}).keys()) if rules and rules.get("type") == "dict" else []
    keys = sorted(value, key=lambda k: order.index(k) if k in order else len(order)) if order else list(value)
    return {k: _ordered(value[k], path + (k,)) for k in keys}
