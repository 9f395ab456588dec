"""Page size or margins differ from GB/T 9704-2012 (A4; top 37, bottom 35, left 28, right 26 mm).

GB/T 9704-2012《党政机关公文格式》规定：A4 纸（210 mm × 297 mm），天头（上边距）37 mm、
订口（左边距）28 mm，版心 156 mm × 225 mm，由此下边距 35 mm、右边距 26 mm，允许误差 ±1 mm
（数值见 templates/common.yaml 的 lint.format.page）。本规则只检查 .docx 文件，每种问题报告一次。

不通过：Word 默认的“上下 2.54 厘米、左右 3.18 厘米”页边距。

通过：“布局→页边距→自定义页边距”设为上 3.7、下 3.5、左 2.8、右 2.6 厘米，纸张 A4。
"""

from __future__ import annotations

from drafter.lint.finding import WARNING
from drafter.lint.rules import _helpers as h

ID = "page-setup"
CODE = "F01"
DEFAULT_SEVERITY = WARNING
TITLE = "纸张或页边距不符合公文格式"

_MARGINS = (("top_mm", "top", "上"), ("bottom_mm", "bottom", "下"), ("left_mm", "left", "左"),
            ("right_mm", "right", "右"))


def _cm(mm: float) -> str:
    return f"{mm / 10:g}厘米"


def check(ctx):
    document = ctx.document
    if document.kind != "docx" or not document.pages:
        return
    spec = h.data()["format"]["page"]
    tolerance = spec["tolerance"]
    size_problem, margin_problems = None, {}
    for page in document.pages:
        if page.width_mm is not None and page.height_mm is not None and size_problem is None:
            w, hgt = sorted((page.width_mm, page.height_mm))
            if abs(w - spec["width"]) > tolerance or abs(hgt - spec["height"]) > tolerance:
                size_problem = f"纸张为{w:g}×{hgt:g}毫米，不是A4（{spec['width']}×{spec['height']}毫米）"
        for attr, key, name in _MARGINS:
            value = getattr(page, attr)
            if value is not None and abs(value - spec[key]) > tolerance and key not in margin_problems:
                margin_problems[key] = f"{name}边距{_cm(value)}（应为{_cm(spec[key])}）"
    if size_problem:
        yield h.make(__name__, ctx, None, size_problem, "请在“布局→纸张大小”中选择 A4")
    if margin_problems:
        wanted = "、".join(f"{name}{_cm(spec[key])}" for _, key, name in _MARGINS)
        yield h.make(__name__, ctx, None, "页边距不符合公文格式：" + "，".join(margin_problems.values()),
                     f"请在“布局→页边距→自定义页边距”中设为{wanted}")
