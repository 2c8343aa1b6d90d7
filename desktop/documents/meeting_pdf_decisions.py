"""An item's decision as Finnish minutes record it: the type's wording, the decision text, the
amendment, the vote (proposals with proposer and seconder, the count or the roll call, the
result), who declared themselves disqualified, and dissenting opinions."""

from __future__ import annotations

from reportlab.lib.styles import StyleSheet1
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Table

from desktop.documents import meeting_pdf_text as w
from desktop.documents import meeting_text as t
from desktop.documents.document_language import code_label, label
from desktop.documents.meeting_pdf_style import TEXT_WIDTH, bulleted, grid, labelled, paragraphs
from desktop.documents.pdf_common import escape
from desktop.services.meeting_document import DocDisqualification, DocItem, DocVote
from desktop.storage.models.enums import DecisionType

# Tabled and returned items are said in a sentence; the other types by their label.
_SENTENCES: dict[str, str] = {DecisionType.TABLED: w.TABLED_WORDING, DecisionType.RETURNED: w.RETURNED_WORDING}


def _flat(text: str) -> str:
    return " ".join(text.split()).casefold().rstrip(".")


def type_wording(item: DocItem, language: str) -> str:
    """The decision type as the minutes print it ("" without a type)."""
    if not item.decision_type:
        return ""
    if item.decision_type in _SENTENCES:
        return label(language, _SENTENCES[item.decision_type])
    return code_label(language, DecisionType, item.decision_type)


def decision(item: DocItem, language: str, sheet: StyleSheet1) -> list[Flowable]:
    """The decision block: the type's wording in bold (unless the decision text already begins
    with it, as the pre-filled standard wording does), then the decision text."""
    texts: list[Flowable] = []
    wording = type_wording(item, language)
    if wording and not _flat(item.decision).startswith(_flat(wording)):
        texts.append(Paragraph(escape(wording), sheet["text_bold"]))
    texts += paragraphs(item.decision, sheet["text"])
    return labelled(t.DECISION, texts, language, sheet)


def _cell(text: str, style: object) -> Paragraph:
    return Paragraph(escape(text), style)


def _proposals_table(vote: DocVote, language: str, sheet: StyleSheet1) -> Table:
    counted = any(p.votes is not None for p in vote.proposals)
    headings = [w.VOTE_PROPOSALS, w.PROPOSER, w.SECONDER] + ([w.VOTE_COUNT] if counted else [])
    rows: list[list[object]] = [[_cell(label(language, h), sheet["cell_bold"]) for h in headings]]
    for number, proposal in enumerate(vote.proposals, start=1):
        text = [_cell(label(language, w.PROPOSAL_NUMBER, number=number), sheet["cell_bold"]),
                _cell(proposal.text, sheet["cell"])]
        row: list[object] = [text, _cell(proposal.proposer, sheet["cell"]),
                             _cell(proposal.seconder, sheet["cell"])]
        if counted:
            row.append(_cell("" if proposal.votes is None else str(proposal.votes), sheet["cell"]))
        rows.append(row)
    fixed = 2 * 34 * mm + (16 * mm if counted else 0)
    widths = [TEXT_WIDTH - fixed, 34 * mm, 34 * mm] + ([16 * mm] if counted else [])
    table = Table(rows, colWidths=widths, repeatRows=1, splitInRow=1, hAlign="RIGHT")
    table.setStyle(grid())
    return table


def _roll_call_table(vote: DocVote, language: str, sheet: StyleSheet1) -> Table:
    rows: list[list[object]] = [[_cell(label(language, w.MEMBER), sheet["cell_bold"]),
                                 _cell(label(language, w.VOTED_FOR), sheet["cell_bold"])]]
    for name, choice in vote.roll_call:
        if 0 <= choice < len(vote.proposals):
            voted = label(language, w.PROPOSAL_NUMBER, number=choice + 1)
        else:
            voted = label(language, w.BLANK_VOTE)
        rows.append([_cell(name, sheet["cell"]), _cell(voted, sheet["cell"])])
    table = Table(rows, colWidths=(70 * mm, 50 * mm), repeatRows=1, splitInRow=1, hAlign="RIGHT")
    table.setStyle(grid())
    return table


def voting(item: DocItem, language: str, sheet: StyleSheet1) -> list[Flowable]:
    """The vote's proposals, count or roll call, and result; the free-text votes of earlier
    minutes after them."""
    texts: list[Flowable] = []
    vote = item.vote
    if vote is not None:
        if vote.proposals:
            texts.append(_proposals_table(vote, language, sheet))
        if vote.roll_call:
            texts.append(Paragraph(escape(label(language, w.ROLL_CALL)), sheet["label"]))
            texts.append(_roll_call_table(vote, language, sheet))
        if vote.result:
            result = f"{label(language, w.VOTE_RESULT)}: {vote.result}"
            texts.append(Paragraph(escape(result), sheet["text_bold"]))
    texts += paragraphs(item.votes, sheet["text"])
    return labelled(t.VOTING, texts, language, sheet)


def disqualification_text(person: DocDisqualification, language: str) -> str:
    reason = person.reason.strip()
    if person.left_room:
        message = w.DISQUALIFIED_BECAUSE if reason else w.DISQUALIFIED
    else:
        message = w.DISQUALIFIED_STAYED_BECAUSE if reason else w.DISQUALIFIED_STAYED
    return label(language, message, name=person.name, reason=reason)


def disqualifications(item: DocItem, language: str, sheet: StyleSheet1) -> list[Flowable]:
    texts = [p for person in item.disqualified
             for p in bulleted(disqualification_text(person, language), sheet["bullet_text"])]
    return labelled(w.DISQUALIFICATION, texts, language, sheet)


def decided(item: DocItem, language: str, sheet: StyleSheet1) -> list[Flowable]:
    """Everything the minutes record of an item's decision, in the order Finnish minutes give it:
    who stepped aside, the decision, the amendment, the vote, the dissents."""
    dissents = [p for dissent in item.dissents for p in bulleted(dissent, sheet["bullet_text"])]
    return [
        *disqualifications(item, language, sheet),
        *decision(item, language, sheet),
        *labelled(w.AMENDMENT, paragraphs(item.amendment, sheet["text"]), language, sheet),
        *voting(item, language, sheet),
        *labelled(t.DISSENTS, dissents, language, sheet),
    ]
