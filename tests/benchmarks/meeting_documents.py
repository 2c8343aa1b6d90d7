"""Meeting documents benchmark: the agenda and minutes PDFs against reportlab's bare rendering.

agenda   the agenda PDF of a 30-item meeting, written to a file as ``kumppani pdf agenda`` does;
         goal: under 300 ms.
minutes  the minutes PDF of a 100-item meeting; goal: under 1.5 s.

Each beside a baseline measured in the same run: the same texts as plain Paragraphs in the same
font, laid out by a bare SimpleDocTemplate (no tables, no page frame, no page count) and written
the same way. The meetings are the tests' samples (``tests.meeting_samples``): every tenth item
has a background longer than a page, and the minutes have attendance, action items, a workshop.
"""

from __future__ import annotations

import argparse
import io
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate

from desktop.documents.files import write_atomically
from desktop.documents.meeting_pdf import write_agenda, write_minutes
from desktop.documents.meeting_pdf_style import split_paragraphs
from desktop.documents.pdf_common import FONT, escape, register_fonts
from desktop.services.meeting_document import MeetingDocument
from tests import meeting_samples


def _texts(doc: MeetingDocument, minutes: bool) -> list[str]:
    """Every text the document prints, in order (labels aside)."""
    texts = [doc.body, doc.place, doc.online_link]
    for person in doc.attendees:
        texts += [person.name, person.organisation, person.deputy_for]
    for item in doc.items:
        texts += [f"§ {item.section} {item.title}", item.presenter, item.background, item.proposal]
        if minutes:
            texts += [item.discussion, item.decision, item.votes, *item.dissents, *item.corrections]
            texts += [f"{a.what} {a.owner}" for a in item.actions]
            texts += [f"{p.point} {p.justification} {p.group}" for p in item.workshop]
        texts += list(item.attachments)
    if minutes:
        texts += [doc.chair, doc.secretary, *doc.minute_checkers]
    # Cut where the documents cut: a blank line starts a new paragraph.
    return [part for text in texts for part in split_paragraphs(text)]


def _bare(texts: list[str], path: Path) -> None:
    register_fonts()
    style = ParagraphStyle("bare", fontName=FONT, fontSize=10, leading=13.5)
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build([Paragraph(escape(text), style) for text in texts])
    write_atomically(path, buffer.getvalue())


def _seconds(action: Callable[[], None]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def _figure(
    name: str, doc: MeetingDocument, minutes: bool, goal: float, runs: int, folder: Path
) -> str:
    ours, bare = folder / f"{name}.pdf", folder / f"{name}-bare.pdf"
    write = write_minutes if minutes else write_agenda
    texts = _texts(doc, minutes)
    write(doc, ours)  # warm-up: fonts, catalogues, imports
    _bare(texts, bare)
    # Interleaved, so that both see the same load on the machine.
    ours_times, bare_times = [], []
    for _ in range(runs):
        ours_times.append(_seconds(lambda: write(doc, ours)))
        bare_times.append(_seconds(lambda: _bare(texts, bare)))
    ours_s, bare_s = statistics.median(ours_times), statistics.median(bare_times)
    pages, bare_pages = len(PdfReader(ours).pages), len(PdfReader(bare).pages)
    verdict = "ok" if ours_s < goal else "OVER GOAL"
    return (
        f"{name}: {ours_s * 1000:.0f} ms ({pages} pages); bare reportlab, same paragraphs: "
        f"{bare_s * 1000:.0f} ms ({bare_pages} pages); ratio {ours_s / bare_s:.2f} "
        f"(goal < {goal * 1000:.0f} ms: {verdict}; median of {runs})"
    )


def run(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory(prefix="kumppani-bench-") as folder:
        work = Path(folder)
        print(_figure("agenda PDF, 30 items", meeting_samples.meeting(30), False, 0.3,
                      args.runs, work))  # fmt: skip
        print(_figure("minutes PDF, 100 items", meeting_samples.meeting(100), True, 1.5,
                      args.runs, work))  # fmt: skip
