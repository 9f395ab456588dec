"""Comments in a data file, kept through the form: read by data path, carried with the data, written back.

``drafter import`` marks its guesses (“待核对”), what the source lacks (“原文缺失”) and,
for next year, last year's plan and shortcomings as prompts — all as YAML comments.  The
form shows them beside their fields and saving writes them back through
:func:`drafter.data.writer.dump`, so switching between the form and a text editor
loses nothing.

In the form's JSON a dict carries the comments of its children under :data:`KEY`:
``{"_notes": {"title": {"before": [...], "eol": "..."}, "": {...}, "recipients[2]": {...}}}``
(``""`` is the dict itself as a list item).  Because they travel inside the data,
they move with a block that is reordered and go with a block that is deleted.
"""

from __future__ import annotations

import re

import yaml

from drafter.data.loader import Loaded
from drafter.data.writer import Comment

KEY = "_notes"
HEADER = ("#header",)        # the comment lines above the first field, under this pseudo path
_ITEM = re.compile(r"^(?P<key>[^\[\]]*)\[(?P<i>\d+)\]$")


def _content_lines(text: str) -> tuple[set, dict]:
    """Lines holding YAML content, and per line the column where its last token ends (0-based)."""
    covered: set = set()
    ends: dict = {}
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            start, end = token.start_mark, token.end_mark
            if isinstance(token, (yaml.StreamStartToken, yaml.StreamEndToken)):
                continue
            covered.update(range(start.line, end.line + 1))
            if end.column > 0 or end.line == start.line:
                ends[end.line] = max(ends.get(end.line, 0), end.column)
    except yaml.YAMLError:
        return set(), {}
    return covered, ends


def _paths_by_line(loaded: Loaded) -> tuple[dict, dict]:
    """Per 1-based line: the path a comment above it belongs to, and the one a comment at its end belongs to.

    Above: the shallowest path that starts on the line, leaving out a list or mapping whose key
    stands on an earlier line (a block sequence starts at its first “-”).  End: the deepest path.
    """
    first: dict = {}
    last: dict = {}
    for path, (line, _col) in list(loaded.keys.items()) + list(loaded.values.items()):
        if not path:
            continue
        key = loaded.keys.get(path)
        if key is None or key[0] == line:
            if line not in first or len(path) < len(first[line]):
                first[line] = path
        if line not in last or len(path) > len(last[line]):
            last[line] = path
    return first, last


def extract(text: str, loaded: Loaded) -> dict:
    """``{data path: Comment}`` for the comments in ``text`` (the header above the first field is left out)."""
    covered, ends = _content_lines(text)
    first, last = _paths_by_line(loaded)
    comments: dict = {}
    pending: list = []
    seen_content = False
    header: list = []
    for number, line in enumerate(text.split("\n")):
        stripped = line.strip()
        if number not in covered:
            if stripped.startswith("#"):
                pending.append(stripped[2:].rstrip() if stripped.startswith("# ") else stripped[1:].strip())
            continue
        if not seen_content:
            header, pending = pending, []    # the file's own header, kept as it is
        seen_content = True
        if pending:
            path = first.get(number + 1)
            if path is not None:
                comments.setdefault(path, Comment()).before.extend(pending)
            pending = []
        tail = line[ends.get(number, len(line)):].strip()
        if tail.startswith("#") and last.get(number + 1) is not None:
            comments.setdefault(last[number + 1], Comment()).eol = tail[1:].strip()
    if header:
        comments[HEADER] = Comment(before=header)
    return comments


def attach(data, comments: dict, quiet=lambda path, lines: False):
    """Form JSON with each comment stored under :data:`KEY` of the dict nearest its path.

    ``quiet(path, lines)`` marks comments the form need not show (they stay in the file).
    """
    for path, comment in comments.items():
        if path == HEADER:
            data.setdefault(KEY, {})[HEADER[0]] = {"before": list(comment.before), "eol": None, "quiet": True}
            continue
        owner, rel = _owner(data, path)
        if owner is not None:
            lines = [x for x in comment.before + [comment.eol or ""] if x.strip()]
            owner.setdefault(KEY, {})[rel] = {"before": list(comment.before), "eol": comment.eol,
                                              "quiet": quiet(path, lines)}
    return data


def _owner(data, path: tuple):
    """The dict that carries the comment at ``path``, and the path relative to it."""
    node, trail = data, []
    owner, start = (data, 0) if isinstance(data, dict) else (None, 0)
    for depth, part in enumerate(path):
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return None, ""
        if isinstance(node, dict) and depth < len(path) - 1:
            owner, start = node, depth + 1
        trail.append(part)
    if isinstance(node, dict) and isinstance(path[-1], int):
        return node, ""                      # a list item carries its own comments
    rel = ""
    for part in path[start:]:
        rel += f"[{part}]" if isinstance(part, int) else (("." if rel else "") + str(part))
    return owner, rel


def detach(value, path: tuple = (), out: dict | None = None):
    """Take the comments out of form JSON: (data without :data:`KEY`, ``{path: Comment}``)."""
    out = {} if out is None else out
    if isinstance(value, list):
        return [detach(v, path + (i,), out)[0] for i, v in enumerate(value)], out
    if not isinstance(value, dict):
        return value, out
    notes = value.get(KEY)
    if isinstance(notes, dict):
        for rel, note in notes.items():
            if not isinstance(note, dict):
                continue
            target = HEADER if (not path and rel == HEADER[0]) else path + _parse(rel)
            before = [str(x) for x in note.get("before") or [] if isinstance(x, (str, int))]
            eol = note.get("eol") if isinstance(note.get("eol"), str) else None
            if before or eol:
                out[target] = Comment(before=before, eol=eol)
    return {k: detach(v, path + (k,), out)[0] for k, v in value.items() if k != KEY}, out


def _parse(rel: str) -> tuple:
    parts: list = []
    for piece in [p for p in str(rel).split(".") if p]:
        m = _ITEM.match(piece)
        if m:
            parts.append(m.group("key")) if m.group("key") else None
            parts.append(int(m.group("i")))
        else:
            parts.append(piece)
    return tuple(parts)
