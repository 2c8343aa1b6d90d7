"""The command line: ``kumppani`` starts the GUI; subcommands work over the same services.

Every subcommand takes ``--db``, exits non-zero with a one-line reason on bad input, and writes
in one transaction, so a failure leaves the database as it was.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from desktop import __version__, paths
from desktop.errors import KnownError
from desktop.i18n import LANGUAGES, N_, _, ngettext, set_language
from desktop.logs import setup_logging
from desktop.settings import Settings


def _db_parent(top: bool = False) -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "--db",
        # A file's path or a server's URL (postgresql+psycopg://user@host/dbname).
        type=str,
        # Only the top level sets the default: a subcommand's --db must not overwrite
        # `kumppani --db X command` with None.
        default=None if top else argparse.SUPPRESS,
        metavar="PATH|URL",
        help=_("database file or server (postgresql+psycopg://USER@HOST/DATABASE; default: "
               "{path}; or set {env})").format(path=paths.default_db_path(), env=paths.ENV_DB),
    )
    parent.add_argument(
        "--remember-password", action="store_true",
        default=False if top else argparse.SUPPRESS,
        help=_("keep the server's password, once typed, in the system's keyring"),
    )
    return parent


def build_parser() -> argparse.ArgumentParser:
    db = _db_parent()
    parser = argparse.ArgumentParser(
        prog="kumppani",
        description=_("Kumppani: organisations, partnership tables, grants and the checklist."),
        parents=[_db_parent(top=True)],
    )
    parser.add_argument("--version", action="version", version=f"Kumppani {__version__}")
    parser.add_argument(
        "--demo", action="store_true", help=_("fill a new database with demo data on first run")
    )
    parser.add_argument("--lang", choices=sorted(LANGUAGES), help=_("language of the interface"))
    sub = parser.add_subparsers(dest="command", metavar=_("command"))

    demo = sub.add_parser("demo", parents=[db], help=_("create a demo database"))
    demo.add_argument("--seed", type=int, default=2026, help=_("random seed of the demo data"))
    demo.set_defaults(handler=cmd_demo)

    info = sub.add_parser("info", parents=[db], help=_("show what the database holds"))
    info.set_defaults(handler=cmd_info)

    backup = sub.add_parser("backup", parents=[db], help=_("take a backup of the database now"))
    backup.set_defaults(handler=cmd_backup)

    checklist = sub.add_parser("checklist", parents=[db], help=_("checklists and their progress"))
    checklist.set_defaults(handler=cmd_checklist_list)
    steps = checklist.add_subparsers(dest="checklist_command", metavar=_("command"))
    steps.add_parser("list", parents=[db], help=_("list the checklists")).set_defaults(
        handler=cmd_checklist_list)
    show = steps.add_parser("show", parents=[db], help=_("show a checklist's steps"))
    show.add_argument("checklist", help=_("the checklist's name or the start of its id"))
    show.set_defaults(handler=cmd_checklist_show)
    new = steps.add_parser("new", parents=[db], help=_("start a checklist from the template"))
    new.add_argument("name", help=_("name of the checklist"))
    new.add_argument("--year", type=int, default=None, help=_("the year it covers"))
    new.add_argument("--municipality", default=None, metavar="CODE",
                     help=_("a municipality's checklist (Statistics Finland code)"))
    new.set_defaults(handler=cmd_checklist_new)
    report = steps.add_parser("report", parents=[db], help=_("write a checklist as a PDF report"))
    report.add_argument("checklist", help=_("the checklist's name or the start of its id"))
    report.add_argument("-o", "--output", type=Path, required=True, metavar="FILE",
                        help=_("the PDF file to write"))
    report.add_argument("--lang", dest="report_lang", choices=sorted(LANGUAGES), default=None,
                        help=_("language of the report (default: the interface language)"))
    report.set_defaults(handler=cmd_checklist_report)

    person = sub.add_parser("person", parents=[db], help=_("personal data of contact persons"))
    person_do = person.add_subparsers(dest="person_command", metavar=_("command"), required=True)
    review = person_do.add_parser("review", parents=[db],
                                  help=_("list persons not contacted for N years"))
    review.add_argument("--years", type=int, default=3, help=_("years without contact (default 3)"))
    review.set_defaults(handler=cmd_person_review)
    export_person = person_do.add_parser(
        "export", parents=[db], help=_("everything kept about a person, as JSON or PDF"))
    export_person.add_argument("person", help=_("the start of the person's id (see review)"))
    export_person.add_argument("-o", "--output", type=Path, required=True, metavar="FILE",
                               help=_("a .json or .pdf file"))
    export_person.set_defaults(handler=cmd_person_export)
    erase = person_do.add_parser("erase", parents=[db], help=_("erase a person everywhere"))
    erase.add_argument("person", help=_("the start of the person's id (see review)"))
    erase.add_argument("--yes", action="store_true", help=_("do not ask for confirmation"))
    erase.set_defaults(handler=cmd_person_erase)

    selftest = sub.add_parser("selftest", parents=[db], help=_("check that the installed program works"))
    selftest.set_defaults(handler=cmd_selftest)

    export = sub.add_parser("export", parents=[db], help=_("export the register"))
    what = export.add_subparsers(dest="export_what", metavar=_("what"), required=True)
    organisations = what.add_parser(
        "organisations", parents=[db], help=_("organisations as CSV or XLSX (by the file name)"))
    organisations.add_argument("file", type=Path, help=_("the .csv or .xlsx file to write"))
    organisations.add_argument("--lang", dest="export_lang", choices=sorted(LANGUAGES), default=None,
                               help=_("language of the headings and labels"))
    organisations.set_defaults(handler=cmd_export_organisations)
    contacts = what.add_parser("contacts", parents=[db], help=_("contact persons as vCards"))
    contacts.add_argument("file", type=Path, help=_("the .vcf file to write"))
    contacts.set_defaults(handler=cmd_export_contacts)
    activities = what.add_parser(
        "activities", parents=[db],
        help=_("the public list of organisation-based activities as PDF or XLSX"))
    activities.add_argument("file", type=Path, help=_("the .pdf or .xlsx file to write"))
    activities.add_argument("--lang", dest="export_lang", choices=("fi", "sv"), default=None,
                            help=_("language of the list"))
    activities.set_defaults(handler=cmd_export_activities)

    importing = sub.add_parser("import", parents=[db], help=_("import organisations from Excel or CSV"))
    what_in = importing.add_subparsers(dest="import_what", metavar=_("what"), required=True)
    orgs_in = what_in.add_parser(
        "organisations", parents=[db],
        help=_("organisations (and their contact persons) from a .csv or .xlsx file"))
    orgs_in.add_argument("file", type=Path, help=_("the .csv or .xlsx file to read"))
    orgs_in.add_argument("--dry-run", action="store_true",
                         help=_("only report what would be added, updated or rejected"))
    orgs_in.add_argument("--mapping", action="append", default=[], metavar="HEADING=FIELD",
                         help=_("read a column as a field (repeatable)"))
    orgs_in.set_defaults(handler=cmd_import_organisations)

    _add_grants(sub, db)

    _add_meetings(sub, db, what)

    _add_sync(sub, db)

    from desktop.cli_network import add_network_commands

    add_network_commands(sub, db, what)

    from desktop.cli_premises import add_premises_commands

    add_premises_commands(what, db)

    from desktop.cli_ideas import add_idea_commands

    add_idea_commands(what, db)

    from desktop.cli_admin import add_admin_commands

    add_admin_commands(sub, db)
    return parser


def _add_grants(sub: Any, db: argparse.ArgumentParser) -> None:
    grants = sub.add_parser("grants", parents=[db], help=_("grant calls and statistics"))
    grants.set_defaults(handler=cmd_grants_list)
    grants_do = grants.add_subparsers(dest="grants_command", metavar=_("command"))
    grants_do.add_parser("list", parents=[db], help=_("list the grant calls")).set_defaults(
        handler=cmd_grants_list)
    stats = grants_do.add_parser("stats", parents=[db],
                                 help=_("grant statistics as CSV, XLSX or PDF"))
    stats.add_argument("--year", type=int, default=None, help=_("only the calls of this year"))
    stats.add_argument("--by", choices=("municipality", "sector", "type", "funder", "year"),
                       default="municipality", help=_("group by (default: municipality)"))
    stats.add_argument("--funder", default=None, metavar="CODE",
                       help=_("only this funder: a municipality code, or 'county'"))
    stats.add_argument("--type", dest="grant_type", default=None, metavar="TYPE",
                       help=_("only calls of this type"))
    stats.add_argument("--municipality", default=None, metavar="CODE",
                       help=_("only organisations domiciled in this municipality"))
    stats.add_argument("--sector", default=None, metavar="CODE",
                       help=_("only organisations working in this sector"))
    stats.add_argument("--from-year", dest="first_year", type=int, default=None, metavar="Y",
                       help=_("only the calls of this year or later"))
    stats.add_argument("--to-year", dest="last_year", type=int, default=None, metavar="Y",
                       help=_("only the calls of this year or earlier"))
    stats.add_argument("--format", dest="stats_format", choices=("csv", "xlsx", "pdf"),
                       default=None, help=_("file format (default: by the file name)"))
    stats.add_argument("-o", "--output", type=Path, required=True, metavar="FILE",
                       help=_("the file to write"))
    stats.add_argument("--lang", dest="stats_lang", choices=sorted(LANGUAGES), default=None,
                       help=_("language of the statistics (default: the interface language)"))
    stats.set_defaults(handler=cmd_grants_stats)


def _add_meetings(sub: Any, db: argparse.ArgumentParser, export_what: Any) -> None:
    """``meetings list``, ``pdf agenda|minutes MEETING`` and ``export ics MEETING FILE``."""
    meeting_help = _("BODY/YEAR/NUMBER (the start of the body's name will do) or the meeting's id")
    listing = sub.add_parser("meetings", parents=[db], help=_("partnership tables' meetings"))
    listing.set_defaults(handler=cmd_meetings_list)
    listing_do = listing.add_subparsers(dest="meetings_command", metavar=_("command"))
    listing_do.add_parser("list", parents=[db], help=_("list the meetings, newest first")).set_defaults(
        handler=cmd_meetings_list)
    pdf = sub.add_parser("pdf", parents=[db], help=_("write meeting documents as PDF"))
    pdf_do = pdf.add_subparsers(dest="pdf_what", metavar=_("document"), required=True)
    for kind, text in (("agenda", _("the agenda of a meeting")),
                       ("minutes", _("the minutes of a meeting"))):
        document = pdf_do.add_parser(kind, parents=[db], help=text)
        document.add_argument("meeting", help=meeting_help)
        document.add_argument("-o", "--output", type=Path, required=True, metavar="FILE",
                              help=_("the PDF file to write"))
        document.add_argument("--lang", dest="document_lang", choices=("fi", "sv", "en", "fi+sv"),
                              default=None, help=_("language of the document (default: the meeting's)"))
        document.set_defaults(handler=cmd_meeting_pdf, document=kind)
        if kind == "minutes":
            document.add_argument("--public", action="store_true", help=_(
                "the public version: private persons' names, e-mail addresses, phone numbers, "
                "identity codes and confidential items' contents removed (each removal is listed)"))
    extract = pdf_do.add_parser("extract", parents=[db], help=_("an extract of one or more § of the minutes"))
    extract.add_argument("meeting", help=meeting_help)
    extract.add_argument("sections", nargs="+", type=_section_argument, metavar="§",
                         help=_("the § numbers to extract"))
    extract.add_argument("-o", "--output", type=Path, required=True, metavar="FILE",
                         help=_("the PDF file to write"))
    extract.add_argument("--lang", dest="document_lang", choices=("fi", "sv", "en", "fi+sv"),
                         default=None, help=_("language of the document (default: the meeting's)"))
    extract.set_defaults(handler=cmd_meeting_extract)
    ics = export_what.add_parser("ics", parents=[db], help=_("a meeting as a calendar invitation"))
    ics.add_argument("meeting", help=meeting_help)
    ics.add_argument("file", type=Path, help=_("the .ics file to write"))
    ics.set_defaults(handler=cmd_export_ics)


def _add_sync(sub: Any, db: argparse.ArgumentParser) -> None:
    """``sync export|import|conflicts|resolve|new-identity|server``: exchanging changes by file
    or with the server directly."""
    sync = sub.add_parser("sync", parents=[db], help=_("exchange changes with other copies by file"))
    sync_do = sync.add_subparsers(dest="sync_command", metavar=_("command"), required=True)
    export = sync_do.add_parser("export", parents=[db], help=_(
        "write the changes another copy has not seen (or everything) to a .kumppani file"))
    export.add_argument("file", type=Path, help=_("the .kumppani file to write"))
    which = export.add_mutually_exclusive_group()
    which.add_argument("--full", action="store_true", help=_("everything, not only changes"))
    which.add_argument("--since", type=_date_argument, default=None, metavar=_("DATE"),
                       help=_("the changes made here since a date (2026-12-01 or 1.12.2026)"))
    export.add_argument("--peer", default=None, metavar=_("NAME"), help=_(
        "the copy the file is for: only what it has not acknowledged (default: what any "
        "known copy lacks)"))
    export.add_argument("--passphrase-file", type=Path, default=None, metavar="FILE",
                        help=_("encrypt with the passphrase on the first line of FILE (age)"))
    export.set_defaults(handler=cmd_sync_export)
    imp = sync_do.add_parser("import", parents=[db], help=_("merge a .kumppani file into this copy"))
    imp.add_argument("file", type=Path, help=_("the .kumppani file to read"))
    imp.add_argument("--passphrase-file", type=Path, default=None, metavar="FILE",
                     help=_("the passphrase of an encrypted file, on the first line of FILE"))
    imp.set_defaults(handler=cmd_sync_import)
    sync_do.add_parser("conflicts", parents=[db], help=_("list the conflicts to resolve")) \
        .set_defaults(handler=cmd_sync_conflicts)
    resolve = sync_do.add_parser("resolve", parents=[db], help=_("resolve a conflict"))
    resolve.add_argument("conflict", type=int, help=_("the number of the conflict (see conflicts)"))
    resolve.add_argument("choice", choices=("mine", "theirs", "edited"),
                         help=_("keep this copy's value, take the other's, or give --value"))
    resolve.add_argument("--value", default=None, help=_("the value to keep (with 'edited')"))
    resolve.set_defaults(handler=cmd_sync_resolve)
    identity = sync_do.add_parser("new-identity", parents=[db], help=_(
        "make a copied database file a copy of its own, whose files the original accepts"))
    identity.add_argument("--name", default=None, metavar=_("NAME"),
                          help=_("the name this copy gives itself in its files"))
    identity.set_defaults(handler=cmd_sync_new_identity)
    server = sync_do.add_parser("server", parents=[db], help=_(
        "synchronise this copy with the team's server directly: the changes either side has "
        "not seen go across, with the same rules as files"))
    server.add_argument("url", metavar="URL",
                        help=_("the server's database (postgresql+psycopg://USER@HOST/DATABASE)"))
    server.set_defaults(handler=cmd_sync_server)


def _open(args: argparse.Namespace, must_exist: bool = True):  # noqa: ANN202 - Store, imported late
    from desktop.storage.store import Store

    location = _location(args)
    if isinstance(location, str):  # a server's URL
        from desktop.cli_admin import open_server_store

        store = open_server_store(location, getattr(args, "remember_password", False))
    else:
        if must_exist and not location.exists():
            raise KnownError(_("No database at {path}.").format(path=location))
        store = Store.open(location)
    store.officer = Settings.load().officer_name
    return store


def _location(args: argparse.Namespace) -> Path | str:
    """``--db`` (a path or a server's URL), else ``KUMPPANI_DB``, the remembered server, or
    the default file."""
    from desktop.services.server.locations import as_location, default_location

    return as_location(args.db) if args.db else default_location()


def cmd_demo(args: argparse.Namespace) -> int:
    from desktop.services.demo import create_demo
    from desktop.storage.store import Store

    path = _location(args)
    if isinstance(path, str):
        return _demo_on_server(args)
    existed = path.exists()
    if existed:
        raise KnownError(_("{path} exists already; the demo needs a new file.").format(path=path))
    store = Store.open(path)
    try:
        summary = create_demo(store, seed=args.seed)
    except BaseException:
        store.close()
        _remove_database(path)  # the file is ours: leave nothing half-made behind
        raise
    store.close()
    print(_("Demo database written to {path}: {count} organisations.").format(
        path=path, count=summary.organisations))
    return 0


def _demo_on_server(args: argparse.Namespace) -> int:
    from desktop.services.demo import create_demo
    from desktop.services.overview import holds_records

    store = _open(args)
    try:
        if holds_records(store):
            raise KnownError(_("{location} holds records already; the demo needs an empty "
                               "database.").format(location=store.location))
        summary = create_demo(store, seed=args.seed)
    finally:
        store.close()
    print(_("Demo data written to {path}: {count} organisations.").format(
        path=store.location, count=summary.organisations))
    return 0


def _remove_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def cmd_info(args: argparse.Namespace) -> int:
    from desktop.services.overview import overview

    store = _open(args)
    try:
        for label_text, value in overview(store):
            print(f"{label_text}: {value}")
    finally:
        store.close()
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from desktop.storage.backup import backup_database

    store = _open(args)
    try:
        if store.path is None:
            raise KnownError(_("The server's database is backed up by the server's "
                               "administrators (pg_dump); Kumppani backs up database files."))
        target = backup_database(store.path, paths.backup_dir(), reason="manual")
    finally:
        store.close()
    print(_("Backup written to {path}.").format(path=target))
    return 0


def cmd_checklist_list(args: argparse.Namespace) -> int:
    from desktop.services import checklist

    store = _open(args)
    try:
        with store.read() as session:
            for item in checklist.list_checklists(session):
                done, total = checklist.progress(session, item.id)
                print(f"{str(item.id)[:8]}  {item.name}: "
                      + _("{done} of {total} steps done").format(done=done, total=total))
    finally:
        store.close()
    return 0


def cmd_checklist_show(args: argparse.Namespace) -> int:
    from desktop.i18n import current_language
    from desktop.services import checklist
    from desktop.services.vocabulary import label
    from desktop.storage.models.enums import ChecklistStatus

    store = _open(args)
    language = current_language()
    try:
        with store.read() as session:
            found = checklist.find_checklist(session, args.checklist)
            done, total = checklist.progress(session, found.id)
            print(f"{found.name}: " + _("{done} of {total} steps done").format(done=done, total=total))
            for item in checklist.list_items(session, found.id):
                print(f"[{label(ChecklistStatus, item.status)}] {item.title(language)}")
    finally:
        store.close()
    return 0


def cmd_checklist_new(args: argparse.Namespace) -> int:
    from desktop.services import checklist

    store = _open(args)
    try:
        checklist_id, _changes = checklist.create_checklist(
            store, args.name, args.year, args.municipality)
    finally:
        store.close()
    print(_("Checklist {name} started ({id}).").format(name=args.name, id=str(checklist_id)[:8]))
    return 0


def cmd_checklist_report(args: argparse.Namespace) -> int:
    from desktop.documents.checklist_report import write_checklist_report
    from desktop.i18n import current_language
    from desktop.services import checklist

    language = args.report_lang or current_language()
    store = _open(args)
    try:
        with store.read() as session:
            found = checklist.find_checklist(session, args.checklist)
            report = checklist.report_data(session, found.id, language)
    finally:
        store.close()
    write_checklist_report(report, args.output)
    print(_("Report written to {path}.").format(path=args.output))
    return 0


def cmd_grants_list(args: argparse.Namespace) -> int:
    from desktop.i18n import current_language
    from desktop.i18n.formatting import format_money
    from desktop.services.grants import call_rows

    store = _open(args)
    try:
        rows = call_rows(store, current_language())
    finally:
        store.close()
    for row in rows:
        print(f"{row.year}  {row.name} ({row.funder}, {row.grant_type}): "
              + _("budget {budget}, granted {granted}, left {left}, {n} applications").format(
                  budget=format_money(row.budget_cents), granted=format_money(row.granted_cents),
                  left=format_money(row.left_cents), n=row.applications))
    return 0


def cmd_grants_stats(args: argparse.Namespace) -> int:
    from desktop.cli_reading import read_database
    from desktop.documents.grant_statistics import write_statistics
    from desktop.i18n import current_language
    from desktop.services.grants.statistics import StatisticsFilter, statistics_report

    fmt = args.stats_format or args.output.suffix.lower().lstrip(".")
    if fmt not in ("csv", "xlsx", "pdf"):
        raise KnownError(_("Cannot write statistics as '{format}': choose csv, xlsx or pdf.")
                         .format(format=fmt or args.output.name))
    language = args.stats_lang or current_language()
    filters = StatisticsFilter(year=args.year, funder=args.funder, grant_type=args.grant_type,
                               municipality=args.municipality, sector=args.sector,
                               first_year=args.first_year, last_year=args.last_year)
    report = read_database(args, lambda session: statistics_report(session, args.by, filters, language))
    write_statistics(report, args.output, fmt)
    print(_("Statistics written to {path}.").format(path=args.output))
    return 0


def cmd_meetings_list(args: argparse.Namespace) -> int:
    from desktop.cli_reading import read_database
    from desktop.i18n import current_language
    from desktop.i18n.formatting import format_date
    from desktop.services.meetings import list_meetings, meeting_reference
    from desktop.services.vocabulary import label
    from desktop.storage.models.enums import MeetingStatus

    language = current_language()
    lines = read_database(args, lambda session: [
        f"{meeting_reference(m, language)}  {format_date(m.date)}  "
        f"{label(MeetingStatus, m.status)}  {m.id.hex[:8]}" for m in list_meetings(session)])
    print("\n".join(lines))
    return 0


def _meeting_document(args: argparse.Namespace, language: str | None):  # noqa: ANN202
    from desktop.cli_reading import read_database
    from desktop.services.meeting_document import build_document
    from desktop.services.meetings import find_meeting

    return read_database(
        args, lambda session: build_document(session, find_meeting(session, args.meeting).id, language))


def cmd_meeting_pdf(args: argparse.Namespace) -> int:
    from desktop.documents.meeting_pdf import write_agenda, write_minutes

    if getattr(args, "public", False):
        return _public_minutes(args)
    doc = _meeting_document(args, args.document_lang)
    write = write_agenda if args.document == "agenda" else write_minutes
    write(doc, args.output, doc.language)
    print(_("Written to {path}.").format(path=args.output))
    return 0


def _public_minutes(args: argparse.Namespace) -> int:
    """The public version, with every removal listed so that it can be checked."""
    from desktop.documents.meeting_pdf import write_minutes
    from desktop.services.meeting_document import build_document
    from desktop.services.meetings import find_meeting
    from desktop.services.meetings.public_version import public_version

    store = _open(args)
    try:
        with store.read() as session:
            meeting_id = find_meeting(session, args.meeting).id
        version = public_version(store, build_document(store, meeting_id, args.document_lang))
    finally:
        store.close()
    write_minutes(version.document, args.output, version.document.language, public=True)
    for removal in version.removals:
        where = f"§ {removal.section} {removal.where}" if removal.section else removal.where
        print(f"{where}: {removal.what} ({removal.why})")
    print(ngettext("{count} removal.", "{count} removals.", len(version.removals)).format(
        count=len(version.removals)))
    print(_("Written to {path}.").format(path=args.output))
    return 0


def _section_argument(text: str) -> int:
    try:
        return int(text.strip().lstrip("§").strip())
    except ValueError:
        raise argparse.ArgumentTypeError(_("not a § number: {text}").format(text=text)) from None


def cmd_meeting_extract(args: argparse.Namespace) -> int:
    from desktop.documents.meeting_extract import write_extract

    doc = _meeting_document(args, args.document_lang)
    write_extract(doc, args.sections, args.output, doc.language)
    print(_("Written to {path}.").format(path=args.output))
    return 0


def cmd_export_ics(args: argparse.Namespace) -> int:
    from desktop.documents.meeting_ics import write_ics

    write_ics(_meeting_document(args, None), args.file)
    print(_("Written to {path}.").format(path=args.file))
    return 0


def cmd_import_organisations(args: argparse.Namespace) -> int:
    """Exit 1 when rows were rejected; nothing is written then (the report says why)."""
    from desktop.i18n import current_language
    from desktop.services.register_import import apply_import, plan_import

    mapping = {}
    for item in args.mapping:
        heading, sep, field = item.rpartition("=")
        if not sep or not heading:
            raise KnownError(_("--mapping needs HEADING=FIELD, not '{item}'.").format(item=item))
        mapping[heading] = field
    store = _open(args)
    try:
        plan = plan_import(store, args.file, mapping)
        print("\n".join(plan.report_lines(current_language())))
        if plan.rejected:
            print(_("Nothing was imported: fix the rejected rows and import again."), file=sys.stderr)
            return 1
        if not args.dry_run:
            apply_import(store, plan)
    finally:
        store.close()
    return 0


def cmd_export_organisations(args: argparse.Namespace) -> int:
    from desktop.documents.register_export import write_table
    from desktop.i18n import current_language, translate_in
    from desktop.services.register_export import organisation_table

    language = args.export_lang or current_language()
    store = _open(args)
    try:
        with store.read() as session:
            headings, rows = organisation_table(session, language)
    finally:
        store.close()
    write_table(headings, rows, args.file, translate_in(language, N_("Organisations")))
    print(ngettext("{n} organisation written to {path}.", "{n} organisations written to {path}.",
                   len(rows)).format(n=len(rows), path=args.file))
    return 0


def cmd_export_contacts(args: argparse.Namespace) -> int:
    from desktop.documents.vcard import write_vcards
    from desktop.services.register_export import contact_people

    store = _open(args)
    try:
        with store.read() as session:
            cards = contact_people(session)
    finally:
        store.close()
    write_vcards(cards, args.file)
    print(ngettext("{n} contact person written to {path}.", "{n} contact persons written to {path}.",
                   len(cards)).format(n=len(cards), path=args.file))
    return 0


def cmd_export_activities(args: argparse.Namespace) -> int:
    from desktop.documents.activity_list import write_activity_list_pdf, write_activity_list_xlsx
    from desktop.i18n import current_language, translate_in
    from desktop.services.activity_list import public_list

    language = args.export_lang or ("sv" if current_language() == "sv" else "fi")
    suffix = args.file.suffix.lower()
    if suffix not in (".pdf", ".xlsx"):
        raise KnownError(_("Cannot export to {name}: the file name must end in .pdf or .xlsx.").format(
            name=args.file.name))
    store = _open(args)
    try:
        with store.read() as session:
            sections = public_list(session, language)
    finally:
        store.close()
    if suffix == ".pdf":
        write_activity_list_pdf(sections, args.file, language,
                                translate_in(language, N_("Organisation-based activities in the region")))
    else:
        write_activity_list_xlsx(sections, args.file, language)
    count = sum(section.entry_count for section in sections)
    print(ngettext("{n} activity written to {path}.", "{n} activities written to {path}.",
                   count).format(n=count, path=args.file))
    return 0


def _find_person(session, reference: str):  # noqa: ANN001, ANN202 - ORM types imported late
    from sqlalchemy import select

    from desktop.storage.models import ContactPerson

    wanted = reference.strip().lower().replace("-", "")
    found = [p for p in session.scalars(select(ContactPerson).where(ContactPerson.deleted.is_(False)))
             if wanted and p.id.hex.startswith(wanted)]
    if len(found) != 1:
        raise KnownError(_("No single contact person has an id starting with '{ref}'.").format(
            ref=reference))
    return found[0]


def cmd_person_review(args: argparse.Namespace) -> int:
    from desktop.i18n.formatting import format_date
    from desktop.services.personal_data import persons_to_review

    store = _open(args)
    try:
        with store.read() as session:
            for person in persons_to_review(session, args.years):
                when = format_date(person.last_contact or person.retained_since) or "—"
                print(f"{person.id.hex[:8]}  {person.name}  {when}")
    finally:
        store.close()
    return 0


def cmd_person_export(args: argparse.Namespace) -> int:
    from desktop.documents.person_export import write_person_json, write_person_pdf
    from desktop.i18n import current_language
    from desktop.services.personal_data import person_report

    suffix = args.output.suffix.lower()
    if suffix not in (".json", ".pdf"):
        raise KnownError(_("Cannot export to {name}: the file name must end in .json or .pdf.").format(
            name=args.output.name))
    store = _open(args)
    try:
        with store.read() as session:
            report = person_report(session, _find_person(session, args.person).id, current_language())
    finally:
        store.close()
    (write_person_json if suffix == ".json" else write_person_pdf)(report, args.output)
    print(_("Report written to {path}.").format(path=args.output))
    return 0


def cmd_person_erase(args: argparse.Namespace) -> int:
    from desktop.services.personal_data import erase_person

    store = _open(args)
    try:
        with store.read() as session:
            person = _find_person(session, args.person)
            name, person_id = person.name, person.id
        if not args.yes:
            answer = input(_("Erase {name} everywhere? This cannot be undone. [y/N] ").format(name=name))
            if answer.strip().lower() not in ("y", "yes", "k", "kyllä", "j", "ja"):
                print(_("Nothing was erased."))
                return 1
        erase_person(store, person_id)
    finally:
        store.close()
    print(_("{name} was erased.").format(name=name))
    return 0


def _date_argument(text: str) -> dt.date:
    for pattern in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(text.strip(), pattern).date()
        except ValueError:
            pass
    raise argparse.ArgumentTypeError(_("not a date: {text}").format(text=text))


def _passphrase(path: Path | None) -> str | None:
    if path is None:
        return None
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise KnownError(_("Cannot read the passphrase from {path}: {reason}").format(
            path=path, reason=exc.strerror)) from exc
    if not lines or not lines[0]:
        raise KnownError(_("{path} has no passphrase on its first line.").format(path=path))
    return lines[0]


def cmd_sync_export(args: argparse.Namespace) -> int:
    from desktop.sync.export import export_bundle

    passphrase = _passphrase(args.passphrase_file)
    store = _open(args)
    try:
        report = export_bundle(store, args.file, full=args.full, peer=args.peer,
                               since=args.since, passphrase=passphrase)
    finally:
        store.close()
    print("\n".join(report.lines()))
    return 0


def cmd_sync_import(args: argparse.Namespace) -> int:
    from desktop.sync.merge import import_bundle

    passphrase = _passphrase(args.passphrase_file)
    store = _open(args)
    try:
        report = import_bundle(store, args.file, passphrase)
    finally:
        store.close()
    print("\n".join(report.lines()))
    return 0


def cmd_sync_conflicts(args: argparse.Namespace) -> int:
    from desktop.i18n.formatting import format_utc
    from desktop.sync.conflicts import list_conflicts

    store = _open(args)
    try:
        conflicts = list_conflicts(store)
    finally:
        store.close()
    if not conflicts:
        print(_("No conflicts to resolve."))
    for c in conflicts:
        shown, kept = (c.our_text, c.their_text) if c.winner == "ours" else (c.their_text, c.our_text)
        print(f"{c.id}  {c.table} «{c.record}» {c.field}: "
              + _("mine {mine} ({mine_at}), theirs {theirs} ({theirs_at}, {peer}); "
                  "shown now: {shown}; kept: {kept}").format(
                  mine=c.our_text, mine_at=format_utc(c.our_time) or "—", theirs=c.their_text,
                  theirs_at=format_utc(c.their_time) or "—", peer=c.peer_name, shown=shown,
                  kept=kept))
    return 0


def cmd_sync_resolve(args: argparse.Namespace) -> int:
    from desktop.sync.conflicts import resolve_conflict

    if (args.choice == "edited") != (args.value is not None):
        raise KnownError(_("Give --value with 'edited', and only then."))
    store = _open(args)
    try:
        resolve_conflict(store, args.conflict, args.choice, args.value)
    finally:
        store.close()
    print(_("Conflict {id} resolved.").format(id=args.conflict))
    return 0


def cmd_sync_new_identity(args: argparse.Namespace) -> int:
    from desktop.sync.peers import new_identity, replica_name

    store = _open(args)
    try:
        old = store.replica_id
        new = new_identity(store, args.name)
        name = replica_name(store)
    finally:
        store.close()
    print(_("This copy ({name}) has a new id: {new} (was {old}).").format(
        name=name, new=new, old=old))
    return 0


def cmd_sync_server(args: argparse.Namespace) -> int:
    from desktop.cli_admin import open_server_store
    from desktop.storage.dialect import is_server_url
    from desktop.sync.server import synchronise

    if not is_server_url(args.url):
        raise KnownError(_("{url} is not a server's address (postgresql+psycopg://USER@HOST/"
                           "DATABASE).").format(url=args.url))
    if not args.db and not os.environ.get(paths.ENV_DB):
        args.db = str(paths.default_db_path())  # this computer's copy, not the remembered server
    local = _open(args)
    try:
        server = open_server_store(args.url, getattr(args, "remember_password", False))
        try:
            server.officer = local.officer
            report = synchronise(local, server)
        finally:
            server.close()
    finally:
        local.close()
    print("\n".join(report.lines()))
    return 0


def cmd_selftest(_args: argparse.Namespace) -> int:
    from desktop.ui.selftest import run_selftest

    return run_selftest()


def main(argv: Sequence[str] | None = None) -> int:
    settings = Settings.load()
    args_list = list(sys.argv[1:] if argv is None else argv)
    # --lang must apply before the parser is built, so that --help speaks it too.
    chosen = next((args_list[i + 1] for i, a in enumerate(args_list[:-1]) if a == "--lang"), None)
    set_language(chosen if chosen in LANGUAGES else settings.language)
    parser = build_parser()
    args = parser.parse_args(args_list)
    if args.lang:
        set_language(args.lang)
    setup_logging()
    handler = getattr(args, "handler", None)
    try:
        if handler is None:
            # The store (SQLAlchemy) is imported before PySide6 on purpose: PySide6 installs an
            # import hook that makes every later import slower, a large share of a cold start.
            import desktop.storage.store  # noqa: F401
            from desktop.services.server.locations import as_location
            from desktop.ui.application import run_gui

            return run_gui(location=as_location(args.db) if args.db else None, demo=args.demo,
                           language=args.lang)
        return handler(args)
    except KnownError as exc:
        print(f"kumppani: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # `kumppani … | head`: the reader has gone; leave quietly, as Unix tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def gui_main() -> int:
    return main([])


if __name__ == "__main__":
    raise SystemExit(main())
