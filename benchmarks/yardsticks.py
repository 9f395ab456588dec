"""The yardstick programs the benchmark runs as whole processes (``python yardsticks.py WHAT ARGS``).

    docxtpl TEMPLATE CONTEXT OUT   a bare docxtpl script: open the template, render, save
    walk DOCX                      python-docx: open the document, walk paragraphs and table cells
"""

from __future__ import annotations

import pickle
import sys


def docxtpl_render(template: str, context: str, out: str) -> None:
    from docxtpl import DocxTemplate

    with open(context, "rb") as f:
        values = pickle.load(f)
    tpl = DocxTemplate(template)
    tpl.render(values, autoescape=True)
    tpl.save(out)


def walk(path: str) -> int:
    import docx

    document = docx.Document(path)
    n = sum(len(p.text) for p in document.paragraphs)
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                n += len(cell.text)
    return n


if __name__ == "__main__":
    what, *args = sys.argv[1:]
    {"docxtpl": docxtpl_render, "walk": walk}[what](*args)
