"""The site's own stylesheets, without their comments, in the built site.

docs/assets/extra.css explains each rule with a comment, which is right for whoever edits it and
about half its bytes for every reader, on every page. The built copy drops the comments and the
spaces nothing needs. Only what lies outside strings changes (`content: " ("` stays as it is),
and no space that separates two selectors is touched.
"""

from __future__ import annotations

import re
from pathlib import Path

_STRING = re.compile(r"""("(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*')""")
# A string (kept) or a comment (dropped); a string comes first when a comment marker sits inside it.
_STRING_OR_COMMENT = re.compile(_STRING.pattern + r"|/\*.*?\*/", re.DOTALL)
_AROUND_PUNCTUATION = re.compile(r"\s*([{};,>])\s*")
_AFTER_COLON = re.compile(r":\s+")  # "color: red"; never before a colon, which may start a selector


def minify(css: str) -> str:
    css = _STRING_OR_COMMENT.sub(lambda m: m[1] or "", css)
    parts = _STRING.split(css)  # odd items are strings
    for i in range(0, len(parts), 2):
        text = re.sub(r"\s+", " ", parts[i])
        text = _AROUND_PUNCTUATION.sub(r"\1", text)
        parts[i] = _AFTER_COLON.sub(":", text).replace(";}", "}")
    return "".join(parts).strip() + "\n"


def shrink_stylesheets(site_dir: Path, names: list[str]) -> None:
    for name in names:
        path = site_dir / name
        if path.is_file():
            path.write_text(minify(path.read_text(encoding="utf-8")), encoding="utf-8")
