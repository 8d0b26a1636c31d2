"""Load the data file and run every check on it, from one list; say exactly where any problem is.

Every problem is reported as ``file:line: key.path: what was expected``, so an
editor can jump straight to it. Nothing here knows about MkDocs.
"""

from __future__ import annotations

from pathlib import Path

from ..core.errors import DataError
from .check_areas import area_problems
from .check_designs import design_problems
from .check_hiring import hiring_problems
from .check_llm import llm_problems
from .check_ownership import ownership_problems
from .check_pay import pay_problems
from .check_references import reference_problems
from .check_skills import skills_problems
from .parse import describe, parse, read_text
from .schema import schema_problems

# After the schema holds, in this order; each takes (data, data file path) and returns problems.
CHECKS = [reference_problems, pay_problems, skills_problems, ownership_problems, llm_problems, design_problems,
          hiring_problems]
# Checks of the CSV files beside the data file: each takes the data file path and returns whole
# `file:line: message` lines, since their lines are the CSV's, not the data file's.
FILE_CHECKS = [area_problems]


def load_data(path: Path) -> dict:
    """Parse, validate and cross-check the file; raise DataError listing every fault."""
    data, lines, problems = parse(read_text(path), path)
    if not problems:
        problems = schema_problems(data) or [p for check in CHECKS for p in check(data, path)]
    described = [describe(path, lines, p) for p in problems] + [p for check in FILE_CHECKS for p in check(path)]
    if described:
        raise DataError(described)
    return data
