"""Grants: calls and their budgets, applications, decisions, payments, reports on use, and
statistics. Money is integer cents everywhere; no Qt here.

The modules: :mod:`.calls`, :mod:`.applications`, :mod:`.decisions` (with payments and
reports), :mod:`.follow_up` (overdue reports, unpaid decisions, an organisation's history),
:mod:`.statistics`, :mod:`.letter` (the decision letter's content) and :mod:`.money`.
"""

from desktop.services.grants.calls import CallRow, call_rows

__all__ = ["CallRow", "call_rows"]
