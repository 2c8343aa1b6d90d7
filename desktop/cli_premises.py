"""``export premises`` and ``export open-data``: the premises list and open data from the shell."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop.i18n import _, ngettext


def add_premises_commands(export_what: Any, db: argparse.ArgumentParser) -> None:
    premises = export_what.add_parser(
        "premises", parents=[db],
        help=_("the public list of premises for organisations as PDF or XLSX"))
    premises.add_argument("file", type=Path, help=_("the .pdf or .xlsx file to write"))
    premises.add_argument("--lang", dest="export_lang", choices=("fi", "sv"), default=None,
                          help=_("language of the list"))
    premises.set_defaults(handler=cmd_export_premises)
    open_data = export_what.add_parser(
        "open-data", parents=[db],
        help=_("published activities, their organisations and premises as JSON-LD and CSV"))
    open_data.add_argument("directory", type=Path, help=_("the folder to write the files in"))
    open_data.set_defaults(handler=cmd_export_open_data)


def cmd_export_premises(args: argparse.Namespace) -> int:
    from desktop.cli_reading import read_database
    from desktop.documents.files import check_pdf_or_xlsx
    from desktop.documents.premises_list import write_premises_list
    from desktop.i18n import current_language
    from desktop.services.premises_list import public_premises_list

    language = args.export_lang or ("sv" if current_language() == "sv" else "fi")
    check_pdf_or_xlsx(args.file)
    sections = read_database(args, lambda session: public_premises_list(session, language))
    write_premises_list(sections, args.file, language)
    count = sum(len(section.entries) for section in sections)
    print(ngettext("{n} premises written to {path}.", "{n} premises written to {path}.",
                   count).format(n=count, path=args.file))
    return 0


def cmd_export_open_data(args: argparse.Namespace) -> int:
    from desktop.cli_reading import read_database
    from desktop.documents.open_data import write_open_data
    from desktop.services.open_data import open_data

    data = read_database(args, open_data)
    write_open_data(data, args.directory)
    print(open_data_summary(len(data.events), len(data.organisations), len(data.places),
                            args.directory))
    return 0


def open_data_summary(events: int, organisations: int, places: int, directory: Path) -> str:
    """One sentence on what the export wrote (the GUI's status bar says the same)."""
    return _("Open data written to {path}: {events}, {organisations}, {places}.").format(
        path=directory,
        events=ngettext("{n} activity", "{n} activities", events).format(n=events),
        organisations=ngettext("{n} organisation", "{n} organisations", organisations).format(
            n=organisations),
        places=ngettext("{n} premises", "{n} premises", places).format(n=places))
