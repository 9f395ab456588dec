"""Import an existing report (e.g. last year's) into a data file.

The draft is read only through the analysis layer (:mod:`drafter.analysis`); this package maps
that reading onto the data model:

* :mod:`.build` — document + analysis → data tree with 待核对 / 原文缺失 comments;
* :mod:`.text` — sentences, run-in lists, causes and statistics in the report's text;
* :mod:`.next_year` — ``--next-year``: this year's data file from last year's;
* :mod:`.result` — :class:`Imported` and its YAML.
"""

from drafter.importer.build import import_document, import_file  # noqa: F401
from drafter.importer.next_year import to_next_year  # noqa: F401
from drafter.importer.result import CHECK, MISSING, Imported  # noqa: F401
from drafter.importer.text import split_cause, split_runin, stats_in_text, title_and_rest  # noqa: F401
