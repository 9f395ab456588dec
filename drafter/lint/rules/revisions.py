"""A .docx still holds unaccepted tracked changes or comments (批注).

修订（“审阅→修订”状态下的增删）没有接受或拒绝时，不同的人打开看到的内容不同，打印出来可能
带着删除线；批注是给起草人看的，报送前应删除。本规则只检查 .docx 文件。

不通过：文档中还有 3 处未处理的修订、2 条批注。

通过：已在 Word 中“审阅→接受→接受所有修订”，并“删除→删除文档中的所有批注”。
"""

from __future__ import annotations

from drafter.lint.finding import WARNING
from drafter.lint.rules import _helpers as h

ID = "revisions"
CODE = "D01"
DEFAULT_SEVERITY = WARNING
TITLE = "有未处理的修订或批注"


def check(ctx):
    document = ctx.document
    if document.kind != "docx":
        return
    if document.tracked_changes:
        yield h.make(__name__, ctx, None, f"文档中有{document.tracked_changes}处修订没有接受或拒绝",
                     "请在 Word 中点“审阅→接受→接受所有修订”（或逐处处理），再保存")
    if document.comments:
        yield h.make(__name__, ctx, None, f"文档中还有{document.comments}条批注",
                     "报送前请在 Word 中点“审阅→删除→删除文档中的所有批注”")
