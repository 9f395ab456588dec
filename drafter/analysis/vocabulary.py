"""The analysis layer's word lists as compiled patterns.

The words are data (``analysis:`` in ``templates/common.yaml``, checked on load against
``drafter/data/definitions.yaml`` and read through :func:`drafter.levels.common_data`); this module
only joins them into regular expressions.  Nothing is read or compiled at import: :func:`vocabulary`
builds the patterns at first use, once per process.  Alternatives keep the order the data lists
them in (the opening verbs are matched in that order).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from drafter import regex


class Vocabulary(NamedTuple):
    department: re.Pattern         # organ-type endings of a department: 部, 厅, 局 …
    not_department: re.Pattern     # endings that are not a department: 人民政府, 党工委, 政协 …
    township: re.Pattern           # 镇, 乡, 街道 …
    place_end: re.Pattern          # 省, 自治区, 市 …
    place_levels: tuple            # (ending, level ids), longest ending first: 自治区 before 区
    government_suffix: re.Pattern  # stripped to leave the place: 人民政府, 行政公署, 委员会 …
    organ: re.Pattern              # endings of a 主送 organ name
    bare_recipients: tuple         # (pattern, issuer's level) for a 主送 written short: 省政府 → city
    congress: re.Pattern           # 人大常委会 anywhere in a name
    central: re.Pattern            # a central body at the start of a name
    self_reference: re.Pattern     # 我市, 全县, 本街道 …; group 1 is the word
    self_levels: dict              # self-reference word → level ids
    portal: re.Pattern             # a portal info-bar line
    portal_label: re.Pattern       # 发布机构：<name>
    cover: re.Pattern              # cover-letter wording
    web_lead: re.Pattern           # a web page's lead-in
    title_subject: re.Pattern
    title_genre: re.Pattern
    complete_title: re.Pattern     # a title's last words when it is complete
    opening_skip: tuple            # an opening clause starting so has no subject: 在, 按照 …
    verbs: re.Pattern              # where the opening sentence's subject ends


def _any(words) -> str:
    return "(?:" + "|".join(re.escape(w) for w in words) + ")"


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The compiled patterns (built from the data at first use)."""
    from drafter.levels import common_data
    data = common_data()["analysis"]
    endings, self_ref, portal, title = data["endings"], data["self_reference"], data["portal"], data["title"]
    words = self_ref["words"]
    return Vocabulary(
        department=regex.compile(_any(endings["department"]) + "$"),
        not_department=regex.compile(_any(endings["not_department"]) + "$"),
        township=regex.compile(_any(endings["township"]) + "$"),
        place_end=regex.compile(_any(endings["place"]) + "$"),
        place_levels=tuple(sorted(((end, tuple(levels)) for end, levels in endings["place"].items()),
                                  key=lambda pair: -len(pair[0]))),
        government_suffix=regex.compile(_any(endings["government"]) + "$"),
        organ=regex.compile(_any(endings["recipient"]) + "$"),
        bare_recipients=tuple((regex.compile("^" + _any(entry["starts"]) + (_any(entry["then"]) if entry.get("then") else "")),
                               entry["level"]) for entry in data["bare_recipients"]),
        congress=regex.compile(_any(data["congress"])),
        central=regex.compile("^" + _any(data["central"])),
        self_reference=regex.compile(_any(self_ref["prefixes"]) + "(" + _any(words)[3:]),
        self_levels={word: tuple(levels) for word, levels in words.items()},
        portal=regex.compile(r"^(?:\d{6,}[-/]\d{4}-\d+|" + _any(portal["disclosure"])[3:-1]
                          + r"|(?:19|20)\d{2}-\d{2}-\d{2}|" + _any(portal["labels"]) + "[:：].*)$"),
        portal_label=regex.compile("^" + _any(portal["publisher_labels"]) + r"[:：]\s*(?P<name>\S.{0,30})$"),
        cover=regex.compile(_any(data["cover_letter"])),
        web_lead=regex.compile(_any(data["web_lead"])),
        title_subject=regex.compile(_any(title["subject"])),
        title_genre=regex.compile(_any(title["genre"])),
        complete_title=regex.compile(_any(title["complete"]) + "$"),
        opening_skip=tuple(data["opening_skip"]),
        verbs=regex.compile(_any(data["opening_verbs"])),
    )
