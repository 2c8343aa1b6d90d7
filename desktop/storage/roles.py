"""Who may write what on the county's server (team mode): PostgreSQL group roles and GRANTs.

Three group roles, which the county's IT gives each person's login role (``add_user``):
an *officer* writes everything; a *secretary* writes meetings and their records and reads the
rest; *read-only* (the municipalities' liaison persons) reads. The server enforces them: what
the interface allows is a courtesy, the GRANTs are the protection.

A secretary's tables are those of the models' meeting modules, so a table added there later is
covered when ``init_server`` runs again. An edit also writes beside its record: the audit log,
the copy's clock in ``meta``, the field clocks, the sync bookkeeping — a secretary may write
those. The derived tables (search index, register listing, grant facts) change only with the
register and the grants, which a secretary does not change, so they stay read-only to them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import partial
from types import ModuleType
from typing import Any

from sqlalchemy import Connection, Engine, event, text

from desktop.errors import KnownError
from desktop.i18n import _
from desktop.storage.base import Base
from desktop.storage.models import (
    AuditEntry,
    FieldClock,
    Meta,
    SyncConflict,
    SyncExchange,
    SyncPeer,
    activities,
    attachments,
    checklist,
    grants,
    idea_bank,
    meeting_records,
    meetings,
    network,
    premises,
    register,
)

OFFICER, SECRETARY, READONLY = "officer", "secretary", "readonly"
ROLES = (OFFICER, SECRETARY, READONLY)  # most rights first

READ = frozenset({"SELECT"})
WRITE = frozenset({"SELECT", "INSERT", "UPDATE", "DELETE"})

# Meetings and what they record, the ideas of their workshops, their attachments.
SECRETARY_MODULES: tuple[ModuleType, ...] = (meetings, meeting_records, idea_bank, attachments)
# What every edit writes beside the record (the audit log is only appended to; an officer's
# erasure of a person rewrites it), and a laptop's sync with the server.
SIDE_EFFECTS: dict[str, frozenset[str]] = {
    AuditEntry.__tablename__: frozenset({"SELECT", "INSERT"}),
    Meta.__tablename__: frozenset({"SELECT", "INSERT", "UPDATE"}),
    FieldClock.__tablename__: WRITE,
    SyncPeer.__tablename__: WRITE,
    SyncExchange.__tablename__: WRITE,
    SyncConflict.__tablename__: WRITE,
}

# For the message when the server refuses: which part of the data a table belongs to.
_AREAS: tuple[tuple[tuple[ModuleType, ...], str], ...] = (
    ((register, activities, network, premises), "register"),
    ((grants,), "grants"),
    ((checklist,), "checklist"),
    (SECRETARY_MODULES, "meetings"),
)


def group_role(role: str) -> str:
    """The PostgreSQL group role of a Kumppani role (role names are the cluster's, not the
    database's: several counties' databases on one server share them)."""
    return f"kumppani_{role}"


def model_tables(*modules: ModuleType) -> set[str]:
    """The tables of the models defined in ``modules``."""
    names = {module.__name__ for module in modules}
    return {mapper.local_table.name for mapper in Base.registry.mappers  # type: ignore[attr-defined]
            if mapper.class_.__module__ in names}


def table_privileges(role: str, tables: Iterable[str]) -> dict[str, frozenset[str]]:
    """What ``role`` may do on each of ``tables`` (every table gets at least SELECT)."""
    if role == OFFICER:
        return {table: WRITE for table in tables}
    if role == READONLY:
        return {table: READ for table in tables}
    if role != SECRETARY:
        raise ValueError(f"not a role: {role}")
    own = model_tables(*SECRETARY_MODULES)
    return {table: WRITE if table in own else SIDE_EFFECTS.get(table, READ) for table in tables}


def database_tables(connection: Connection) -> list[str]:
    """The tables of the schema Kumppani uses (the connection's current schema)."""
    return list(connection.scalars(text(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename")))


# -- setting the server up ------------------------------------------------------------------


def init_roles(engine: Engine) -> list[str]:
    """Create the missing group roles and grant each its rights on every table of the database
    (all at once: a re-run after an upgrade replaces the earlier grants). Returns the group
    roles created now."""
    with engine.begin() as connection:
        created = _create_groups(connection)
        quote = connection.dialect.identifier_preparer.quote
        schema = quote(connection.scalar(text("SELECT current_schema()")))
        database = quote(connection.scalar(text("SELECT current_database()")))
        groups = {role: quote(group_role(role)) for role in ROLES}
        everyone = ", ".join(groups.values())
        writers = f"{groups[OFFICER]}, {groups[SECRETARY]}"
        statements = [
            f"GRANT CONNECT ON DATABASE {database} TO {everyone}",
            f"GRANT USAGE ON SCHEMA {schema} TO {everyone}",
            # Nobody but the owner creates tables here (PostgreSQL < 15 lets everyone).
            f"REVOKE CREATE ON SCHEMA {schema} FROM PUBLIC",
            f"REVOKE ALL ON ALL TABLES IN SCHEMA {schema} FROM {everyone}",
            f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {schema} FROM {everyone}",
            # Numbering the audit log and the grant facts' keys, with the rows they write.
            f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {writers}",
            # Counting a short word for the search (migration 0016; the rest are triggers').
            f"GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA {schema} TO {everyone}",
        ]
        tables = database_tables(connection)
        for role in ROLES:
            for table, privileges in table_privileges(role, tables).items():
                statements.append(f"GRANT {', '.join(sorted(privileges))} ON {schema}.{quote(table)}"
                                  f" TO {groups[role]}")
        # Tables a later upgrade creates (run by this owner) can be read at once; a
        # secretary's writes to them wait for the next init_roles.
        statements += [
            f"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} GRANT SELECT ON TABLES TO {everyone}",
            f"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} GRANT INSERT, UPDATE, DELETE ON TABLES"
            f" TO {groups[OFFICER]}",
            f"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} GRANT USAGE, SELECT ON SEQUENCES"
            f" TO {writers}",
        ]
        for statement in statements:
            connection.exec_driver_sql(statement)
    return created


def _create_groups(connection: Connection) -> list[str]:
    existing = set(connection.scalars(text("SELECT rolname FROM pg_roles")))
    missing = [group_role(role) for role in ROLES if group_role(role) not in existing]
    if missing and not _may_create_roles(connection):
        raise KnownError(_(
            "Your role on the server may not create roles. Ask its superuser to run: {sql}"
        ).format(sql=" ".join(f"CREATE ROLE {name} NOLOGIN;" for name in missing)))
    for name in missing:
        connection.exec_driver_sql(f"CREATE ROLE {name} NOLOGIN")
    return missing


def _may_create_roles(connection: Connection) -> bool:
    return bool(connection.scalar(text(
        "SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user")))


def add_user(engine: Engine, name: str, role: str, password: str | None) -> bool:
    """Give the login role ``name`` the Kumppani role ``role`` (and no other), creating it with
    ``password`` or setting its password when given. Returns True when the login was created.

    The server gets the password's SCRAM verifier, never the password: it does not appear in
    the server's logs."""
    if role not in ROLES:
        raise KnownError(_("Not a role: {role}. Choose officer, secretary or readonly.").format(role=role))
    if not name.strip():
        raise KnownError(_("Give the user's name."))
    with engine.begin() as connection:
        quote = connection.dialect.identifier_preparer.quote
        existing = set(connection.scalars(text("SELECT rolname FROM pg_roles")))
        groups = [group_role(r) for r in ROLES]
        if any(group not in existing for group in groups):
            raise KnownError(_("The server has no Kumppani roles yet: run kumppani admin init-server first."))
        if name in groups:
            raise KnownError(_("{name} is a group role, not a user.").format(name=name))
        if not _may_create_roles(connection):
            raise KnownError(_("Your role on the server may not create or change users."))
        created = name not in existing
        if created and not password:
            raise KnownError(_("A new user needs a password."))
        login = f"{quote(name)} LOGIN"
        if password:
            login += f" PASSWORD {_literal(_verifier(connection, name, password))}"
        connection.exec_driver_sql(("CREATE ROLE " if created else "ALTER ROLE ") + login)
        for other in ROLES:
            if other != role and not created:
                connection.exec_driver_sql(f"REVOKE {quote(group_role(other))} FROM {quote(name)}")
        connection.exec_driver_sql(f"GRANT {quote(group_role(role))} TO {quote(name)}")
    return created


def _verifier(connection: Connection, name: str, password: str) -> str:
    # libpq hashes it as the server's password_encryption says (scram-sha-256 by default).
    driver: Any = connection.connection.driver_connection
    return bytes(driver.pgconn.encrypt_password(password.encode(), name.encode())).decode()


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


# -- what the user reads when the server refuses --------------------------------------------


def server_role(engine: Engine) -> str | None:
    """The Kumppani role of the connecting user (the one with the most rights, should it have
    several); None for the database's owner, a superuser, or a server without the roles."""
    with engine.connect() as connection:
        names = set(connection.scalars(text(
            "SELECT rolname FROM pg_roles WHERE rolname LIKE 'kumppani\\_%' "
            "AND pg_has_role(current_user, oid, 'MEMBER')")))
    return next((role for role in ROLES if group_role(role) in names), None)


class ServerRefusal(KnownError):
    """The server refused a write this user's role may not make; nothing was saved."""


class ServerUnreachable(KnownError):
    """The connection to the server broke, or a new one could not be made; the transaction
    (if any) was rolled back."""


def install_refusal_messages(engine: Engine, role: str | None) -> None:
    """Turn the server's "permission denied" into a ``ServerRefusal`` naming what the role may
    not change, and a lost connection into ``ServerUnreachable`` (shown as any known error,
    not as a bug)."""
    event.listen(engine, "handle_error", partial(_refusal, role))


def _refusal(role: str | None, context: Any) -> BaseException | None:
    original = context.original_exception
    if getattr(original, "sqlstate", None) == "42501":
        return ServerRefusal(refusal_message(role, written_table(context.statement or "")))
    # A broken connection, or none to be had (context.connection is None: connecting failed);
    # a failed pre-ping is not one, the pool connects again after it.
    lost = context.is_disconnect or (context.connection is None
                                     and isinstance(original, context.dialect.loaded_dbapi.OperationalError))
    if lost and not context.is_pre_ping:
        reason = str(original).strip().splitlines()[0] if str(original).strip() else ""
        return ServerUnreachable(_(
            "The connection to the server failed: {reason}. Nothing was saved halfway; try "
            "again when the server answers.").format(reason=reason.rstrip(".")))
    return None


_WRITE_TARGET = re.compile(r'^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM|COPY)\s+"?(\w+)',
                           re.IGNORECASE)


def written_table(statement: str) -> str | None:
    match = _WRITE_TARGET.match(statement)
    return match.group(1) if match else None


def refusal_message(role: str | None, table: str | None) -> str:
    area = next((area for modules, area in _AREAS if table in model_tables(*modules)), None)
    if role == READONLY:
        message = _("Your role on the server is read-only: it may not change anything.")
    elif area == "register":
        message = _("Your role on the server may not change the register.")
    elif area == "grants":
        message = _("Your role on the server may not change grants.")
    elif area == "checklist":
        message = _("Your role on the server may not change the checklist.")
    elif area == "meetings":
        message = _("Your role on the server may not change meetings.")
    else:
        message = _("Your role on the server may not make this change.")
    return message + " " + _("Nothing was saved.")
