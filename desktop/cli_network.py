"""``partners add-municipalities`` and ``export directory``: the liaison network from the shell."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop.i18n import _, ngettext


def add_network_commands(sub: Any, db: argparse.ArgumentParser, export_what: Any) -> None:
    partners = sub.add_parser("partners", parents=[db], help=_("public partners of the register"))
    partners_do = partners.add_subparsers(dest="partners_command", metavar=_("command"),
                                          required=True)
    add = partners_do.add_parser(
        "add-municipalities", parents=[db],
        help=_("add each municipality of the county that lacks one as a public partner"))
    add.add_argument("--county", default=None, metavar="CODE", help=_(
        "the county: a municipality code of it, its region code or the start of its name "
        "(default: the county most organisations are in)"))
    add.set_defaults(handler=cmd_add_municipalities)
    directory = export_what.add_parser(
        "directory", parents=[db],
        help=_("the municipalities' liaison persons per role as PDF or XLSX"))
    directory.add_argument("file", type=Path, help=_("the .pdf or .xlsx file to write"))
    directory.add_argument("--lang", dest="export_lang", choices=("fi", "sv"), default=None,
                           help=_("language of the directory"))
    directory.set_defaults(handler=cmd_export_directory)


def cmd_add_municipalities(args: argparse.Namespace) -> int:
    from desktop.cli import _open
    from desktop.i18n import current_language
    from desktop.services.partners import add_county_municipalities

    store = _open(args)
    try:
        result, _changes = add_county_municipalities(store, args.county)
    finally:
        store.close()
    print(ngettext("{county}: {n} municipality added as a public partner ({existing} already there).",
                   "{county}: {n} municipalities added as public partners ({existing} already there).",
                   len(result.added)).format(county=result.county.name(current_language()),
                                             n=len(result.added), existing=result.existing))
    return 0


def cmd_export_directory(args: argparse.Namespace) -> int:
    from desktop.cli_reading import read_database
    from desktop.documents.directory import write_directory
    from desktop.documents.files import check_pdf_or_xlsx
    from desktop.i18n import current_language
    from desktop.services.network import directory

    language = args.export_lang or ("sv" if current_language() == "sv" else "fi")
    check_pdf_or_xlsx(args.file)
    entries = read_database(args, lambda session: directory(session, language))
    write_directory(entries, args.file, language)
    print(ngettext("{n} municipality written to {path}.", "{n} municipalities written to {path}.",
                   len(entries)).format(n=len(entries), path=args.file))
    return 0
