"""Organisations and calls for the grant tests, written through the real store."""

from __future__ import annotations

import uuid

from desktop.storage.models import Organisation
from desktop.storage.store import Store

VAASA, MUSTASAARI, PIETARSAARI = "905", "499", "598"


def organisation(store: Store, name: str = "Vaasan Seniorit ry", domicile: str | None = VAASA,
                 sectors: list[str] | None = None, languages: list[str] | None = None,
                 **fields: object) -> uuid.UUID:
    made: list[uuid.UUID] = []

    def apply(session) -> None:
        org = Organisation(name_fi=name, domicile_code=domicile, sectors=sectors or [],
                           languages=languages or ["fi"], active_municipalities=[domicile] if domicile else [],
                           **fields)
        session.add(org)
        session.flush()
        made.append(org.id)

    store.run("add organisation", apply)
    return made[0]
