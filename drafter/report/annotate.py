"""``--annotate OUT.docx``: a copy of the draft with a Word comment (批注) at each finding.

The original file is never written: it is opened read-only with python-docx,
comments are added in memory (python-docx ≥ 1.2 ``Document.add_comment``) and
the copy is saved atomically.  Paragraphs are found again with the reader's
own walk (:func:`drafter.document.docx_reader.iter_paragraph_elements`), so a
finding in a table cell, content control or text box lands on its paragraph.
A finding with a column is anchored on the run that holds that character;
otherwise on the whole paragraph.  Findings in headers, footers or footnotes
(where Word comments cannot be anchored) and findings about the whole
document go on the first paragraph.
"""

from __future__ import annotations

from pathlib import Path

from drafter.errors import InputError, OutputError
from drafter.fsutil import atomic_path, check_ooxml
from drafter.lint.finding import SEVERITY_ZH

AUTHOR = "drafter 检查"
MAX_COMMENTS = 500       # python-docx adds each comment in time growing with the comments already there
INITIALS = "DR"


def comment_text(finding) -> str:
    text = f"【{SEVERITY_ZH[finding.severity]}】{finding.message}"
    if finding.location.part not in ("body", "table", "textbox"):
        text += f"（位置：{finding.location.describe()}）"
    if finding.hint:
        text += f"\n修改建议：{finding.hint}"
    return text + f"\n（规则 {finding.rule}）"


def _runs_at(paragraph, model, column):
    """The run holding character ``column`` (1-based, of the model's text) of a paragraph, as a list; else ``[]``.

    The model's text may start with an auto-number that no run holds; runs in
    deletions or nested text boxes hold no visible text and are skipped.
    """
    from docx.text.run import Run

    from drafter.document.docx_reader import paragraph_text

    if model is None or column is None:
        return []
    element = paragraph._p
    offset = column - 1 - (len(model.text) - len(paragraph_text(element)))
    position = 0
    for r in element.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}r"):
        text = paragraph_text(r) if _visible(r, element) else ""
        if text:
            if position <= offset < position + len(text):
                return [Run(r, paragraph)]
            position += len(text)
    return []


def _visible(run, paragraph) -> bool:
    """Whether ``run`` shows in ``paragraph`` (not deleted, not in a nested text box or fallback)."""
    hidden = ("}del", "}moveFrom", "}txbxContent", "}Fallback")
    for ancestor in run.iterancestors():
        if ancestor is paragraph:
            return True
        if str(ancestor.tag).endswith(hidden):
            return False
    return False


def annotate(result, out: Path | str) -> int:
    """Write the annotated copy of ``result``'s .docx to ``out``; return the number of comments."""
    import docx
    from docx.text.paragraph import Paragraph as DocxParagraph

    from drafter.document.docx_reader import BODY_KEY, iter_paragraph_elements

    source = Path(result.path)
    out = Path(out)
    if result.document is None or result.document.kind != "docx" or source.suffix.lower() not in (".docx", ".docm"):
        raise InputError("只能为 .docx 草稿生成带批注的副本", path=str(source),
                         hint="请先在 Word 或 WPS 中把草稿“另存为”.docx")
    if out.exists() and out.resolve() == source.resolve():
        raise OutputError("批注副本不能覆盖原文件", path=str(out), hint="请给 --annotate 指定另一个文件名")
    try:
        document = docx.Document(str(source))
    except Exception as exc:  # python-docx raises many types for a bad package
        raise InputError("无法打开草稿以添加批注", path=str(source), hint="请确认文件未损坏") from exc
    body = document.element.body
    elements = [p for p, _, _ in iter_paragraph_elements(body)]
    first = next((p for p in elements if "".join(p.itertext()).strip()), elements[0] if elements else None)
    if first is None:
        raise InputError("草稿没有正文段落，无法添加批注", path=str(source))
    count = 0
    for finding in result.findings[:MAX_COMMENTS]:
        element, model = first, None
        index = finding.location.index
        if index is not None and index < len(result.document.paragraphs):
            model = result.document.paragraphs[index]
            handle = model.source
            if isinstance(handle, tuple) and handle[0] == BODY_KEY and handle[1] < len(elements):
                element = elements[handle[1]]
            else:
                model = None
        paragraph = DocxParagraph(element, document._body)
        runs = _runs_at(paragraph, model, finding.location.column) or paragraph.runs or [paragraph.add_run("")]
        document.add_comment(runs, text=comment_text(finding), author=AUTHOR, initials=INITIALS)
        count += 1
    with atomic_path(out, check=check_ooxml) as tmp:
        document.save(str(tmp))
    return count
