"""The demo county's municipalities, villages and areas."""

from __future__ import annotations

from dataclasses import dataclass

# -- places ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Village:
    fi: str | None  # Finnish genitive, as in "Koivulahden kyläyhdistys"
    sv: str | None  # Swedish name, as in "Kvevlax byaförening"
    district: bool = False  # a part of a town: residents' association, not village association


@dataclass(frozen=True)
class Place:
    code: str
    fi: str  # nominative
    fi_gen: str  # genitive, the attributive form in names
    sv: str
    sv_share: float  # rough share of Swedish speakers
    weight: int  # how many organisations, relative
    postcode: str
    area: str  # vaasa, jakobstad or suupohja: the neighbourhood for "active in"
    villages: tuple[Village, ...] = ()

    @property
    def sv_attr(self) -> str:
        """The Swedish attributive form: "Vasa IFK", but "Korsholms pensionärer"."""
        return self.sv + "s" if self.sv.endswith(("m", "d")) else self.sv


PLACES: tuple[Place, ...] = (
    Place("905", "Vaasa", "Vaasan", "Vasa", 0.23, 30, "65100", "vaasa", (
        Village("Palosaaren", "Brändö", True), Village("Ristinummen", None, True),
        Village("Huutoniemen", None, True), Village("Vähänkyrön", None),
        Village("Sundominkylän", "Sundom"),
    )),
    Place("499", "Mustasaari", "Mustasaaren", "Korsholm", 0.68, 9, "65610", "vaasa", (
        Village("Koivulahden", "Kvevlax"), Village("Raippaluodon", "Replot"),
        Village("Sulvan", "Solf"), Village(None, "Björköby"), Village(None, "Karperö"),
    )),
    Place("598", "Pietarsaari", "Pietarsaaren", "Jakobstad", 0.55, 9, "68600", "jakobstad", (
        Village(None, "Skata", True), Village("Alholman", "Alholmen", True),
    )),
    Place("599", "Pedersöre", "Pedersören", "Pedersöre", 0.89, 5, "68820", "jakobstad", (
        Village("Ähtävän", "Esse"), Village(None, "Purmo"), Village(None, "Lepplax"),
        Village(None, "Kållby"),
    )),
    Place("545", "Närpiö", "Närpiön", "Närpes", 0.9, 5, "64200", "suupohja", (
        Village(None, "Övermark"), Village(None, "Pörtom"), Village(None, "Yttermark"),
    )),
    Place("399", "Laihia", "Laihian", "Laihela", 0.01, 4, "66400", "vaasa", (
        Village("Jakkulan", None), Village("Kylänpään", None), Village("Perkiön", None),
    )),
    Place("893", "Uusikaarlepyy", "Uudenkaarlepyyn", "Nykarleby", 0.86, 4, "66900", "jakobstad", (
        Village("Jepuan", "Jeppo"), Village(None, "Munsala"), Village(None, "Socklot"),
    )),
    Place("288", "Kruunupyy", "Kruunupyyn", "Kronoby", 0.83, 3, "68500", "jakobstad", (
        Village("Teerijärven", "Terjärv"), Village("Alavetelin", "Nedervetil"),
        Village(None, "Påras"),
    )),
    Place("946", "Vöyri", "Vöyrin", "Vörå", 0.8, 3, "66600", "vaasa", (
        Village("Oravaisten", "Oravais"), Village("Maksamaan", "Maxmo"), Village(None, "Rejpelt"),
    )),
    Place("287", "Kristiinankaupunki", "Kristiinankaupungin", "Kristinestad", 0.55, 3, "64100",
          "suupohja", (
        Village("Lapväärtin", "Lappfjärd"), Village("Tiukan", "Tjöck"),
        Village("Siipyyn", "Sideby"), Village(None, "Dagsmark"),
    )),
    Place("475", "Maalahti", "Maalahden", "Malax", 0.87, 3, "66100", "vaasa", (
        Village(None, "Petalax"), Village(None, "Bergö"), Village(None, "Övermalax"),
    )),
    Place("440", "Luoto", "Luodon", "Larsmo", 0.92, 3, "68570", "jakobstad", (
        Village(None, "Bosund"), Village(None, "Eugmo"), Village(None, "Holm"),
    )),
    Place("280", "Korsnäs", "Korsnäsin", "Korsnäs", 0.97, 1, "66200", "suupohja", (
        Village(None, "Molpe"), Village(None, "Harrström"), Village(None, "Taklax"),
    )),
    Place("231", "Kaskinen", "Kaskisten", "Kaskö", 0.3, 1, "64260", "suupohja"),
)
PLACE = {place.code: place for place in PLACES}
MUNICIPALITY_CODES = tuple(sorted(PLACE))


@dataclass(frozen=True)
class Region:
    fi: str  # attributive: "Vaasan Seudun Mielenterveysseura"
    sv: str  # attributive: "Vasanejdens mentalvårdsförening"
    sv_in: str  # "Minnesföreningen i Österbotten"
    home: str
    codes: tuple[str, ...]
    sv_share: float
    weight: int


def _area(name: str) -> tuple[str, ...]:
    return tuple(p.code for p in PLACES if p.area == name)


REGIONS: tuple[Region, ...] = (
    Region("Pohjanmaan", "Österbottens", "i Österbotten", "905", MUNICIPALITY_CODES, 0.5, 5),
    Region("Vaasan Seudun", "Vasanejdens", "i Vasanejden", "905", _area("vaasa"), 0.4, 4),
    Region("Pietarsaaren Seudun", "Jakobstadsnejdens", "i Jakobstadsnejden", "598",
           _area("jakobstad"), 0.7, 2),
    Region("Suupohjan", "Sydösterbottens", "i Sydösterbotten", "545", _area("suupohja"), 0.75, 2),
)
