"""The state and metro figures: every row of pay-areas.csv must say where it came from and what it is.

Unlike the other checks, these problems point into the CSV, not into roles.yml, so each is
already a whole line, ``pay-areas.csv:LINE: message``, as areas_extract's own `--check` writes them.
"""

from __future__ import annotations

from pathlib import Path

from ..core.errors import unknown
from .areas import AREA_TYPES, DATATYPES, NATION, NATION_CODE, NOT_RELEASED, STATE, STATES, areas_path, as_value, read_areas, series_id
from .parse import shown


def area_problems(data_path: Path) -> list[str]:
    """One `file:line: message` per fault in the CSV beside the data file."""
    path = areas_path(data_path)
    rows, unreadable = read_areas(path)
    name = shown(path)
    if unreadable:
        return [f"{name}:1: {unreadable}"]
    problems: list[str] = []
    first_line: dict[tuple, int] = {}
    for row in rows:
        faults = row_faults(row)
        key = (row["area_type"], row["area_code"], row["soc"], row["measure"])
        if key in first_line:
            faults.append(f"duplicate row for {' / '.join(key)}, already at line {first_line[key]}")
        first_line.setdefault(key, row["line"])
        problems += [f"{name}:{row['line']}: {fault}" for fault in faults]
    return problems


def row_faults(row: dict) -> list[str]:
    """What is wrong with one row; the series id is compared only once the fields it encodes are sound."""
    faults = _area_faults(row) + _value_faults(row)
    if row["measure"] not in DATATYPES:
        faults.append(unknown("measure", row["measure"], DATATYPES))
    if not row["series_id"]:
        faults.append("no series id: every figure names the BLS series it was read from")
    elif not faults:
        expected = series_id(row["area_type"], row["area_code"], row["soc"], row["measure"])
        if row["series_id"] != expected:
            faults.append(f"series id {row['series_id']} does not encode this row's area type, area code, "
                          f"occupation and measure; expected {expected}")
    return faults


def _area_faults(row: dict) -> list[str]:
    kind, code, state = row["area_type"], row["area_code"], row["state"]
    if kind not in AREA_TYPES:
        return [unknown("area type", kind, AREA_TYPES)]
    if not (len(code) == 7 and code.isdigit()):
        return [f"area code '{code}' is not seven digits"]
    if kind == NATION and code != NATION_CODE:
        return [f"unknown national area code '{code}'; expected {NATION_CODE}"]
    if kind == STATE:
        if code[:2] not in STATES or code[2:] != "00000":
            return [f"unknown state area code '{code}'; expected a state's FIPS code followed by 00000"]
        if state != STATES[code[:2]]:
            return [f"unknown state code '{state}' for area {code}; expected '{STATES[code[:2]]}'"]
    elif state:
        return [f"state '{state}' given for an area that is not a state"]
    return []


def _value_faults(row: dict) -> list[str]:
    value, special = row["value"], row["special"]
    if not value:
        return [] if special == NOT_RELEASED else ["empty value without footnote 8 (not released)"]
    number = as_value(value)
    if number is None or number != number or number < 0:  # NaN is not equal to itself
        return [f"value '{value}' is not a number"]
    return []
