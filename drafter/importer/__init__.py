"""Import an existing report (e.g. last year's) into a data file.

The draft is read only through the analysis layer (:mod:`drafter.analysis`); this package maps
that reading onto the data model:

* :mod:`.build` — document + analysis → data tree with 待核对 / 原文缺失 comments;
* :mod:`.text` — sentences, run-in lists, causes and statistics in the report's text;
* :mod:`.next_year` — ``--next-year``: this year's data file from last year's;
* :mod:`.result` — :class:`Imported` and its YAML.
"""

# Loaded on first use (PEP 562): ``drafter review`` needs only :mod:`.text`, and importing the package
# must not load :mod:`.build` with the data layer behind it.
_EXPORTS = {"import_document": "build", "import_file": "build", "to_next_year": "next_year", "CHECK": "result",
            "MISSING": "result", "Imported": "result", "split_cause": "text", "split_runin": "text",
            "stats_in_text": "text", "title_and_rest": "text"}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)
