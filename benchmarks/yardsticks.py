"""The yardstick programs the benchmark runs as whole processes (``python yardsticks.py WHAT ARGS``).

    docxtpl TEMPLATE CONTEXT OUT   a bare docxtpl script: open the template, render, save
    walk DOCX                      python-docx: open the document, walk paragraphs and table cells
    peak COMMAND...                run COMMAND, print its peak memory (KiB, largest process of its tree)

``peak`` exists because a child's peak memory as the OS reports it includes the memory of the process
that started it (up to its ``exec``): started from this small process, not from the benchmark, the
figure is the command's own.
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


def peak(*command: str) -> None:
    import os
    import subprocess

    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    print(usage.ru_maxrss, proc.returncode)


if __name__ == "__main__":
    what, *args = sys.argv[1:]
    {"docxtpl": docxtpl_render, "walk": walk, "peak": peak}[what](*args)
