"""Body text, headings or title not in the fonts and sizes of GB/T 9704 practice.

公文正文用 3 号（16 磅）仿宋；一级标题黑体，二级标题楷体，三、四级标题仿宋；标题用 2 号（22 磅）
小标宋（templates/common.yaml 的 lint.format）。本规则读取 Word 中实际生效的中文字体
（包括从样式继承的字体和 w:eastAsia 设置），并认可同一字体的不同名称（如“仿宋”“仿宋_GB2312”
“FangSong”，见 lint.fonts）。为避免误报，只在某类段落中有相当比例（默认 30%）不符合时报告一次，
并给出第一处。只检查 .docx 文件。

不通过：正文用“宋体”或“微软雅黑”，或字号为小四（12 磅）。

通过：正文“仿宋_GB2312”16 磅，一级标题“黑体”，二级标题“楷体_GB2312”。
"""

from __future__ import annotations

from drafter.lint.finding import WARNING
from drafter.lint.rules import _helpers as h

ID = "fonts"
CODE = "F02"
DEFAULT_SEVERITY = WARNING
TITLE = "字体或字号不符合公文格式"

MIN_BODY_LENGTH = 20
LEVEL_NAMES = {1: "一级标题", 2: "二级标题", 3: "三级标题", 4: "四级标题"}


def _family(name: str | None) -> str | None:
    """The canonical family (仿宋, 黑体, …) of a font name, or None if unknown."""
    if not name:
        return None
    for family, aliases in h.data()["fonts"].items():
        if name in aliases or name.lower() in (a.lower() for a in aliases):
            return family
    return None


def _groups(ctx) -> dict:
    """{group label: (expected family, [paragraphs])} for title, heading levels and body (once per run)."""
    cache = h.run_cache(ctx)
    if "font_groups" not in cache:
        cache["font_groups"] = _group(ctx)
    return cache["font_groups"]


def _group(ctx) -> dict:
    spec = h.data()["format"]
    title = h.title_paragraph(ctx)
    headings = {node.heading.paragraph.index: node.level for node in h.headed_sections(ctx)
                if node.heading.marker != "runin"}
    groups: dict = {}
    if title is not None and title.format is not None:
        groups["标题"] = (spec["title"]["font"], [title])
    for paragraph in h.text_paragraphs(ctx):
        if paragraph.format is None or paragraph.part != "body" or (title is not None and paragraph is title):
            continue
        level = headings.get(paragraph.index)
        if level in spec["headings"]:
            groups.setdefault(LEVEL_NAMES[level], (spec["headings"][level], []))[1].append(paragraph)
        elif level is None and len(paragraph.text) >= MIN_BODY_LENGTH and paragraph.format.alignment != "center":
            groups.setdefault("正文", (spec["body"]["font"], []))[1].append(paragraph)
    return groups


def check(ctx):
    if ctx.document.kind != "docx":
        return
    spec = h.data()["format"]
    share = spec["share"]
    for label, (family, paragraphs) in _groups(ctx).items():
        known = [p for p in paragraphs if p.format.font_east_asia]
        wrong = [p for p in known if _family(p.format.font_east_asia) != family]
        if known and len(wrong) / len(known) > share:
            first = wrong[0]
            yield h.make(__name__, ctx, first,
                         f"{label}的中文字体是“{first.format.font_east_asia}”，公文{label}应为{family}"
                         f"（{len(wrong)}/{len(known)}段）",
                         f"请选中{label}，把“中文字体”设为{'、'.join(h.data()['fonts'][family][:3])}等")
    title = _groups(ctx).get("标题")
    if title and title[1][0].format.size_pt:
        size, actual = spec["title"]["size"], title[1][0].format.size_pt
        if abs(actual - size) > spec["body"]["size_tolerance"]:
            yield h.make(__name__, ctx, title[1][0], f"标题字号为{actual:g}磅，公文标题应为2号（{size}磅）",
                         "请选中标题，把字号设为“二号”")
    body = _groups(ctx).get("正文")
    if body:
        size = spec["body"]["size"]
        sized = [p for p in body[1] if p.format.size_pt]
        wrong = [p for p in sized if abs(p.format.size_pt - size) > spec["body"]["size_tolerance"]]
        if sized and len(wrong) / len(sized) > share:
            first = wrong[0]
            yield h.make(__name__, ctx, first,
                         f"正文字号为{first.format.size_pt:g}磅，公文正文应为3号（{size}磅）（{len(wrong)}/{len(sized)}段）",
                         "请选中正文，把字号设为“三号”")
