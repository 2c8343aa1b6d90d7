"""``export ideas FILE``: the idea bank as PDF or XLSX from the shell."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop.i18n import _, ngettext
from desktop.storage.models.enums import IdeaStatus


def add_idea_commands(export_what: Any, db: argparse.ArgumentParser) -> None:
    ideas = export_what.add_parser(
        "ideas", parents=[db], help=_("the idea bank (ideas from workshops and meetings) as PDF or XLSX"))
    ideas.add_argument("file", type=Path, help=_("the .pdf or .xlsx file to write"))
    ideas.add_argument("--lang", dest="export_lang", choices=("fi", "sv", "en"), default=None,
                       help=_("language of the document (default: the interface language)"))
    ideas.add_argument("--status", choices=[s.value for s in IdeaStatus], default=None,
                       help=_("only ideas of this status"))
    ideas.add_argument("--year", type=int, default=None, help=_("only ideas of this year"))
    ideas.add_argument("--search", default="", metavar=_("TEXT"),
                       help=_("only ideas whose text, theme, group or source contain the words"))
    ideas.set_defaults(handler=cmd_export_ideas)


def cmd_export_ideas(args: argparse.Namespace) -> int:
    from desktop.cli import _open
    from desktop.documents.files import check_pdf_or_xlsx
    from desktop.documents.idea_bank import write_ideas
    from desktop.i18n import current_language
    from desktop.services.ideas import IdeaFilter, search_ideas

    language = args.export_lang or current_language()
    check_pdf_or_xlsx(args.file)
    store = _open(args)
    try:
        rows = search_ideas(store, IdeaFilter(text=args.search, status=args.status or "", year=args.year),
                            language)
    finally:
        store.close()
    write_ideas(rows, args.file, language)
    print(ngettext("{n} idea written to {path}.", "{n} ideas written to {path}.",
                   len(rows)).format(n=len(rows), path=args.file))
    return 0
