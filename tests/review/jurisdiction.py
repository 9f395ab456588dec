"""A realistic jurisdiction folder for ``drafter review``, built at test time.

安平县's 司法局 collects the 2024 reports of twelve units (the roster); ten
submitted something:

* Word-made department drafts (real heading styles and auto-numbering) with
  known defects: a missing item, a late 成文日期 and a blank number, a wrong year
  (as a .doc through LibreOffice), two versions from one unit;
* two data files (.yaml) whose statistics add up, one with a unit mismatch;
* a town's report as .txt with pasted web-page lines, another town as .docx;
* a corrupt .docx, matched to its unit only by its file name;
* the examples rendered to .docx and the seeds as .txt (other jurisdictions'
  reports, which match no unit).

Every figure the tests check is declared here (``UNITS``, ``CASES``, ``DATA_STATS``),
never taken from the code under test.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

YEAR = 2024
COUNTY = "安平县"

# roster rows: (name, level as the roster writes it, contact, aliases)
ROSTER = [
    ("安平县教育局", "政府部门", "王老师 0318-7521001", "县教育局"),
    ("安平县人力资源和社会保障局", "政府部门", "", ""),
    ("安平县司法局", "政府部门", "李科长", "县司法局"),
    ("安平县公安局", "政府部门", "", ""),
    ("安平县市场监督管理局", "政府部门", "", "县市场监管局"),
    ("安平县卫生健康局", "政府部门", "", ""),
    ("安平县住房和城乡建设局", "政府部门", "", "住建局"),
    ("安平镇", "乡镇", "赵镇长", ""),
    ("马店镇", "乡镇", "", ""),
    ("安平县应急管理局", "政府部门", "", ""),
    ("安平县发展和改革局", "政府部门", "孙主任 0318-7521099", "县发改局"),
    ("安平县财政局", "政府部门", "", ""),
]
NEVER_SUBMITTED = ["安平县发展和改革局", "安平县财政局"]

# “共办理行政执法案件N件，其中行政处罚a件、行政强制b件” in each draft that states it: unit → (a, b)
CASES = {
    "安平县教育局": (30, 6),
    "安平县人力资源和社会保障局": (41, 9),
    "安平县市场监督管理局": (120, 35),
    "安平县卫生健康局": (52, 8),
    "安平镇": (12, 3),
    "马店镇": (9, 2),
    "安平县应急管理局": (25, 5),          # the first of its two files (path order)
}
CASE_STAT = "办理行政执法案件"

# The two data files' statistics: unit → [(name, unit, total, {part: value})]
DATA_STATS = {
    "安平县司法局": [("行政复议案件", "件", 20, {"维持": 12, "撤销": 3, "纠正": 5}),
                 ("法治培训", "人次", 500, {}),
                 ("法律援助案件", "件", 64, {"民事": 50, "刑事": 14})],
    "安平县公安局": [("行政复议案件", "件", 9, {"维持": 7, "撤销": 2}),
                 ("法治培训", "人", 300, {})],
}


def department_text(name: str, year: int = YEAR, *, signature: str | None = None, title_issuer: bool = True,
                    date: str | None = None, drop=(), blank: bool = False, cases=None) -> str:
    """A department's report, one paragraph per line, in the department order of the five items."""
    n = year + 1
    processed = (f"全年共{CASE_STAT}{sum(cases)}件，其中行政处罚{cases[0]}件、行政强制{cases[1]}件。"
                 if cases else "全年行政执法案件全部按期办结，案卷评查全部合格。")
    activity = "全年组织普法宣传活动共   场，覆盖群众3200余人次。" if blank else "全年开展普法宣传活动12场，覆盖群众3200余人次。"
    parts = {
        "leadership": [f"一、{year}年党政主要负责人履行推进法治建设第一责任人职责情况",
                       "主要负责同志认真履行推进法治建设第一责任人职责，全年主持召开党组会议专题研究法治建设工作4次，带头开展年终述法。"],
        "measures": [f"二、{year}年推进法治政府建设的主要举措和成效", "（一）严格规范公正文明执法", processed,
                     "（二）深入推进普法宣传", activity],
        "problems": [f"三、{year}年推进法治政府建设存在的不足和原因",
                     "一是执法人员专业能力有待提升，原因主要是培训不够系统。二是普法形式较为单一，原因是创新意识不足。"],
        "plan": [f"四、{n}年推进法治政府建设的主要安排",
                 f"{n}年，将持续深化执法规范化建设，加强执法人员培训，创新普法方式。"],
        "other": ["五、其他需要报告的情况", "无。"],
    }
    lines = [f"{name if title_issuer else ''}关于{year}年法治政府建设情况的报告", f"中共{COUNTY}委、{COUNTY}人民政府：",
             f"{year}年，{signature or name}坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻习近平法治思想，"
             "全面推进依法行政。现将有关情况报告如下。"]
    for key in ("leadership", "measures", "problems", "plan", "other"):
        if key not in drop:
            lines += parts[key]
    return "\n".join(lines + [signature or name, date or f"{n}年2月10日"]) + "\n"


def town_text(name: str, cases, *, web_junk: bool = False) -> str:
    """A town's report (township order of items), issuer in the title as “××镇人民政府”."""
    year, n = YEAR, YEAR + 1
    lines = [f"{name}人民政府关于{year}年法治政府建设情况的报告", f"中共{COUNTY}委、{COUNTY}人民政府：",
             f"{year}年，{name}深入贯彻习近平法治思想，扎实推进基层法治建设。现将有关情况报告如下。",
             f"一、{year}年推进法治政府建设的主要举措和成效", "（一）规范基层综合行政执法",
             f"全年共{CASE_STAT}{sum(cases)}件，其中行政处罚{cases[0]}件、行政强制{cases[1]}件。",
             "（二）化解矛盾纠纷", "建立镇村两级调解网络，矛盾纠纷就地化解。",
             f"二、{year}年推进法治政府建设存在的不足和原因",
             "一是村级法治力量薄弱，原因主要是专业人员不足。",
             f"三、{year}年党政主要负责人履行推进法治建设第一责任人职责情况",
             "镇党委书记、镇长认真履行第一责任人职责，年内专题研究法治建设3次。",
             f"四、{n}年推进法治政府建设的主要安排", f"{n}年，将加强村级法律顾问工作，推进民主法治村建设。",
             "五、其他需要报告的情况", "无。", f"{name}人民政府", f"{n}年2月8日"]
    if web_junk:
        lines += ["来源：安平县人民政府网  发布时间：2025-02-12  浏览次数：365", "【打印本页】【关闭窗口】"]
    return "\n".join(lines) + "\n"


def data_file_yaml(name: str, stats) -> str:
    """A valid department data file with ``stats`` in its enforcement area."""
    import yaml
    rendered = []
    for stat_name, unit, total, parts in stats:
        stat = {"name": stat_name, "unit": unit, "total": total}
        if parts:
            stat["parts"] = [{"name": k, "value": v} for k, v in parts.items()]
        rendered.append(stat)
    data = {
        "meta": {"body": name, "level": "department", "joint": False, "year": YEAR,
                 "date": dt.date(YEAR + 1, 2, 15), "recipients": [f"中共{COUNTY}委", f"{COUNTY}人民政府"]},
        "intro": f"{YEAR}年，{name}深入贯彻习近平法治思想，全面推进严格规范公正文明执法。现将有关情况报告如下。",
        "leadership": {"text": "主要负责同志认真履行推进法治建设第一责任人职责，全年专题研究法治工作4次。"},
        "measures": {"areas": [{"kind": "enforcement", "title": "严格规范公正文明执法",
                                "text": "全面落实行政执法三项制度，执法质量稳步提升。", "stats": rendered}]},
        "problems": {"items": [{"title": "执法队伍专业化水平不高", "text": "部分执法人员法律知识不够扎实。",
                                "cause": "系统培训不足，考核激励不够。"}]},
        "plan": {"year": YEAR + 1, "items": [{"title": "加强执法队伍建设", "text": "分批开展执法人员轮训。"}]},
        "other": {"text": "无。"},
    }
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def write_roster(path: Path) -> Path:
    import openpyxl
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "报送单位"
    sheet.append(["序号", "单位名称", "层级", "联系人", "别名"])
    for i, (name, level, contact, alias) in enumerate(ROSTER, start=1):
        sheet.append([i, name, level, contact or None, alias or None])
    book.save(path)
    return path


def convert_to_doc(docx_path: Path, out_dir: Path) -> Path:
    """A .doc made from a .docx by LibreOffice (Word 97 format), as old offices still send."""
    return convert_many_to_doc([docx_path], out_dir)[0]


def convert_many_to_doc(docx_paths: list[Path], out_dir: Path) -> list[Path]:
    """.doc files made from .docx files (distinct names) by one LibreOffice start."""
    from drafter.document.read import soffice
    profile = out_dir / ".lo-profile"
    subprocess.run([soffice(), f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to",
                    "doc:MS Word 97", "--outdir", str(out_dir), *map(str, docx_paths)], capture_output=True,
                   timeout=180 + 30 * len(docx_paths), check=False)
    shutil.rmtree(profile, ignore_errors=True)
    docs = [out_dir / (path.stem + ".doc") for path in docx_paths]
    if not all(doc.is_file() for doc in docs):
        raise RuntimeError("LibreOffice could not make the .doc test file")
    return docs


def build(root: Path, *, seeds: list[Path], examples: list[Path]) -> dict:
    """Build the folder, roster and expectations under ``root``; returns paths and what was put where."""
    from drafter.data.validate import validate_file
    from drafter.render.render import render_report
    from tests.lint.docx_build import build_docx

    folder = root / f"{YEAR}年各单位报告"
    folder.mkdir(parents=True)
    made = {}

    def docx(relative: str, text: str) -> Path:
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        build_docx(path, text)
        return path

    made["安平县教育局"] = docx(f"教育局/安平县教育局{YEAR}年法治政府建设情况报告.docx",
                             department_text("安平县教育局", cases=CASES["安平县教育局"]))
    made["安平县人力资源和社会保障局"] = docx("人社局报告.docx", department_text(
        "安平县人力资源和社会保障局", signature="县人社局", title_issuer=False, drop=("problems",),
        cases=CASES["安平县人力资源和社会保障局"]))
    made["安平县卫生健康局"] = docx("卫健局/卫生健康局报告.docx", department_text(
        "安平县卫生健康局", date=f"{YEAR + 1}年3月15日", blank=True, cases=CASES["安平县卫生健康局"]))
    made["马店镇"] = docx(f"乡镇/马店镇{YEAR}年报告.docx", town_text("马店镇", CASES["马店镇"]))
    made["安平县应急管理局"] = docx("应急管理局/应急管理局报告.docx",
                               department_text("安平县应急管理局", cases=CASES["安平县应急管理局"]))
    made["安平县应急管理局（修改稿）"] = docx("应急管理局/应急管理局报告（修改稿）.docx",
                                    department_text("安平县应急管理局", cases=(1, 1)))
    town = folder / "乡镇" / "安平镇.txt"
    town.write_text(town_text("安平镇", CASES["安平镇"], web_junk=True), encoding="utf-8")
    made["安平镇"] = town
    # wrong year, as a .doc through LibreOffice
    scratch = root / "scratch"
    scratch.mkdir()
    source = build_docx(scratch / "市场监管局报告.docx", department_text(
        "安平县市场监督管理局", year=YEAR - 1, date=f"{YEAR}年2月1日", cases=CASES["安平县市场监督管理局"]))
    made["安平县市场监督管理局"] = shutil.move(str(convert_to_doc(source, scratch)), folder / "市场监管局报告.doc")
    corrupt = folder / "住建局2024年报告.docx"
    corrupt.write_bytes(b"PK\x03\x04" + b"\x00" * 40 + "这不是一个完整的 Word 文件".encode("utf-8"))
    made["安平县住房和城乡建设局"] = corrupt
    for unit, stats in DATA_STATS.items():
        path = folder / "数据文件" / f"{unit}.yaml"
        path.parent.mkdir(exist_ok=True)
        path.write_text(data_file_yaml(unit, stats), encoding="utf-8")
        made[unit] = path
    others = folder / "参考资料"
    (others / "示例").mkdir(parents=True)
    rendered = []
    for example in examples:
        checked = validate_file(example)
        target = others / "示例" / (example.stem + ".docx")
        render_report(checked.document, target, source=str(example))
        rendered.append(target)
    copied = []
    if seeds:
        (others / "参考报告").mkdir()
        for seed in seeds:
            copied.append(Path(shutil.copy(seed, others / "参考报告" / seed.name)))
    roster = write_roster(root / "报送单位名单.xlsx")
    shutil.rmtree(scratch)
    return {"folder": folder, "roster": roster, "made": made, "examples": rendered, "seeds": copied}
