"""The site's menu, read from mkdocs.yml: the reading order of the print page and the links index."""

from __future__ import annotations

from pathlib import Path

import yaml

CONFIG_PATH = Path(__file__).resolve().parents[3] / "mkdocs.yml"


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml for its menu; engine-specific tags (!ENV, !relative) are not needed here."""


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def reading_order(config_path: Path = CONFIG_PATH) -> list[tuple[str, str]]:
    """(title, page.md) for every page in the menu, in menu order."""
    config = yaml.load(config_path.read_text(encoding="utf-8"), Loader=_ConfigLoader)
    return list(_flatten(config["nav"]))


def _flatten(items):
    for item in items:
        for title, target in item.items():
            if isinstance(target, list):
                yield from _flatten(target)
            else:
                yield title, target
