"""The verified pay extract, data/pay-extract.csv: its columns, its rows, and the row behind a figure.

Every wage and survey figure in data/roles.yml names its provenance: `extract` is the
release's `source_id` in the extract, and the occupation code (or the survey's role
label and region) with the measure picks one row there.
"""

from __future__ import annotations

import csv
from pathlib import Path

EXTRACT_NAME = "pay-extract.csv"
EXTRACT_COLUMNS = [
    "source_id", "period", "region", "code_or_label", "label", "measure", "value", "respondents",
    "file_repo", "file_path", "file_commit",
]

PERCENTILES = ("p10", "p25", "median", "p75", "p90")
PERCENTILE_NAMES = {"p10": "10th percentile", "p25": "25th percentile", "median": "median",
                    "p75": "75th percentile", "p90": "90th percentile"}
# A wage figure's key -> the OEWS column it was read from.
WAGE_MEASURES = {"employment": "TOT_EMP", "mean": "A_MEAN", "p10": "A_PCT10", "p25": "A_PCT25",
                 "median": "A_MEDIAN", "p75": "A_PCT75", "p90": "A_PCT90"}
WAGE_REGION = "US"
SURVEY_MEASURE = "median_yearly_salary_usd"


def extract_path(data_path: Path) -> Path:
    """The extract lives beside the data file."""
    return Path(data_path).parent / EXTRACT_NAME


def read_rows(path: Path, columns) -> tuple[list[dict], str]:
    """A CSV file beside the data file: its rows (each with its line number), or why it cannot be used."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        return [], f"cannot read {path.name} beside the data file: {error.strerror}"
    reader = csv.DictReader(text.splitlines())
    if tuple(reader.fieldnames or ()) != tuple(columns):
        return [], f"{path.name} must have the columns {', '.join(columns)}"
    rows = []
    for row in reader:
        row["line"] = reader.line_num
        rows.append(row)
    return rows, ""


def read_extract(path: Path) -> tuple[list[dict], str]:
    """The extract's rows (each with its line number), or an explanation of why it cannot be used."""
    return read_rows(path, EXTRACT_COLUMNS)


def is_survey(figure: dict) -> bool:
    return "label" in figure


def measure_of(figure: dict, key: str) -> str:
    return SURVEY_MEASURE if is_survey(figure) else WAGE_MEASURES[key]


def rows_for(rows: list[dict], figure: dict, key: str) -> list[dict]:
    """The extract rows that match a figure's key: its release, its code or label, its region, its measure."""
    code, region = (figure["label"], figure["region"]) if is_survey(figure) else (figure["soc"], WAGE_REGION)
    return [r for r in rows if r["source_id"] == figure["extract"] and r["code_or_label"] == code
            and r["region"] == region and r["measure"] == measure_of(figure, key)]


def provenance(rows: list[dict], figure: dict, key: str) -> dict | None:
    """The one extract row a figure's value was read from, if there is exactly one."""
    found = rows_for(rows, figure, key)
    return found[0] if len(found) == 1 else None


def row_key(figure: dict, key: str) -> str:
    """How a figure's row is named in a message: release / code or region and label / measure."""
    if is_survey(figure):
        return f"{figure['extract']} / {figure['region']} / {figure['label']} / {SURVEY_MEASURE}"
    return f"{figure['extract']} / {figure['soc']} / {WAGE_MEASURES[key]}"


def as_number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None
