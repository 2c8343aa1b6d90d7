"""Reading a bundle without trusting it: everything is checked before the database is touched.

In order: decryption (when encrypted), the zip's structure, member names (nothing absolute, no
``..``, nothing unexpected), sizes and compression ratios (a zip bomb is refused before it is
unpacked), the manifest and the data version, each member's SHA-256, and the shape and type of
every value by its column. Any failure raises one ``BundleError`` subclass with its own message.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from desktop.errors import KnownError
from desktop.i18n import _
from desktop.storage import migrate
from desktop.storage.field_clocks import BASE_FIELD, is_clock
from desktop.sync import bundle as fmt
from desktop.sync import crypto
from desktop.sync.codec import ATTACHMENT_KEY, TableSpec, table_specs
from desktop.sync.errors import (
    ChecksumMismatchError,
    DamagedBundleError,
    EncryptedBundleError,
    MalformedBundleError,
    NewerBundleError,
    NotABundleError,
    OversizedBundleError,
    UnexpectedMemberError,
    UnsafeMemberError,
    UnsupportedBundleError,
    ZipBombError,
)


@dataclass(frozen=True)
class Limits:
    """How much a bundle may hold. The defaults fit a county's register many times over."""

    max_file_bytes: int = 1 << 30
    max_total_bytes: int = 4 << 30
    max_members: int = 200_000
    # Real JSON Lines pack 5-20 times; a zip bomb packs a thousand times or more.
    max_ratio: int = 200
    ratio_floor: int = 1 << 20  # smaller members are not judged by their ratio
    max_manifest_bytes: int = 4 << 20


LIMITS = Limits()

_TABLE_MEMBER = re.compile(r"changes/([a-z][a-z0-9_]{0,63})\.jsonl")
_ATTACHMENT_MEMBER = re.compile(r"attachments/([0-9a-f]{64})")
_SHA256 = re.compile(r"[0-9a-f]{64}")
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_REPLICA = re.compile(r"[0-9A-Za-z_.-]{1,32}")
_SCHEMA = re.compile(r"\d{4}")
_RECORD_KEYS = {"id", "values", "clocks"}
_RESOLUTION_KEYS = {"table", "record", "field", "clocks", "resolution", "resolved_at", "by"}


@dataclass(slots=True)
class IncomingRecord:
    """One record as the bundle carries it: JSON values and ``field -> [clock, prev]``."""

    id: str
    values: dict[str, Any]
    clocks: dict[str, list[str]]

    def clock(self, name: str) -> list[str]:
        return self.clocks.get(name) or self.clocks[BASE_FIELD]


@dataclass(slots=True)
class RawRecord:
    """A checked line of ``changes/<table>.jsonl``, kept as text until it is merged (a large
    bundle's parsed records would take far more memory than its lines)."""

    id: str
    line: str
    deleted: bool
    complete: bool  # it carries every field of this copy's table
    exact: bool = False  # read with ``json`` alone (see ``_decoder``)

    def obj(self) -> dict[str, Any]:
        """The line parsed again, as it was checked."""
        return (_DECODER.decode if self.exact else _decode)(self.line)

    def parse(self) -> IncomingRecord:
        obj = self.obj()
        return IncomingRecord(self.id, obj["values"], obj["clocks"])


@dataclass(frozen=True)
class Resolution:
    """A conflict the sender resolved; the same pair of clocks here is closed too."""

    table: str
    record_id: str
    field: str
    clocks: frozenset[str]
    resolution: str
    by: str


@dataclass
class Bundle:
    name: str
    manifest: fmt.Manifest
    records: dict[str, list[RawRecord]]  # in the tables' dependency order
    attachments: dict[str, bytes] = field(default_factory=dict)
    resolutions: list[Resolution] = field(default_factory=list)
    encrypted: bool = False
    # (table, column) -> the values the records refer to there (foreign keys).
    references: dict[tuple[str, str], set[Any]] = field(default_factory=dict)
    newest_clock: str = ""  # the newest clock of any field the bundle carries

    @property
    def record_count(self) -> int:
        return sum(len(records) for records in self.records.values())

    def max_clock(self) -> str:
        """The newest clock the bundle carries (its sender's stamp included)."""
        to = self.manifest.clock_to if is_clock(self.manifest.clock_to) else ""
        return max(self.newest_clock, to)


def read_bundle(path: Path, passphrase: str | None = None, limits: Limits = LIMITS) -> Bundle:
    """The checked contents of the bundle at ``path``; raises a ``BundleError`` if refused."""
    path = Path(path)
    name = path.name
    try:
        size = path.stat().st_size
        if size > limits.max_file_bytes:
            raise OversizedBundleError(name, limits.max_file_bytes >> 20)
        data = path.read_bytes()
    except OSError as exc:
        raise KnownError(_("Cannot read {path}: {reason}").format(
            path=path, reason=exc.strerror or exc)) from exc
    return parse_bundle(data, name, passphrase, limits)


def parse_bundle(data: bytes, name: str, passphrase: str | None = None,
                 limits: Limits = LIMITS) -> Bundle:
    encrypted = crypto.is_encrypted(data)
    if encrypted:
        if not passphrase:
            raise EncryptedBundleError(name)
        data = crypto.decrypt(data, passphrase, name)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        # A zip's local header without a readable central directory: the end is missing.
        if data.startswith(b"PK\x03\x04"):
            raise DamagedBundleError(name) from exc
        raise NotABundleError(name) from exc
    with archive:
        infos = _check_members(archive, name, limits)
        manifest = _read_manifest(archive, infos, name, limits)
        return _read_contents(archive, infos, manifest, name, encrypted)


def _check_members(archive: zipfile.ZipFile, name: str, limits: Limits) -> dict[str, zipfile.ZipInfo]:
    infos: dict[str, zipfile.ZipInfo] = {}
    total = 0
    entries = archive.infolist()
    if len(entries) > limits.max_members:
        raise OversizedBundleError(name, limits.max_total_bytes >> 20)
    for info in entries:
        member = info.filename
        parts = member.replace("\\", "/").split("/")
        if member.startswith(("/", "\\")) or ".." in parts or ":" in member or "\x00" in member:
            raise UnsafeMemberError(name, member)
        expected = (
            member in (fmt.MANIFEST, fmt.RESOLUTIONS)
            or _TABLE_MEMBER.fullmatch(member)
            or _ATTACHMENT_MEMBER.fullmatch(member)
        )
        if not expected or member in infos or info.flag_bits & 0x1 \
                or info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise UnexpectedMemberError(name, member)
        total += info.file_size
        if total > limits.max_total_bytes:
            raise OversizedBundleError(name, limits.max_total_bytes >> 20)
        if info.file_size > limits.ratio_floor and \
                info.file_size > limits.max_ratio * max(info.compress_size, 1):
            raise ZipBombError(name, member)
        infos[member] = info
    if fmt.MANIFEST not in infos:
        raise NotABundleError(name)
    return infos


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> bytes:
    # zipfile stops at the declared size and checks the CRC, so a member cannot unpack to
    # more than the sizes judged above.
    try:
        with archive.open(info) as fp:
            data = fp.read(info.file_size + 1)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as exc:
        raise DamagedBundleError(name) from exc
    if len(data) != info.file_size:
        raise DamagedBundleError(name)
    return data


def _read_manifest(archive: zipfile.ZipFile, infos: dict[str, zipfile.ZipInfo], name: str,
                   limits: Limits) -> fmt.Manifest:
    info = infos[fmt.MANIFEST]
    if info.file_size > limits.max_manifest_bytes:
        raise OversizedBundleError(name, limits.max_manifest_bytes >> 20)
    bad = MalformedBundleError(name, fmt.MANIFEST, _("the manifest is not valid"))
    try:
        raw = json.loads(_read_member(archive, info, name).decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise bad from exc
    if not isinstance(raw, dict) or raw.get("format") != fmt.FORMAT:
        raise NotABundleError(name)
    version = raw.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise bad
    if version > fmt.FORMAT_VERSION:
        raise NewerBundleError(name, f"{fmt.FORMAT} {version}")
    if version < fmt.OLDEST_FORMAT_VERSION:
        raise UnsupportedBundleError(name, f"{fmt.FORMAT} {version}")
    schema = raw.get("schema_version")
    if not isinstance(schema, str) or not _SCHEMA.fullmatch(schema):
        raise bad
    known = migrate.known_revisions()
    if schema not in known:
        if schema > known[-1]:
            raise NewerBundleError(name, schema)
        raise UnsupportedBundleError(name, schema)
    try:
        sender, clock_range = raw["sender"], raw["clock_range"]
        manifest = fmt.Manifest(
            kind=raw["kind"],
            sender_replica=sender["replica_id"],
            sender_name=sender["name"],
            schema_version=schema,
            created_at=raw["created_at"],
            clock_from=clock_range["from"],
            clock_to=clock_range["to"],
            acknowledges=raw["acknowledges"],
            tables=raw["tables"],
            members={
                member: fmt.Member(entry["sha256"], entry["size"])
                for member, entry in raw["members"].items()
            },
            format_version=version,
        )
    except (KeyError, TypeError, AttributeError) as exc:
        raise bad from exc
    valid = (
        manifest.kind in (fmt.KIND_FULL, fmt.KIND_DELTA)
        and isinstance(manifest.sender_replica, str)
        and _REPLICA.fullmatch(manifest.sender_replica) is not None
        and isinstance(manifest.sender_name, str) and len(manifest.sender_name) <= 200
        and isinstance(manifest.created_at, str)
        and isinstance(manifest.clock_from, str) and len(manifest.clock_from) <= 64
        and isinstance(manifest.clock_to, str) and len(manifest.clock_to) <= 64
        and isinstance(manifest.acknowledges, dict)
        and all(isinstance(k, str) and isinstance(v, str) and len(v) <= 64
                for k, v in manifest.acknowledges.items())
        and isinstance(manifest.tables, dict)
        and all(isinstance(k, str) and _is_int(v) for k, v in manifest.tables.items())
        and all(isinstance(m.sha256, str) and _SHA256.fullmatch(m.sha256) and _is_int(m.size)
                for m in manifest.members.values())
    )
    if not valid:
        raise bad
    listed, present = set(manifest.members), set(infos) - {fmt.MANIFEST}
    for member in sorted(present - listed):
        raise UnexpectedMemberError(name, member)
    if listed - present:
        raise DamagedBundleError(name)
    return manifest


def _read_contents(archive: zipfile.ZipFile, infos: dict[str, zipfile.ZipInfo],
                   manifest: fmt.Manifest, name: str, encrypted: bool) -> Bundle:
    contents: dict[str, bytes] = {}
    for member, listed in sorted(manifest.members.items()):
        data = _read_member(archive, infos[member], name)
        if len(data) != listed.size or hashlib.sha256(data).hexdigest() != listed.sha256:
            raise ChecksumMismatchError(name, member)
        contents[member] = data
    attachments = {}
    for member in list(contents):
        found = _ATTACHMENT_MEMBER.fullmatch(member)
        if found:
            if manifest.members[member].sha256 != found.group(1):
                raise ChecksumMismatchError(name, member)
            attachments[found.group(1)] = contents.pop(member)
    specs = table_specs()
    for member in contents:
        found = _TABLE_MEMBER.fullmatch(member)
        if found and found.group(1) not in specs:
            raise MalformedBundleError(name, member, _("unknown table '{table}'").format(
                table=found.group(1)))
    result = Bundle(name, manifest, {}, attachments, encrypted=encrypted)
    for table, spec in specs.items():
        member = fmt.changes_member(table)
        if member in contents:
            records = _parse_records(contents.pop(member), spec, member, result)
            if manifest.tables.get(table, len(records)) != len(records):
                raise MalformedBundleError(name, member, _(
                    "the number of records does not match the manifest"))
            result.records[table] = records
    if fmt.RESOLUTIONS in contents:
        result.resolutions = _parse_resolutions(contents.pop(fmt.RESOLUTIONS), specs, name)
    return result


def _lines(data: bytes, member: str, name: str, exact: bool) -> Iterator[tuple[int, str, Any]]:
    """The lines of a member with their numbers and parsed values; ``exact``: read them with
    ``json`` alone (see ``long_numbers``)."""
    decode = _DECODER.decode if exact else _decode
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise MalformedBundleError(name, member, _("not valid UTF-8 text")) from exc
    del data
    # JSON escapes newlines inside strings, so a newline always ends a record.
    lines = text.split("\n")
    del text
    for number, line in enumerate(lines, start=1):
        if not line:
            continue
        try:
            obj = decode(line)
        except (json.JSONDecodeError, ValueError) as exc:
            raise MalformedBundleError(name, _where(member, number), _("not valid JSON")) from exc
        yield number, line, obj


def _no_constant(text: str) -> Any:
    raise ValueError(f"{text} is not JSON")  # NaN and Infinity: Python's extension, not JSON


_DECODER = json.JSONDecoder(parse_constant=_no_constant)
# orjson reads a line several times quicker than json and to the same values, but for
# integers past 64 bits, which it reads as floats: text with a run of 19 digits is read by
# json alone. What orjson refuses (a lone surrogate, a number too large for a float) json
# reads or refuses as it always has.
_DIGITS_AS_ZERO = bytes.maketrans(b"0123456789", b"0" * 10)
_LONG_NUMBER = b"0" * 19
_SLICE = 1 << 23


def long_numbers(data: bytes) -> bool:
    """Has ``data`` a run of 19 digits? (A regular expression takes ten times as long.)"""
    overlap = len(_LONG_NUMBER) - 1
    return any(_LONG_NUMBER in data[start:start + _SLICE + overlap].translate(_DIGITS_AS_ZERO)
               for start in range(0, len(data), _SLICE))


def _decode(line: str) -> Any:
    try:
        return orjson.loads(line)
    except orjson.JSONDecodeError:
        return _DECODER.decode(line)
# The usual form of a clock (ASCII digits); anything else is judged by ``is_clock`` itself.
_USUAL_CLOCK = re.compile(r"[0-9]{15}-[0-9]{5}-.", re.DOTALL).match


def _is_clock(text: Any) -> bool:
    return type(text) is str and (_USUAL_CLOCK(text) is not None or is_clock(text))


def _is_clock_pair(pair: Any) -> bool:
    return (type(pair) is list and len(pair) == 2 and _is_clock(pair[0])
            and type(pair[1]) is str and (not pair[1] or _is_clock(pair[1])))


# Per kind of column: the JSON types a value may have (None: any) and a further check.
_ANY = None
_RULES: dict[str, tuple[tuple[type, ...] | None, bool]] = {
    "str": ((str,), False),
    "bool": ((bool,), False),
    "int": ((int,), True),  # in range
    "number": ((int, float), False),
    "uuid": ((str,), True),
    "datetime": ((str,), True),
    "date": ((str,), True),
    "time": ((str,), True),
    "json": (_ANY, False),
    "binary": ((dict,), True),
}


def _rules(spec: TableSpec) -> dict[str, tuple[tuple[type, ...] | None, bool, Any]]:
    """field -> (the JSON types its values may have or None, nullable, a further check or
    None): the codecs' checks, with the type test that settles most values done inline."""
    rules = {}
    for name, codec in spec.fields.items():
        types, further = _RULES[codec.kind]
        rules[name] = (types, codec.nullable, codec.check if further else None)
    return rules


def _where(member: str, line: int) -> str:
    return _("{member}, line {line}").format(member=member, line=line)


def _parse_records(data: bytes, spec: TableSpec, member: str,
                   bundle: Bundle) -> list[RawRecord]:
    name, attachments = bundle.name, bundle.attachments
    fields = spec.fields
    required = [n for n, codec in fields.items() if codec.required]
    attachment_fields = [n for n, codec in fields.items() if codec.attachment]
    references = [(r.column, bundle.references.setdefault((r.target, r.target_column), set()))
                  for r in spec.references]
    seen: set[str] = set()
    records = []
    newest = bundle.newest_clock
    def refuse(reason: str, number: int) -> MalformedBundleError:
        return MalformedBundleError(name, _where(member, number), reason)

    rules = _rules(spec)
    shapes: dict[tuple[tuple[str, ...], tuple[type, ...]], tuple[tuple[str, Any], ...]] = {}
    field_count = len(fields)
    exact = long_numbers(data)
    for number, line, obj in _lines(data, member, name, exact):
        if type(obj) is not dict or obj.keys() != _RECORD_KEYS:
            raise refuse(_("not a record of the expected shape"), number)
        record_id, values, clocks = obj["id"], obj["values"], obj["clocks"]
        if type(record_id) is not str or not _UUID.fullmatch(record_id):
            raise refuse(_("the id is not a UUID"), number)
        if record_id in seen:
            raise refuse(_("the same record appears twice"), number)
        seen.add(record_id)
        if type(values) is not dict or type(clocks) is not dict:
            raise refuse(_("not a record of the expected shape"), number)
        # Records of one shape (the same fields with values of the same JSON types) pass or
        # fail the same checks but the further ones, which look at the values themselves.
        shape = (tuple(values), tuple(map(type, values.values())))
        further_checks = shapes.get(shape)
        if further_checks is None:
            for key, value in values.items():
                rule = rules.get(key)
                if rule is None:
                    raise refuse(_("unknown field '{field}'").format(field=key), number)
                types, nullable, further = rule
                if value is None:
                    if nullable:
                        continue
                elif (types is None or type(value) in types) and (further is None or further(value)):
                    continue
                raise refuse(_("field '{field}' has a value of the wrong type").format(field=key),
                             number)
            shapes[shape] = tuple((key, rules[key][2]) for key, value in values.items()
                                  if value is not None and rules[key][2] is not None)
        else:
            for key, further in further_checks:
                if not further(values[key]):
                    raise refuse(_("field '{field}' has a value of the wrong type").format(
                        field=key), number)
        complete = len(values) == field_count  # every key is a field: every field is there
        if not complete:
            for key in required:
                if key not in values:
                    raise refuse(_("field '{field}' is missing").format(field=key), number)
        for key in attachment_fields:
            value = values.get(key)
            if value is not None and value[ATTACHMENT_KEY] not in attachments:
                raise refuse(_("it refers to an attachment that the file does not contain"), number)
        if BASE_FIELD not in clocks:
            raise refuse(_("a clock is missing or not valid"), number)
        for key, pair in clocks.items():
            if (key != BASE_FIELD and key not in fields) or not _is_clock_pair(pair):
                raise refuse(_("a clock is missing or not valid"), number)
            if pair[0] > newest:
                newest = pair[0]
        for column, wanted in references:
            value = values.get(column)
            if value is not None:
                wanted.add(value)
        records.append(RawRecord(record_id, line, values.get("deleted") is True, complete, exact))
    bundle.newest_clock = newest
    return records


def _parse_resolutions(data: bytes, specs: dict[str, TableSpec], name: str) -> list[Resolution]:
    result = []
    for number, _line, obj in _lines(data, fmt.RESOLUTIONS, name, long_numbers(data)):
        ok = (
            type(obj) is dict and obj.keys() == _RESOLUTION_KEYS
            and isinstance(obj["table"], str) and obj["table"] in specs
            and isinstance(obj["field"], str) and isinstance(obj["record"], str)
            and _UUID.fullmatch(obj["record"]) is not None
            and obj["field"] in specs[obj["table"]].fields
            and type(obj["clocks"]) is list and len(obj["clocks"]) == 2
            and all(isinstance(c, str) and is_clock(c) for c in obj["clocks"])
            and isinstance(obj["resolution"], str) and len(obj["resolution"]) <= 16
            and isinstance(obj["resolved_at"], str) and isinstance(obj["by"], str)
        )
        if not ok:
            raise MalformedBundleError(name, _where(fmt.RESOLUTIONS, number),
                                       _("not a record of the expected shape"))
        result.append(Resolution(obj["table"], obj["record"], obj["field"],
                                 frozenset(obj["clocks"]), obj["resolution"], obj["by"][:200]))
    return result


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)
