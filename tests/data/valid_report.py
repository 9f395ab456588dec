"""A small, complete and valid data file used as the base of validation tests."""

VALID = """\
meta:
  body: 示例县人民政府
  level: county
  year: 2024
  date: 2025-02-20
  doc_number: 示政发〔2025〕3号
  recipients:
    - 中共示例县委
    - 示例县人大常委会
intro: |
  2024年，示例县坚持以习近平法治思想为指导，扎实推进法治政府建设。
  现将有关情况报告如下。
measures:
  areas:
    - kind: institutions
      title: 完善依法行政制度体系
      text: 全年审查规范性文件12件。
    - kind: enforcement
      title: 严格规范公正文明执法
      text: 全面落实行政执法“三项制度”。
    - kind: disputes
      title: 依法化解矛盾纠纷
      text: 全年办理行政复议案件13件。
      stats:
        - name: 行政复议案件
          unit: 件
          total: 13
          parts:
            - {name: 不予受理, value: 1}
            - {name: 决定维持, value: 3}
            - {name: 撤销, value: 3}
            - {name: 申请人撤回, value: 3}
            - {name: 正在办理, value: 3}
          rates:
            - {name: 撤销率, part: 撤销, value: 23.1}
problems:
  items:
    - title: 基层执法能力有待提升
      text: 部分执法人员对执法程序掌握不够。
      cause: 主要是培训覆盖面不够。
leadership:
  text: 县委、县政府主要负责同志带头学法，年度述法实现全覆盖。
plan:
  year: 2025
  items:
    - title: 持续优化法治化营商环境
      text: 深化“放管服”改革。
other:
  text: 无。
"""
