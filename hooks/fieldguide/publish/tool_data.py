"""Tool data read on first use: out of the page, into a file beside it.

A tool's data is inlined as `<script data-on-demand>window.NAME={...};</script>` while the page
renders (blocks/tools.py). Here it moves, unchanged, to `PAGE.NAME.HASH.js` beside the page, and
the page keeps only that file's name in the global. The tool's script
(docs/assets/tools/tool-data.js) loads the file, a classic script, when the reader first uses the
tool: a visit that never does downloads none of it, and from file:// it still works, where fetch()
would not. The hash in the name lets a browser keep the file for as long as it likes.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from ..blocks.tools import ON_DEMAND
from ..core.markup import page_url

# inline_data() writes no "<" inside the data, so the first "</script>" ends it.
_ON_DEMAND = re.compile(rf"<script {ON_DEMAND}>window\.([A-Za-z_$][\w$]*)=([^<]*);</script>")


def move_tool_data(site_dir: Path, pages: list[str]) -> list[Path]:
    """Move every on-demand data script of the pages into its own file; return the files written."""
    written = []
    for page in pages:
        path = site_dir / page_url(page)
        text = path.read_text(encoding="utf-8")

        def to_file(match: re.Match, path: Path = path) -> str:
            name = match[1]
            script = f"window.{name}={match[2]};\n"
            digest = hashlib.sha256(script.encode("utf-8")).hexdigest()[:10]
            target = path.with_name(f"{path.stem}.{name}.{digest}.js")
            target.write_text(script, encoding="utf-8")
            written.append(target)
            return f'<script>window.{name}="{target.name}";</script>'

        moved = _ON_DEMAND.sub(to_file, text)
        if moved != text:
            path.write_text(moved, encoding="utf-8")
    return written
