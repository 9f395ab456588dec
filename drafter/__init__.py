"""drafter: draft and check the annual 法治政府建设年度报告.

The package is a small library with a command-line client (``drafter.cli``).
Data flows one way: YAML → validated model → template → .docx, and
.docx/.txt → document model → rules → findings.
"""

__version__ = "0.1.0"
