"""Grants: the calls with their budgets and the applications decided in a table; what needs
chasing (overdue reports, unpaid decisions); and the statistics."""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import QTabWidget, QWidget

from desktop.i18n import _, ngettext
from desktop.storage.store import Store
from desktop.ui.grants.applications_panel import ApplicationsPanel
from desktop.ui.grants.calls_tab import CallsTab
from desktop.ui.grants.common import shortcut
from desktop.ui.grants.follow_up_tab import FollowUpTab
from desktop.ui.grants.statistics_view import StatisticsView
from desktop.ui.pages.base import Page


class GrantsPage(Page):
    watches = ("grant_call", "grant_application", "grant_decision", "grant_payment",
               "grant_application_activity", "grant_application_attachment", "organisation")

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(store, parent)
        self.title.setText(_("Grants"))
        self.tabs = QTabWidget(self)
        self.calls = CallsTab(store, self.tabs)
        self.model = self.calls.model  # the calls: what the page counts and lists first
        self.follow_up = FollowUpTab(store, self.tabs)
        self.statistics = StatisticsView(store, self.tabs)
        self.tabs.addTab(self.calls, _("Calls"))
        self.tabs.addTab(self.follow_up, _("Follow-up"))
        self.tabs.addTab(self.statistics, _("Statistics"))
        self.tabs.currentChanged.connect(lambda _index: self._refresh_statistics_if_shown())
        self.layout_.addWidget(self.tabs, 1)
        for number in range(3):
            shortcut(self, f"Alt+{number + 1}", partial(self.tabs.setCurrentIndex, number))
        self._statistics_stale = True
        self.refresh()

    @property
    def applications(self) -> ApplicationsPanel:
        return self.calls.applications

    def refresh(self) -> None:
        self.calls.refresh()
        self.follow_up.refresh()
        overdue = self.follow_up.overdue_model.rowCount()
        unpaid = self.follow_up.unpaid_model.rowCount()
        self.tabs.setTabText(1, _("Follow-up ({overdue} overdue, {unpaid} unpaid)").format(
            overdue=overdue, unpaid=unpaid) if overdue or unpaid else _("Follow-up"))
        # The statistics read every decision: only when they are looked at.
        self._statistics_stale = True
        self._refresh_statistics_if_shown()

    def _refresh_statistics_if_shown(self) -> None:
        view = self.statistics
        if self._statistics_stale and self.tabs.currentIndex() == self.tabs.indexOf(view):
            self._statistics_stale = False
            view.refresh()

    def status_text(self) -> str:
        n = self.calls.model.rowCount()
        return ngettext("{n} grant call", "{n} grant calls", n).format(n=n)
