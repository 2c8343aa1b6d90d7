"""Team mode on the command line: opening a server's database (its password from the keyring,
or asked on the terminal) and ``admin init-server`` / ``admin add-user`` for the county's IT.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.errors import KnownError
from desktop.i18n import _

if TYPE_CHECKING:
    from desktop.storage.store import Store


def ask_password(prompt: str) -> str:
    """The password typed on the terminal (never echoed); a KnownError without a terminal."""
    if not sys.stdin.isatty():
        raise KnownError(_("The server asks for a password and there is no terminal to type it "
                           "on: run the command once on a terminal with --remember-password to "
                           "keep it in the keyring."))
    try:
        return getpass.getpass(prompt)
    except (EOFError, KeyboardInterrupt):
        raise KnownError(_("No password was given.")) from None


def open_server_store(location: str, remember: bool = False) -> Store:
    """The server's database: as the URL says, with the keyring's password, or asking for one
    (kept in the keyring with ``remember``)."""
    from desktop.services.server import passwords
    from desktop.services.server.connection import PasswordNeeded, open_server, open_with_keyring
    from desktop.services.server.locations import display_url

    try:
        return open_with_keyring(location)
    except PasswordNeeded as exc:
        reason = str(exc)
    password = ask_password(_("{reason} Password for {location}: ").format(
        reason=reason, location=display_url(location)))
    store = open_server(location, password)
    if remember:
        try:
            passwords.remember_password(location, password)
        except KnownError:
            store.close()
            raise
    return store


def add_admin_commands(sub: Any, db: argparse.ArgumentParser) -> None:
    admin = sub.add_parser("admin", parents=[db], help=_("set up the county's PostgreSQL server (IT)"))
    admin_do = admin.add_subparsers(dest="admin_command", metavar=_("command"), required=True)
    init = admin_do.add_parser("init-server", parents=[db], help=_(
        "create or upgrade the schema and the roles officer, secretary and readonly, and grant "
        "them their rights (run as the database's owner; again after each upgrade)"))
    init.set_defaults(handler=cmd_admin_init_server)
    add = admin_do.add_parser("add-user", parents=[db], help=_(
        "create a user (a login role) with a role, or change an existing user's role or password"))
    add.add_argument("name", help=_("the user's name on the server"))
    add.add_argument("--role", required=True, choices=("officer", "secretary", "readonly"),
                     help=_("officer: everything; secretary: meetings, reads the register; "
                            "readonly: reads"))
    add.add_argument("--password-file", type=Path, default=None, metavar="FILE", help=_(
        "read the password from the first line of FILE ('-': standard input) instead of asking"))
    add.add_argument("--keep-password", action="store_true",
                     help=_("an existing user: change only the role"))
    add.set_defaults(handler=cmd_admin_add_user)


def _server_location(args: argparse.Namespace) -> str:
    from desktop.storage.dialect import is_server_url

    if args.db is None or not is_server_url(args.db):
        raise KnownError(_("Give the server's database with --db postgresql+psycopg://USER@HOST/DATABASE."))
    return str(args.db)


def cmd_admin_init_server(args: argparse.Namespace) -> int:
    from desktop.storage import migrate
    from desktop.storage.dialect import ctype_hiding_letters
    from desktop.storage.roles import ROLES, group_role, init_roles

    store = open_server_store(_server_location(args), getattr(args, "remember_password", False))
    try:
        created = init_roles(store.engine)
        revision = migrate.current_revision(store.engine)
        ctype = ctype_hiding_letters(store.engine)
    finally:
        store.close()
    if created:
        print(_("Roles created: {names}.").format(names=", ".join(created)))
    print(_("The schema is at version {revision}; the roles {names} have their rights on every "
            "table.").format(revision=revision, names=", ".join(group_role(r) for r in ROLES)))
    if ctype is not None:
        print(_("Note: the database's character type (LC_CTYPE) is {ctype}, under which the "
                "search index takes ä, ö and å for spaces: searches for words with them find "
                "the same but take longer. A database created with a UTF-8 character type "
                "(for example LC_CTYPE 'fi_FI.UTF-8' or 'C.UTF-8') searches them quickly.")
              .format(ctype=ctype), file=sys.stderr)
    return 0


def cmd_admin_add_user(args: argparse.Namespace) -> int:
    from desktop.storage.roles import add_user, group_role

    location = _server_location(args)
    password = None if args.keep_password else _new_password(args.password_file, args.name)
    store = open_server_store(location, getattr(args, "remember_password", False))
    try:
        created = add_user(store.engine, args.name, args.role, password)
    finally:
        store.close()
    message = _("User {name} created in {group}.") if created else _("User {name} is now in {group}.")
    print(message.format(name=args.name, group=group_role(args.role)))
    return 0


def _new_password(path: Path | None, name: str) -> str:
    if path is not None:
        try:
            text = sys.stdin.read() if str(path) == "-" else path.read_text(encoding="utf-8")
        except OSError as exc:
            raise KnownError(_("Cannot read the password from {path}: {reason}").format(
                path=path, reason=exc.strerror)) from exc
        password = text.splitlines()[0] if text.splitlines() else ""
    else:
        password = ask_password(_("New password for {name}: ").format(name=name))
        if ask_password(_("The same password again: ")) != password:
            raise KnownError(_("The passwords differ; nothing was changed."))
    if not password:
        raise KnownError(_("The password is empty; nothing was changed."))
    return password
