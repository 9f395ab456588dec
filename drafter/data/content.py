"""Lint's content rules, run by validate on the data file's own text.

``validate`` must not say 数据有效 for a file whose rendered report ``lint`` then
faults.  Rather than a second copy of the rules, the data is laid out as the
report render will print (title, 主送, numbered headings, paragraphs, table
cells, 落款 — :func:`drafter.render.context.build_context` gives exactly that),
read as a text document, and the chosen lint rules run on it.  Each finding is
mapped back to the data field its paragraph came from, at that field's line.
"""

from __future__ import annotations

from drafter import regex
from drafter.document.model import Document, Paragraph
from drafter.errors import ERROR, WARNING

# Lint rules validate does NOT run on the data's text, and why.  Every other rule runs, so a rule
# added to lint that reads text is applied to data files too.
NOT_CONTENT = {
    "missing-item": "the schema requires every item; render gives each its heading",
    "item-in-body": "render gives every item its own heading",
    "missing-other-item": "the schema requires other",
    "pre2019-item": "render always writes all five items (info only)",
    "heading-numbering": "render numbers the headings",
    "heading-level-skip": "render nests the levels",
    "missing-metadata": "the schema requires recipients and date",
    "doc-number": "validate checks doc_number itself (check_with)",
    "date-form": "render writes the date",
    "date-late": "validate checks the date against the level's deadline",
    "recipient": "validate checks the recipients against the level's roles",
    "revisions": "a .docx matter",
    "page-setup": "the template's layout",
    "fonts": "the template's layout",
    "paragraph-format": "the template's layout",
}


def content_rules() -> tuple:
    from drafter.lint import registry
    return tuple(rule_id for rule_id in registry.ids() if rule_id not in NOT_CONTENT)


_SEVERITY = {"error": ERROR, "warning": WARNING}
# Lint's advice about its own detection ("若报告年度识别有误，请用 --year 指定") means meta.year here.
_CLI_ADVICE = regex.compile(r"[；;，,]?\s*(?:若[^；;]*识别有误，)?(?:请|可)?用 --(year|level) 指定[）)]?")
_FIELD_FOR = {"year": "meta.year", "level": "meta.level"}


def rendition(context: dict, meta: dict) -> tuple[Document, list[tuple]]:
    """The report as render lays it out (the template's order), as a text document, and each
    paragraph's data path."""
    lines: list[tuple[str, tuple, str]] = []          # (text, data path, part)
    body_path = ("meta", "body")
    signature_path = ("meta", "signature") if meta.get("signature") else body_path

    def masthead() -> None:
        names = [(n, ("meta", "party_body") if i == 0 and len(context["masthead"]) > 1 else body_path)
                 for i, n in enumerate(context["masthead"])]
        lines.extend((name + ("文件" if len(names) == 1 else ""), path, "body") for name, path in names)
        signers = f"\u3000签发人：{context['signers']}" if context["signers"] else ""
        if context["doc_number"] or signers:
            lines.append((context["doc_number"] + signers, ("meta", "doc_number"), "body"))

    def closing() -> None:
        lines.extend((name, signature_path, "body") for name in context["signature"])
        lines.append((context["date"], ("meta", "date"), "body"))

    recipients = (context["recipients"], ("meta", "recipients"), "body")
    if context["cover_letter"]:
        masthead()
        lines.append(recipients)
        lines += [(p, ("meta", "cover_letter", "text"), "body") for p in context["cover_letter"]["text"]]
        closing()
    if context["red_header"]:
        masthead()
    title_path = ("meta", "title") if meta.get("title") else body_path
    lines.append((context["title"].replace("\n", ""), title_path, "body"))   # one paragraph, a break inside
    lines.append(recipients)
    for block in context["body"]:
        source = tuple(block.get("source") or ())
        if block["kind"] == "table":
            lines.append((block["caption"], source, "table"))
            for row in block["rows"]:
                lines += [(row["name"], source, "table"), (row["value"], source, "table")]
        else:
            lines.append((block["number"] + block["text"], source, "body"))
    lines += [(text, ("meta", "attachments"), "body") for text in context["attachments"]]
    closing()
    if context["contact"]:
        lines.append((context["contact"], ("meta", "contact"), "body"))
    if context["cc"]:
        lines.append((context["cc"], ("meta", "cc"), "table"))
    if context["issuer"]:
        lines += [(context["issuer"], ("meta", "issuer"), "table"),
                  (context["issue_date"], ("meta", "issue_date"), "table")]
    lines = [line for line in lines if line[0].strip()]
    paragraphs = [Paragraph(text=text, index=i, part=part) for i, (text, _, part) in enumerate(lines)]
    return Document(path="<数据文件>", kind="text", paragraphs=paragraphs), [path for _, path, _ in lines]


def content_problems(document: dict):
    """(severity, data path, message, hint, (paragraph, offset)) for each content-rule finding on a
    valid document; the paragraph (as printed) and the finding's offset in it locate it in the file."""
    from drafter.levels import get_level
    from drafter.lint.config import LintConfig
    from drafter.lint.runner import lint_document
    from drafter.render.context import build_context

    meta = document["meta"]
    context, _ = build_context(document)
    doc, paths = rendition(context, meta)
    joint = bool(meta.get("joint")) and get_level(meta["level"]).variant(True) is not None
    config = LintConfig(rules={rule_id: {"enabled": False} for rule_id in NOT_CONTENT})
    result = lint_document(doc, level=meta["level"], year=meta["year"], joint=joint, config=config)
    seen = set()
    for finding in result.findings:
        if finding.severity not in _SEVERITY:
            continue                                  # info: lint shows it, validate need not
        index = finding.location.index
        path = paths[index] if index is not None and 0 <= index < len(paths) else ("meta",)
        if (path, finding.rule) in seen:              # e.g. body printed in the title and the 落款
            continue
        seen.add((path, finding.rule))
        excerpt = finding.location.excerpt
        message = finding.message
        if excerpt and excerpt not in message:
            message += f"（原文：“{excerpt}”）"
        hint = _CLI_ADVICE.sub(lambda m: f"；或检查 {_FIELD_FOR[m.group(1)]}", finding.hint or "") or None
        paragraph = doc.paragraphs[index].text if index is not None and 0 <= index < len(paths) else ""
        offset = (finding.location.column - 1) if finding.location.column else 0
        yield (_SEVERITY.get(finding.severity, WARNING), path, message + f"［{finding.rule}］", hint,
               (paragraph, offset))


__all__ = ["NOT_CONTENT", "content_problems", "content_rules", "rendition"]
