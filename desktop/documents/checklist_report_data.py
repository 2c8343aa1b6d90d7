"""The content of a checklist report, already in the report's language (built by services)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class ReportItem:
    title: str
    status: str  # translated status label
    done: bool  # done or not applicable
    owner: str = ""
    due: str = ""  # formatted date, "" when none
    overdue: bool = False
    evidence: list[str] = field(default_factory=list)  # note, link, "Meeting … § 5 …", "Grant call …", "Attachment: file.pdf"
    source: str = ""  # the seed document the step comes from


@dataclass(frozen=True)
class ReportTheme:
    title: str
    settled: int
    total: int
    items: list[ReportItem]


@dataclass(frozen=True)
class ChecklistReport:
    language: str  # fi, sv or en
    title: str  # the checklist's name
    subtitle: str  # e.g. "Ostrobothnia wellbeing services county · 2026"
    created: dt.date
    settled: int
    total: int
    themes: list[ReportTheme]
