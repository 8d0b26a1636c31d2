"""Installs are reproducible: every pinned file is named by its hash, and make installs only those."""

from __future__ import annotations

import re
import tomllib

from conftest import ROOT

# The main lock, and the area extract's package, installed without its dependencies.
LOCK = "\n".join((ROOT / name).read_text(encoding="utf-8") for name in ("requirements.lock", "requirements-areas.lock"))


def pinned() -> dict[str, list[str]]:
    """name -> its sha256 hashes, from the lock's `name==version \\ --hash=...` entries."""
    entries = re.findall(r"^([A-Za-z0-9_.-]+)==[^\s\\]+((?:\s*\\\n\s+--hash=sha256:[0-9a-f]{64})*)", LOCK, re.MULTILINE)
    return {name.lower().replace("_", "-"): re.findall(r"sha256:([0-9a-f]{64})", hashes) for name, hashes in entries}


def test_every_pin_carries_hashes():
    pins = pinned()
    assert len(pins) == len(re.findall(r"^[A-Za-z0-9_.-]+==", LOCK, re.MULTILINE)) > 30
    assert [name for name, hashes in pins.items() if not hashes] == []


def test_every_declared_dependency_is_pinned():
    groups = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["dependency-groups"]
    declared = {re.split(r"[<>=!~ \[]", item, maxsplit=1)[0].lower().replace("_", "-")
                for items in groups.values() for item in items if isinstance(item, str)}
    assert declared - set(pinned()) == set()


def test_make_installs_with_require_hashes():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "--require-hashes -r requirements.lock" in makefile
    assert "--require-hashes --no-deps -r requirements-areas.lock" in makefile
    assert "--generate-hashes" in makefile  # make lock writes them again
