"""Compatibility names for the analysis layer (:mod:`drafter.analysis`), kept for callers of round 1.

New code imports from :mod:`drafter.analysis` and its modules; this module only
re-exports and holds no logic of its own.
"""

from __future__ import annotations

from drafter.analysis import analyse
from drafter.analysis.headings import (HEADING_PARTS, MAX_BOLD_HEADING, MAX_LEVEL, MAX_TITLE,  # noqa: F401
                                       build_outline, is_toc_entry, parse_number, recognise, style_level)
from drafter.analysis.items import classify_items  # noqa: F401
from drafter.analysis.metadata import (DEFAULT_LEVEL, find_recipients, is_organ_name,  # noqa: F401
                                       is_party_name, split_names)

_number = parse_number


def detect_title(document):
    """The report title (:attr:`drafter.analysis.Analysis.title`)."""
    return analyse(document).title


def detect_year(document):
    """The report year (:attr:`drafter.analysis.Analysis.year`)."""
    return analyse(document).year


def find_level(document):
    """``(level, joint)`` read from the document, ``(None, False)`` when there is no cue at all."""
    result = analyse(document)
    return (result.level if result.level_source == "detected" else None), result.joint


def detect_level(document):
    """``(level, joint)``; the default level when there is no cue at all."""
    result = analyse(document)
    return result.level, result.joint
