"""What the generator reads from mkdocs.yml: the menu (the reading order of the printed guide and
the links index, and its sections, which the print parts name), the repository's address and the
site's own stylesheets."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

CONFIG_PATH = Path(__file__).resolve().parents[3] / "mkdocs.yml"


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml for its menu; engine-specific tags (!ENV, !relative) are not needed here."""


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def read_config(config_path: Path = CONFIG_PATH) -> dict:
    """mkdocs.yml as data; its engine tags (!ENV, !relative) read as nothing."""
    return yaml.load(config_path.read_text(encoding="utf-8"), Loader=_ConfigLoader)


def reading_order(config_path: Path = CONFIG_PATH) -> list[tuple[str, str]]:
    """(title, page.md) for every page in the menu, in menu order."""
    return list(_flatten(read_config(config_path)["nav"]))


def repository(config_path: Path = CONFIG_PATH) -> str | None:
    """The repository's address as mkdocs.yml gives it (extra.repository), if it does."""
    return (read_config(config_path).get("extra") or {}).get("repository")


@dataclass(frozen=True)
class MenuSection:
    """A top-level menu entry and its pages; a page at the top of the menu is a section of its own."""

    title: str  # "Compare"
    pages: list[tuple[str, str]]  # (title, page.md), in menu order

    @property
    def key(self) -> str:
        return self.title.lower()  # "compare", as `<!-- whole-guide: compare -->` names it


def menu_sections(config_path: Path = CONFIG_PATH) -> list[MenuSection]:
    return [MenuSection(title, list(_flatten(target)) if isinstance(target, list) else [(title, target)])
            for item in read_config(config_path)["nav"] for title, target in item.items()]


def section_keys() -> tuple[str, ...]:
    return tuple(section.key for section in menu_sections())


def stylesheets(config_path: Path = CONFIG_PATH) -> list[str]:
    """The site's own stylesheets (extra_css), as paths inside the built site."""
    return list(read_config(config_path).get("extra_css") or [])


def _flatten(items):
    for item in items:
        for title, target in item.items():
            if isinstance(target, list):
                yield from _flatten(target)
            else:
                yield title, target
