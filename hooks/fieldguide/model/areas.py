"""The state and metro pay figures, data/pay-areas.csv: its columns, its rows, and one figure by area.

The file is written by `python -m fieldguide.areas_extract` from BLS's LABSTAT files and
committed; the build reads only this file (and model/check_areas.py refuses a broken one).
A value BLS did not release is empty in the file and `None` here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .extract import read_rows

AREAS_NAME = "pay-areas.csv"
AREAS_JSON = "pay-areas.json"  # the same rows as a download
AREA_COLUMNS = ("area_type", "area_code", "area_name", "state", "soc", "measure", "value", "special",
                "series_id", "package", "package_version", "manifest_sha256")

NATION, STATE, METRO = "N", "S", "M"
AREA_TYPES = {NATION: "nation", STATE: "state, DC or territory", METRO: "metropolitan or nonmetropolitan area"}
NATION_CODE = "0000000"

DATA_SCIENTISTS, SOFTWARE_DEVELOPERS, RESEARCH_SCIENTISTS = "15-2051", "15-1252", "15-1221"
# The measure's BLS datatype code (oe.datatype), the last two digits of its series id, in the file's
# order; the hourly wages (03, 06-10) are left out.
DATATYPES = {
    "employment": "01", "jobs_per_1000": "16", "location_quotient": "17", "mean": "04",
    "p10": "11", "p25": "12", "median": "13", "p75": "14", "p90": "15",
    "employment_rse": "02", "wage_rse": "05",
}
CROSS_INDUSTRY = "000000"
NOT_RELEASED = "8"  # BLS footnote 8: "Estimate not released"
TOP_CODED_AT = 239_200  # BLS footnote 5: a wage at or above this, in dollars a year

# BLS numbers its state-type areas by FIPS code (area code = FIPS + "00000"); the file keys them by USPS code.
STATES = {
    "01": "al", "02": "ak", "04": "az", "05": "ar", "06": "ca", "08": "co", "09": "ct", "10": "de",
    "11": "dc", "12": "fl", "13": "ga", "15": "hi", "16": "id", "17": "il", "18": "in", "19": "ia",
    "20": "ks", "21": "ky", "22": "la", "23": "me", "24": "md", "25": "ma", "26": "mi", "27": "mn",
    "28": "ms", "29": "mo", "30": "mt", "31": "ne", "32": "nv", "33": "nh", "34": "nj", "35": "nm",
    "36": "ny", "37": "nc", "38": "nd", "39": "oh", "40": "ok", "41": "or", "42": "pa", "44": "ri",
    "45": "sc", "46": "sd", "47": "tn", "48": "tx", "49": "ut", "50": "vt", "51": "va", "53": "wa",
    "54": "wv", "55": "wi", "56": "wy", "60": "as", "66": "gu", "69": "mp", "72": "pr", "78": "vi",
}
TERRITORIES = ("as", "gu", "mp", "pr", "vi")
STATES_AND_DC = tuple(code for code in STATES.values() if code not in TERRITORIES)


def areas_path(data_path: Path) -> Path:
    """The area figures live beside the data file, as the pay extract does."""
    return Path(data_path).parent / AREAS_NAME


def series_stem(area_type: str, area_code: str, soc: str) -> str:
    """BLS's series id without its datatype: OEU + area type + area + industry + occupation."""
    return f"OEU{area_type}{area_code}{CROSS_INDUSTRY}{soc.replace('-', '')}"


def series_id(area_type: str, area_code: str, soc: str, measure: str) -> str:
    """BLS's series id: the stem, then the measure's datatype."""
    return series_stem(area_type, area_code, soc) + DATATYPES.get(measure, "??")


def read_areas(path: Path) -> tuple[list[dict], str]:
    """The file's rows, each with its line number, or why the file cannot be used."""
    return read_rows(path, AREA_COLUMNS)


def as_value(text: str) -> float | None:
    """A figure as a number; None when BLS did not release it (or it is not a number at all)."""
    try:
        return float(text)
    except ValueError:
        return None


@dataclass
class Area:
    """One area and its figures: (occupation, measure) -> value, None when not released."""

    type: str
    code: str
    name: str
    state: str = ""
    values: dict[tuple[str, str], float | None] = field(default_factory=dict)

    @property
    def key(self) -> str:
        """How pages and scripts name the area: its postal code for a state, else its BLS area code."""
        return self.state or self.code

    def figure(self, soc: str, measure: str) -> float | None:
        return self.values.get((soc, measure))

    def has(self, soc: str) -> bool:
        """Whether BLS has any series for the occupation here (Wyoming has none for data scientists)."""
        return any(code == soc for code, _ in self.values)


@dataclass(frozen=True)
class Areas:
    """Every area of the file, in file order."""

    all: list[Area]

    @classmethod
    def from_rows(cls, rows: list[dict]) -> Areas:
        found: dict[tuple[str, str], Area] = {}
        for row in rows:
            area = found.setdefault((row["area_type"], row["area_code"]),
                                    Area(row["area_type"], row["area_code"], row["area_name"], row["state"]))
            area.values[(row["soc"], row["measure"])] = as_value(row["value"])
        return cls(list(found.values()))

    @classmethod
    def read(cls, path: Path) -> Areas:
        return cls.from_rows(read_areas(path)[0])

    @property
    def nation(self) -> Area | None:
        return next((a for a in self.all if a.type == NATION), None)

    def state_rows(self) -> list[Area]:
        """States and DC by name, then the territories by name."""
        states = [a for a in self.all if a.type == STATE]
        return sorted(states, key=lambda a: (a.state in TERRITORIES, a.name))

    def metro_rows(self) -> list[Area]:
        return [a for a in self.all if a.type == METRO]

    def top_metros(self, count: int) -> list[Area]:
        """The metro areas with the most data scientists, most first."""
        counted = [a for a in self.metro_rows() if a.figure(DATA_SCIENTISTS, "employment") is not None]
        return sorted(counted, key=lambda a: -(a.figure(DATA_SCIENTISTS, "employment") or 0))[:count]
