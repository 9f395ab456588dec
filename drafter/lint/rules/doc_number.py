"""The 发文字号 is blank or not in the form 机关代字〔YYYY〕N号.

发文字号由机关代字、年份和序号组成（GB/T 9704-2012）：年份写全四位并用六角括号“〔〕”，
序号不加“第”、不编虚位（1 不写成 01），如“鞍委〔2024〕17号”。本规则检查报告开头的发文字号
（包括与“签发人”同一行的），以及“字号：”“文号：”之后没有填写的情况。

不通过：

```text
鞍委[2024]第017号
字 号：
```

通过：

```text
鞍委〔2024〕17号
```
"""

from __future__ import annotations

from drafter import regex
from drafter.lint.finding import ERROR
from drafter.lint.rules import _helpers as h
from drafter.text import doc_number_problem

ID = "doc-number"
CODE = "L16"
DEFAULT_SEVERITY = ERROR
TITLE = "发文字号为空或格式不对"

HEAD = 12
_CANDIDATE = regex.compile(r"^[^\s，。,：:]{1,12}[〔\[【(（［]\s*\d{2,4}\s*[〕\]】)）］]\s*第?\s*\d+\s*号$")
# 上行文: the number and the 签发人 share a line ("鞍委〔2024〕17号  签发人：张建国").
_SIGNER = regex.compile(r"^(?P<number>\S+)\s+签发人[:：]")
_LABEL = regex.compile(r"^(?:发文)?(?:字[ \u3000\u00a0]*号|文[ \u3000\u00a0]*号)[:：]\s*(?P<value>.*)$")


def check(ctx):
    for paragraph in h.body_lines(ctx)[:HEAD]:
        text = paragraph.text.strip()
        label = _LABEL.match(text)
        if label:
            value = label.group("value").strip()
            if not value:
                yield h.make(__name__, ctx, paragraph, "发文字号没有填写（“字号：”后为空）",
                             "请填写发文字号，如“××发〔2025〕3号”；不需要字号时删去这一行")
                continue
            text = value
        signer = _SIGNER.match(text)
        if signer:
            text = signer.group("number")
        if _CANDIDATE.match(text):
            problem = doc_number_problem(text.replace(" ", ""))
            if problem:
                yield h.make(__name__, ctx, paragraph, f"发文字号“{text}”格式不对", problem)
