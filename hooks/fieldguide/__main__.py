"""python -m fieldguide [--check] [DATA_FILE]: validate the data and print every comparison as text.

With --check, only the closing summary line is printed.

Exit status 0 when the data is valid, 1 with one line per problem when it is not.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .core.errors import DataError
from .core.markup import fold
from .model.guide import DATA_PATH, Guide


def text_table(guide: Guide, category_id: str) -> str:
    """A category as an aligned plain-text table, for a quick read in the terminal."""
    header = ["Topic", *(role["name"] for role in guide.roles)]
    rows = [[fold(t["title"]), *(fold(t["roles"][r["id"]]) for r in guide.roles)] for t in guide.topics_in(category_id)]
    widths = [min(40, max(len(row[i]) for row in [header, *rows])) for i in range(len(header))]
    lines = [" | ".join(cell[:w].ljust(w) for cell, w in zip(row, widths)).rstrip() for row in [header, *rows]]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m fieldguide", description="Validate the data and print every comparison as text.")
    parser.add_argument("--check", action="store_true", help="print only the closing summary line")
    parser.add_argument("data_file", nargs="?", type=Path, default=DATA_PATH)
    arguments = parser.parse_args(argv)
    quiet = arguments.check
    try:
        guide = Guide.load(arguments.data_file)
    except DataError as error:
        print(error, file=sys.stderr)
        return 1
    for category in [] if quiet else guide.categories:
        print(f"\n{category['title']}\n")
        print(text_table(guide, category["id"]))
    print(f"{'' if quiet else chr(10)}{len(guide.topics)} topics in {len(guide.categories)} categories, "
          f"{len(guide.wages)} wage figures, {len(guide.survey)} survey figures, "
          f"{len(guide.sources)} sources: the data is valid.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
