"""The data in machine-readable form, and the whole site as one archive for offline reading.

Outputs are byte-for-byte reproducible: sorted entries, fixed timestamps.
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from pathlib import Path

from ..blocks.site import HOSTED_ONLY
from ..core.markup import unmarked
from ..core.pages import ARCHIVE_NAME, DOWNLOADS_DIR
from ..model import areas, extract
from ..model.guide import DATA_PATH, Guide
from ..model.schema import SCHEMA_PATH

EXTRACT_PATH = extract.extract_path(DATA_PATH)
AREAS_PATH = areas.areas_path(DATA_PATH)

# Source maps only serve a developer's debugger; they are a third of the theme's bytes.
LEFT_OUT_OF_ARCHIVE = {".map"}

# Zip cannot store dates before 1980; any fixed date makes the archive reproducible.
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def to_json(guide: Guide, extract_path: Path = EXTRACT_PATH) -> str:
    """The data file as JSON, rich values as plain text, with the extract rows its pay figures were checked against."""
    rows, _ = extract.read_extract(extract_path)
    checked_against = [{k: v for k, v in row.items() if k != "line"} for row in rows]
    return json.dumps({**plain_data(guide.data), "pay_extract": checked_against}, indent=2, ensure_ascii=False) + "\n"


def areas_json(path: Path = AREAS_PATH) -> str:
    """pay-areas.csv as JSON: the same rows and columns, strings as in the file (empty = not released)."""
    rows, _ = areas.read_areas(path)
    lines = [json.dumps({k: v for k, v in row.items() if k != "line"}, ensure_ascii=False) for row in rows]
    return "[\n" + ",\n".join(lines) + "\n]\n"  # one row a line: 15,000 rows stay readable and diffable


def plain_data(data: dict) -> dict:
    """The data with every rich value (the schema's `rich`) as plain text: downloads carry no Markdown."""
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return _plain(data, schema, schema)


def _plain(value, rule: dict, root: dict):
    if "$ref" in rule:
        name = rule["$ref"].rsplit("/", 1)[-1]
        if name == "rich" and isinstance(value, str):
            return unmarked(value)
        rule = root["$defs"][name]
    if isinstance(value, dict):
        properties, extra = rule.get("properties", {}), rule.get("additionalProperties")
        return {k: _plain(v, properties.get(k, extra if isinstance(extra, dict) else {}), root) for k, v in value.items()}
    if isinstance(value, list):
        items = rule.get("items", {})
        return [_plain(v, items if isinstance(items, dict) else {}, root) for v in value]
    return value


def _csv(header: list[str], rows: list[list]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def category_csv(guide: Guide, category_id: str) -> str:
    role_ids = [role["id"] for role in guide.roles]
    rows = [
        [t["id"], t["title"], *(unmarked(t["roles"][r]) for r in role_ids), "yes" if t.get("shared") else "no",
         " ".join(t.get("sources", []))]
        for t in guide.topics_in(category_id)
    ]
    return _csv(["id", "title", *role_ids, "shared", "sources"], rows)


SALARY_COLUMNS = ["figure", "kind", "occupation_or_role", "code", "region", "role", "proxy", "measure", "value",
                  "respondents", "period", "source", "source_title", "extract_row", "file_repo", "file_path", "file_commit"]


def salary_csv(guide: Guide, extract_path: Path = EXTRACT_PATH) -> str:
    """Every pay figure, one value a row, with its period, source and the file it was read from."""
    rows, _ = extract.read_extract(extract_path)
    out = []
    for figure in guide.wages:
        for key, measure in extract.WAGE_MEASURES.items():
            if key in figure:
                out.append(_salary_row(guide, rows, figure, key, "wage", figure["occupation"], figure["soc"],
                                       extract.WAGE_REGION, measure))
    for figure in guide.survey:
        out.append(_salary_row(guide, rows, figure, "median", "survey", figure["label"], "", figure["region"],
                               extract.SURVEY_MEASURE))
    for figure in guide.outlook:
        source = guide.source(figure["source"])
        out.append(["", "outlook", figure["occupation"], figure["soc"], extract.WAGE_REGION, figure["role"],
                    str(figure["proxy"]).lower(), figure["measure"], figure["value"], "", figure["period"],
                    figure["source"], source["title"], "", source.get("url", ""), "", ""])
    return _csv(SALARY_COLUMNS, out)


def _salary_row(guide: Guide, rows: list[dict], figure: dict, key: str, kind: str, name: str, code: str,
                region: str, measure: str) -> list:
    row = extract.provenance(rows, figure, key) or {}
    value = figure[key]
    return [figure["id"], kind, name, code, region, figure.get("role", ""), str(figure.get("proxy", False)).lower(),
            measure, int(value) if float(value).is_integer() else value, figure.get("respondents", ""),
            figure["period"], figure["source"], guide.source(figure["source"])["title"],
            f"{extract.EXTRACT_NAME}:{row['line']}" if row else "", row.get("file_repo", ""), row.get("file_path", ""),
            row.get("file_commit", "")]


def ownership_csv(guide: Guide) -> str:
    rows = [
        [row["stage"], role, cell["level"], cell["why"]]
        for row in guide.section("ownership")
        for role, cell in row.items()
        if role != "stage"
    ]
    return _csv(["stage", "role", "level", "why"], rows)


def data_files(guide: Guide) -> dict[str, str]:
    """Every machine-readable download, by its path under the site."""
    files = {f"{DOWNLOADS_DIR}/roles.json": to_json(guide), f"{DOWNLOADS_DIR}/salary-figures.csv": salary_csv(guide),
             f"{DOWNLOADS_DIR}/{extract.EXTRACT_NAME}": EXTRACT_PATH.read_text(encoding="utf-8"),
             # The committed file as it is: each row carries its BLS series id and the package it came from.
             f"{DOWNLOADS_DIR}/{areas.AREAS_NAME}": AREAS_PATH.read_text(encoding="utf-8"),
             f"{DOWNLOADS_DIR}/{areas.AREAS_JSON}": areas_json()}
    if guide.section("ownership"):
        files[f"{DOWNLOADS_DIR}/ownership.csv"] = ownership_csv(guide)
    for category in guide.categories:
        files[f"{DOWNLOADS_DIR}/{category['id']}.csv"] = category_csv(guide, category["id"])
    return files


def write_downloads(guide: Guide, site_dir: Path) -> Path:
    """Write the data files, then zip the finished site (data included) beside them."""
    for name, content in data_files(guide).items():
        target = site_dir / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
    return write_archive(site_dir)


def write_archive(site_dir: Path) -> Path:
    archive = site_dir / DOWNLOADS_DIR / ARCHIVE_NAME
    archive.unlink(missing_ok=True)
    files = sorted(p for p in site_dir.rglob("*") if p.is_file() and p.suffix not in LEFT_OUT_OF_ARCHIVE)
    folder = ARCHIVE_NAME.removesuffix(".zip")
    # Level 1: most of the bytes are minified assets; harder compression costs time, saves little.
    with zipfile.ZipFile(archive, "w") as zipped:
        for path in files:
            info = zipfile.ZipInfo(f"{folder}/{path.relative_to(site_dir).as_posix()}", _FIXED_TIME)
            info.external_attr = 0o644 << 16
            zipped.writestr(info, offline_copy(path), compress_type=zipfile.ZIP_DEFLATED, compresslevel=1)
    return archive


_HOSTED_ONLY = re.compile(re.escape(HOSTED_ONLY[0]) + ".*?" + re.escape(HOSTED_ONLY[1]), re.DOTALL)


def offline_copy(path: Path) -> bytes:
    """A file as it goes into the archive: pages lose what only the hosted site has (the archive's own link)."""
    if path.suffix != ".html":
        return path.read_bytes()
    return _HOSTED_ONLY.sub("", path.read_text(encoding="utf-8")).encode("utf-8")
