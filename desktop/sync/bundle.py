"""The ``.kumppani`` bundle: a zip of a manifest, changes as JSON Lines per table, attachments.

The format is documented for other programs in docs/sync-format.md; this module writes it and
names its parts. Reading is ``validate``'s job, which trusts nothing in the file.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import IO, Any

FORMAT = "kumppani-sync"
FORMAT_VERSION = 1
# The oldest format this version still reads.
OLDEST_FORMAT_VERSION = 1
SUFFIX = ".kumppani"

MANIFEST = "manifest.json"
CHANGES_PREFIX = "changes/"
CHANGES_SUFFIX = ".jsonl"
ATTACHMENTS_PREFIX = "attachments/"
RESOLUTIONS = "resolutions.jsonl"

KIND_FULL = "full"
KIND_DELTA = "delta"

# JSON Lines are written in chunks of this many bytes: one zip write per line is slow.
_CHUNK = 1 << 20


def changes_member(table: str) -> str:
    return f"{CHANGES_PREFIX}{table}{CHANGES_SUFFIX}"


def attachment_member(sha256: str) -> str:
    return f"{ATTACHMENTS_PREFIX}{sha256}"


def dumps(value: Any) -> str:
    """One JSON text as the bundle writes it: UTF-8 as is, no spaces."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


@dataclass(frozen=True)
class Member:
    sha256: str
    size: int


@dataclass
class Manifest:
    """What a bundle says about itself (``manifest.json``)."""

    kind: str
    sender_replica: str
    sender_name: str
    schema_version: str
    created_at: str
    clock_from: str
    clock_to: str
    acknowledges: dict[str, str] = field(default_factory=dict)
    tables: dict[str, int] = field(default_factory=dict)
    members: dict[str, Member] = field(default_factory=dict)
    format_version: int = FORMAT_VERSION

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "format_version": self.format_version,
            "kind": self.kind,
            "sender": {"replica_id": self.sender_replica, "name": self.sender_name},
            "schema_version": self.schema_version,
            "created_at": self.created_at,
            "clock_range": {"from": self.clock_from, "to": self.clock_to},
            "acknowledges": self.acknowledges,
            "tables": self.tables,
            "members": {
                name: {"sha256": member.sha256, "size": member.size}
                for name, member in sorted(self.members.items())
            },
        }


class BundleWriter:
    """Writes the members one by one, hashing as it goes; ``finish`` adds the manifest."""

    # Level 1 packs JSON Lines about 6 times, level 6 about 7 times at a third of the speed:
    # the register's full export is worth the speed.
    def __init__(self, target: IO[bytes], compresslevel: int = 1) -> None:
        self._zip = zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=compresslevel)
        self.members: dict[str, Member] = {}

    def add_lines(self, member: str, lines: Iterable[str]) -> int:
        """Write JSON Lines (each line without its newline); returns how many."""
        digest, size, count = hashlib.sha256(), 0, 0
        parts: list[str] = []
        pending = 0
        with self._zip.open(member, "w", force_zip64=True) as out:

            def flush() -> None:
                nonlocal size
                data = "".join(parts).encode("utf-8")
                digest.update(data)
                out.write(data)
                size += len(data)
                parts.clear()

            for line in lines:
                parts.append(line)
                parts.append("\n")
                pending += len(line) + 1
                count += 1
                if pending >= _CHUNK:
                    flush()
                    pending = 0
            flush()
        self.members[member] = Member(digest.hexdigest(), size)
        return count

    def add_bytes(self, member: str, data: bytes) -> None:
        self._zip.writestr(member, data)
        self.members[member] = Member(hashlib.sha256(data).hexdigest(), len(data))

    def finish(self, manifest: Manifest) -> None:
        manifest.members = dict(self.members)
        self._zip.writestr(MANIFEST, json.dumps(manifest.to_json(), ensure_ascii=False, indent=1))
        self._zip.close()
