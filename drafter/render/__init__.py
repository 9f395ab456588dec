"""Rendering: validated data → template context → .docx (docxtpl), plus the template tools.

- :mod:`drafter.render.context` builds the template context (numbers, paragraphs, dates, tables);
- :mod:`drafter.render.render` fills a compiled template and writes the .docx (the only docxtpl user);
- :mod:`drafter.render.build` generates the shipped templates from one definition;
- :mod:`drafter.render.check` checks a template a person edited in Word/WPS.
"""
