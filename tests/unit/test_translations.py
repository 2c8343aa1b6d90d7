"""A message without its Finnish or Swedish translation fails the build."""

import re
from pathlib import Path

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po

from desktop import i18n

REPO = Path(__file__).resolve().parents[2]
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def _source_messages() -> set[tuple[str | None, str]]:
    """(context, singular msgid) of every message in the source, as Babel extracts them."""
    found = set()
    keywords = {**DEFAULT_KEYWORDS, "NP_": ((1, "c"), 2)}  # as .ci/tasks.py extracts
    for _file, _line, message, _comments, context in extract_from_dir(
        str(REPO), [("desktop/**.py", "python")], keywords=keywords
    ):
        found.add((context, message[0] if isinstance(message, tuple) else message))
    return found


def _catalogue(language):
    with (REPO / "i18n" / language / "LC_MESSAGES" / "kumppani.po").open("rb") as fp:
        return read_po(fp)


def test_the_template_is_up_to_date_with_the_source():
    with (REPO / "i18n" / "kumppani.pot").open("rb") as fp:
        pot = {(m.context, m.id[0] if isinstance(m.id, tuple) else m.id)
               for m in read_po(fp) if m.id}
    assert _source_messages() == pot, "run: python .ci/tasks.py extract update"


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_every_message_is_translated(language):
    catalogue = _catalogue(language)
    with (REPO / "i18n" / "kumppani.pot").open("rb") as fp:
        wanted = [(m.id, m.context) for m in read_po(fp) if m.id]
    problems = []
    for msgid, context in wanted:
        message = catalogue.get(msgid, context=context)
        strings = message.string if message is not None else None
        if isinstance(strings, tuple):
            strings = all(strings) and strings
        if message is None or not strings or message.fuzzy:
            problems.append(msgid)
    assert problems == [], f"{len(problems)} untranslated in {language}: {problems[:10]}"


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_translations_keep_their_placeholders(language):
    wrong = []
    for message in _catalogue(language):
        if not message.id or not message.string:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        expected = set(PLACEHOLDER.findall(ids[-1]))
        wrong += [s for s in strings if set(PLACEHOLDER.findall(s)) != expected]
    assert wrong == []


def test_switching_language_changes_the_text():
    i18n.set_language("sv")
    swedish = i18n._("Meetings")
    i18n.set_language("fi")
    finnish = i18n._("Meetings")
    i18n.set_language("en")
    assert len({swedish, finnish, i18n._("Meetings")}) == 3


def test_a_word_with_two_meanings_is_translated_by_its_context():
    from desktop.services.vocabulary import label, label_in
    from desktop.storage.models.enums import InteractionKind, ItemType

    i18n.set_language("fi")
    assert (label(ItemType, "decision"), i18n._("Decision")) == ("Päätösasia", "Päätös")
    assert (label(InteractionKind, "meeting"), i18n._("Meeting")) == ("Tapaaminen", "Kokous")
    assert label_in("sv", ItemType, "decision") == "Beslutsärende"
    i18n.set_language("en")
    assert (label(ItemType, "decision"), label(InteractionKind, "meeting")) == (
        "Decision", "Meeting")
    assert label_in("en", ItemType, "decision") == "Decision"
