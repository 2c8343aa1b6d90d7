"""The checklist toward a region of participation and trust.

The steps come from ``resources/templates/checklist.json``: a list of themes, each with a
``key``, a ``title`` in Finnish, Swedish and English, and ``items`` (``key``, ``title``,
``source`` — the seed document the step comes from). Installing the template copies the items
into the store as :class:`ChecklistItem` rows, which the officer then tracks (status, owner,
deadline, evidence).
"""

from __future__ import annotations

import copy
import json
from functools import lru_cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop import paths
from desktop.storage.models import ChecklistItem
from desktop.storage.models.enums import ChecklistStatus

TEMPLATE_FILE = "templates/checklist.json"
LANGUAGES = ("fi", "sv", "en")


@lru_cache(maxsize=1)
def _template() -> tuple[dict, ...]:
    path = paths.resources_dir() / TEMPLATE_FILE
    with path.open(encoding="utf-8") as fp:
        data = json.load(fp)
    if isinstance(data, dict):  # tolerate a wrapper object around the themes
        data = data.get("themes", [])
    return tuple(data)


def load_template() -> list[dict]:
    """The checklist template: themes in order, each a dict with ``key``, ``title`` and ``items``.

    ``title`` is a ``{"fi", "sv", "en"}`` dict; every item has ``key``, ``title`` and ``source``.
    The caller gets its own copy and may change it freely.
    """
    return copy.deepcopy(list(_template()))


def _theme_order() -> dict[str, int]:
    return {theme["key"]: index for index, theme in enumerate(_template())}


def install_template(session: Session) -> int:
    """Add the template's items that the store does not hold yet; return how many were added.

    An item is already there when a checklist item with its ``template_key`` exists and is
    not deleted, so installing twice adds nothing and the officer's own edits are kept.
    """
    present = set(
        session.scalars(
            select(ChecklistItem.template_key).where(
                ChecklistItem.deleted.is_(False), ChecklistItem.template_key != ""
            )
        )
    )
    added = 0
    for theme in _template():
        for position, item in enumerate(theme.get("items", [])):
            if item["key"] in present:
                continue
            title = item.get("title", {})
            session.add(
                ChecklistItem(
                    template_key=item["key"],
                    theme=theme["key"],
                    position=position,
                    title_fi=title.get("fi", ""),
                    title_sv=title.get("sv", ""),
                    title_en=title.get("en", ""),
                    source=item.get("source", ""),
                    status=ChecklistStatus.NOT_STARTED,
                )
            )
            present.add(item["key"])
            added += 1
    return added


def list_items(session: Session) -> list[ChecklistItem]:
    """The checklist items that are not deleted, in the template's theme order, then by position.

    Items of a theme the template does not know (e.g. from a newer copy) come last.
    """
    order = _theme_order()
    items = session.scalars(select(ChecklistItem).where(ChecklistItem.deleted.is_(False))).all()
    return sorted(
        items,
        key=lambda item: (
            order.get(item.theme, len(order)),
            item.theme,
            item.position,
            item.title_fi,
        ),
    )


def theme_title(theme_key: str, language: str) -> str:
    """The theme's title in ``language`` (fi, sv or en), falling back to Finnish, then the key."""
    for theme in _template():
        if theme["key"] == theme_key:
            titles = theme.get("title", {})
            return titles.get(language) or titles.get("fi") or theme_key
    return theme_key


def progress(session: Session) -> tuple[int, int]:
    """``(settled, total)`` over the items that are not deleted.

    An item is settled when it is done or marked not applicable.
    """
    statuses = list(
        session.scalars(select(ChecklistItem.status).where(ChecklistItem.deleted.is_(False)))
    )
    settled = sum(
        1 for status in statuses if status in (ChecklistStatus.DONE, ChecklistStatus.NOT_APPLICABLE)
    )
    return settled, len(statuses)
