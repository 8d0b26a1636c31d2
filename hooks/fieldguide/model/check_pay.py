"""Pay figures: each against its row of the verified extract, and the figures against each other.

The build refuses a figure that differs from its row, has none, or does not hold together
(percentiles out of order, a negative wage, a survey median without its respondents).
"""

from __future__ import annotations

from pathlib import Path

from ..core.errors import Problem, check_known, check_unique, keyed
from ..core.numbers import COUNTS
from .extract import EXTRACT_NAME, PERCENTILE_NAMES, PERCENTILES, WAGE_MEASURES, as_number, extract_path, read_extract, row_key, rows_for


def pay_problems(data: dict, data_path: Path) -> list[Problem]:
    salary = data["salary"]
    sources = [s["id"] for s in data["sources"]]
    rows, unreadable = read_extract(extract_path(data_path))
    problems: list[Problem] = [Problem(("salary",), unreadable)] if unreadable else []
    check_unique(keyed(salary["wages"], ("salary", "wages")) + keyed(salary["survey"], ("salary", "survey")),
                 "figure id", problems)
    for section in ("wages", "survey", "outlook", "abroad"):
        check_known(keyed(salary[section], ("salary", section), "source"), "source", sources, problems)
    for section in ("wages", "survey"):
        for i, figure in enumerate(salary[section]):
            path = ("salary", section, i)
            numbers = _number_problems(path, figure, section)
            problems += numbers
            if not numbers:
                problems += _order_problems(path, figure) if section == "wages" else []
                problems += [] if unreadable else _extract_problems(path, figure, rows, section)
    problems += _one_range_per_occupation(salary["wages"])
    problems += _outlook_problems(salary["outlook"], {s["id"]: s for s in data["sources"]})
    return problems


def _outlook_problems(outlook: list[dict], sources: dict) -> list[Problem]:
    return [
        Problem(("salary", "outlook", i, "source"), "no provenance: an outlook figure is not in the extract, so its "
                "source must give the address of the page it was read from")
        for i, figure in enumerate(outlook)
        if figure["source"] in sources and not sources[figure["source"]].get("url")
    ]


def _number_problems(path: tuple, figure: dict, section: str) -> list[Problem]:
    problems = []
    for key in (k for k in (*WAGE_MEASURES, "respondents") if k in figure):
        value = figure[key]
        what = "a count of people" if key in COUNTS else "a wage in US dollars a year"
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            problems.append(Problem(path + (key,), f"expected a number ({what}), got {value!r}; write it without $ or commas"))
        elif value < 0:
            problems.append(Problem(path + (key,), f"expected {what}, got a negative number ({value})"))
        elif key in COUNTS and not float(value).is_integer():
            problems.append(Problem(path + (key,), f"expected a whole number ({what}), got {value}"))
    if section == "wages" and len([k for k in PERCENTILES if k in figure]) not in (1, 5):
        missing = ", ".join(k for k in PERCENTILES if k not in figure)
        problems.append(Problem(path, f"give all five percentiles (p10, p25, median, p75, p90) or the median alone; missing {missing}"))
    return problems


def _order_problems(path: tuple, figure: dict) -> list[Problem]:
    present = [k for k in PERCENTILES if k in figure]
    for lower, upper in zip(present, present[1:]):
        if figure[lower] > figure[upper]:
            return [Problem(path + (upper,), f"percentiles out of order: the {PERCENTILE_NAMES[upper]} ({figure[upper]}) "
                            f"is below the {PERCENTILE_NAMES[lower]} ({figure[lower]}); expected p10 <= p25 <= median <= p75 <= p90")]
    return []


def _extract_problems(path: tuple, figure: dict, rows: list[dict], section: str) -> list[Problem]:
    problems = []
    keys = ["median"] if section == "survey" else [k for k in WAGE_MEASURES if k in figure]
    for key in keys:
        found, where = rows_for(rows, figure, key), row_key(figure, key)
        if len(found) != 1:
            lines = ", ".join(str(r["line"]) for r in found)
            message = (f"no provenance: {EXTRACT_NAME} has no row for {where}" if not found
                       else f"{EXTRACT_NAME} has several rows for {where} (lines {lines}); keep one")
            problems.append(Problem(path + (key,), message))
            continue
        row = found[0]
        if as_number(row["value"]) != figure[key]:
            problems.append(Problem(path + (key,), f"{figure[key]} differs from {EXTRACT_NAME}:{row['line']}, which gives "
                                    f"{row['value']} for {where}"))
        if row["period"] != figure["period"] and key == keys[0]:
            problems.append(Problem(path + ("period",), f"'{figure['period']}' differs from the period of "
                                    f"{EXTRACT_NAME}:{row['line']}, '{row['period']}'"))
        if section == "survey":
            problems += _respondent_problems(path, figure, row)
    return problems


def _respondent_problems(path: tuple, figure: dict, row: dict) -> list[Problem]:
    if not row["respondents"]:
        return [Problem(path + ("respondents",), f"{EXTRACT_NAME}:{row['line']} gives no number of respondents")]
    if as_number(row["respondents"]) != figure["respondents"]:
        return [Problem(path + ("respondents",), f"{figure['respondents']} differs from {EXTRACT_NAME}:"
                        f"{row['line']}, which gives {row['respondents']} respondents")]
    return []


def _one_range_per_occupation(wages: list[dict]) -> list[Problem]:
    """The chart draws one range per occupation, so only one release of each may carry percentiles."""
    seen: dict[str, int] = {}
    problems = []
    for i, figure in enumerate(wages):
        if all(k in figure for k in PERCENTILES):
            if figure["soc"] in seen:
                first = seen[figure["soc"]]
                problems.append(Problem(("salary", "wages", i), "only one release per occupation can carry percentiles (the chart "
                                        f"draws one range per occupation); wages[{first}] already does for {figure['soc']}"))
            seen.setdefault(figure["soc"], i)
    return problems
