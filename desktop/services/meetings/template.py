"""The meeting template (``resources/templates/meeting_items.json``) and texts in a meeting's language.

A meeting is in Finnish, Swedish, English or both Finnish and Swedish (``fi+sv``); a bilingual
meeting's titles read ``Kokouksen avaus / Mötets öppnande`` and its longer texts give the Finnish
paragraph, then the Swedish one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

from desktop import paths
from desktop.i18n import translate_in
from desktop.storage.models.enums import ItemType

TEMPLATE_FILE = "templates/meeting_items.json"
APPEAL_FILE = "templates/appeal_instructions.json"
TITLE_JOINER = " / "
TEXT_JOINER = "\n\n"


@dataclass(frozen=True)
class StandardItem:
    key: str
    item_type: str
    minutes_allotted: int | None
    title: dict[str, str]
    proposal: dict[str, str]
    decision: dict[str, str]
    kinds: tuple[str, ...] = ("memo", "minutes")  # the kinds of record that have the item


def _load(name: str) -> dict:
    with (paths.resources_dir() / name).open(encoding="utf-8") as fp:
        return json.load(fp)


@lru_cache(maxsize=1)
def _template() -> dict:
    return _load(TEMPLATE_FILE)


@lru_cache(maxsize=1)
def _appeal() -> dict:
    return _load(APPEAL_FILE)


def standard_items() -> tuple[StandardItem, ...]:
    return tuple(
        StandardItem(
            key=spec["key"],
            item_type=ItemType(spec["item_type"]).value,
            minutes_allotted=spec.get("minutes_allotted"),
            title=spec["title"],
            proposal=spec.get("proposal", {}),
            decision=spec.get("decision", {}),
            kinds=tuple(spec.get("kinds", ("memo", "minutes"))),
        )
        for spec in _template()["items"]
    )


def items_for(record_kind: str) -> tuple[StandardItem, ...]:
    """The standard items a meeting recording ``record_kind`` starts with."""
    return tuple(item for item in standard_items() if record_kind in item.kinds)


def decision_wording(decision_type: str, language: str) -> str:
    """The standard wording of a decision type (``DecisionType`` code) in the meeting's language."""
    wording = _template().get("decision_types", {}).get(decision_type)
    return text_in(wording, language) if wording else ""


def appeal_days() -> int:
    return int(_appeal().get("days", 14))


def default_appeal_text(language: str) -> str:
    """The shipped rectification instructions in one language (fi, sv or en)."""
    texts = _appeal()["texts"]
    return texts.get(language) or texts["fi"]


def standard_item(key: str) -> StandardItem | None:
    return next((item for item in standard_items() if item.key == key), None)


def closing_keys() -> frozenset[str]:
    """The standard items that stay after the meeting's own items (information, other, closing)."""
    keys = [item.key for item in standard_items()]
    first = _template().get("topics_before", "")
    return frozenset(keys[keys.index(first):]) if first in keys else frozenset()


def languages_of(language: str) -> tuple[str, ...]:
    """``fi+sv`` -> ``("fi", "sv")``; a single language -> itself."""
    return tuple(language.split("+"))


def text_in(texts: dict[str, str], language: str, joiner: str = TEXT_JOINER) -> str:
    """A template text in the meeting's language (both, joined, when bilingual)."""
    parts: list[str] = []
    for code in languages_of(language):
        text = texts.get(code) or texts.get("fi") or ""
        if text and text not in parts:
            parts.append(text)
    return joiner.join(parts)


def title_in(texts: dict[str, str], language: str) -> str:
    return text_in(texts, language, TITLE_JOINER)


def translated(language: str, message: str, joiner: str = TITLE_JOINER, **values: object) -> str:
    """An interface msgid in a document's language, in both languages when bilingual."""
    parts: list[str] = []
    for code in languages_of(language):
        text = translate_in(code, message).format(**values)
        if text not in parts:
            parts.append(text)
    return joiner.join(parts)


def default_decision(item_type: str, standard_key: str, language: str, checkers: list[str]) -> str:
    """The pre-filled decision: the standard item's own wording, else "approved as proposed" for
    a decision item and "noted for information" for an information item; "" when none fits."""
    spec = standard_item(standard_key) if standard_key else None
    if spec is not None:
        if "{checkers}" in "".join(spec.decision.values()):
            if not checkers:
                return ""
            return TEXT_JOINER.join(
                spec.decision.get(code, spec.decision.get("fi", "")).format(
                    checkers=join_names(checkers, code))
                for code in languages_of(language)
            )
        return text_in(spec.decision, language)
    wording = _template().get("decisions", {}).get(item_type)
    return text_in(wording, language) if wording else ""


def postponed_decision(language: str) -> str:
    return text_in(_template()["decisions"]["postponed"], language)


def join_names(names: list[str], language: str) -> str:
    """``A, B ja C`` in the language given."""
    names = [n for n in names if n]
    if len(names) <= 1:
        return "".join(names)
    conjunction = _template().get("and", {}).get(language, "and")
    return f"{', '.join(names[:-1])} {conjunction} {names[-1]}"
