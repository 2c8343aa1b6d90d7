"""Agenda texts of the demo's meetings, in Finnish and Swedish."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.storage.models.enums import (
    ItemType,
)

# -- meeting contents --------------------------------------------------------------------


@dataclass(frozen=True)
class Topic:
    item_type: ItemType
    title: tuple[str, str]
    background: tuple[str, str]
    proposal: tuple[str, str]
    decision: tuple[str, str]


TOPICS: tuple[Topic, ...] = (
    Topic(
        ItemType.DECISION,
        ("Lausunto järjestöavustusten myöntämisperiaatteista",
         "Utlåtande om principerna för beviljande av organisationsbidrag"),
        ("Hyvinvointialue uudistaa järjestöavustusten myöntämisperiaatteet ensi vuoden hakua varten.",
         "Välfärdsområdet förnyar principerna för organisationsbidragen inför nästa års ansökningsomgång."),
        ("Kumppanuuspöytä antaa lausunnon ja esittää, että toiminta-avustukset myönnetään "
         "kaksivuotisina.",
         "Partnerskapsbordet ger ett utlåtande och föreslår att verksamhetsbidragen beviljas för två år."),
        ("Hyväksyttiin ehdotuksen mukaisesti.", "Godkändes enligt förslaget."),
    ),
    Topic(
        ItemType.DISCUSSION,
        ("Järjestölähtöisen toiminnan lista hyvinvointikertomukseen",
         "Förteckning över organisationsbaserad verksamhet i välfärdsberättelsen"),
        ("Hyvinvointikertomukseen laaditaan julkinen lista alueen järjestölähtöisestä toiminnasta.",
         "Till välfärdsberättelsen upprättas en offentlig förteckning över organisationsbaserad verksamhet."),
        ("Keskustellaan listan sisällöstä ja tiedon keräämisen tavasta.",
         "Diskussion om förteckningens innehåll och hur uppgifterna samlas in."),
        ("Keskusteltiin. Sihteeri kokoaa ehdotuksen seuraavaan kokoukseen.",
         "Diskuterades. Sekreteraren sammanställer ett förslag till nästa möte."),
    ),
    Topic(
        ItemType.DECISION,
        ("Järjestöstrategian valmistelu", "Beredningen av organisationsstrategin"),
        ("Hyvinvointialueen järjestöstrategia valmistellaan yhdessä järjestöjen kanssa.",
         "Välfärdsområdets organisationsstrategi bereds tillsammans med organisationerna."),
        ("Kumppanuuspöytä nimeää strategiatyöhön kolme edustajaa.",
         "Partnerskapsbordet utser tre representanter till strategiarbetet."),
        ("Strategiatyöhön nimettiin kolme edustajaa kumppanuuspöydän jäsenistä.",
         "Tre representanter bland partnerskapsbordets medlemmar utsågs till strategiarbetet."),
    ),
    Topic(
        ItemType.DISCUSSION,
        ("Maksuttomat tilat järjestöjen käyttöön", "Avgiftsfria lokaler för organisationerna"),
        ("Sote-keskusten kokoustiloja on tarkoitus avata järjestöjen maksuttomaan käyttöön.",
         "Mötesrummen i social- och hälsocentralerna ska öppnas för organisationerna avgiftsfritt."),
        ("Keskustellaan varauskäytännöistä ja tilatarpeista kunnittain.",
         "Diskussion om bokningsrutiner och lokalbehov kommunvis."),
        ("Keskusteltiin. Tilatarpeet kootaan kyselyllä.",
         "Diskuterades. Lokalbehoven kartläggs med en enkät."),
    ),
    Topic(
        ItemType.INFORMATION,
        ("Sähköinen alusta järjestötoimintaan ohjaamisessa",
         "Elektronisk plattform för att vägleda till organisationsverksamhet"),
        ("Palveluohjauksessa otetaan käyttöön Lähellä.fi-palvelu, johon järjestöt voivat viedä "
         "toimintansa.",
         "Servicehandledningen tar i bruk tjänsten Lähellä.fi, där organisationerna kan föra in sin "
         "verksamhet."),
        ("Merkitään tiedoksi.", "Antecknas för kännedom."),
        ("Merkittiin tiedoksi.", "Antecknades för kännedom."),
    ),
    Topic(
        ItemType.DECISION,
        ("Kumppanuuspöydän viestintäsuunnitelma", "Partnerskapsbordets kommunikationsplan"),
        ("Kumppanuuspöytä viestii toiminnastaan avoimesti sekä suomeksi että ruotsiksi.",
         "Partnerskapsbordet informerar öppet om sin verksamhet på både finska och svenska."),
        ("Hyväksytään viestintäsuunnitelma liitteen mukaisena.",
         "Kommunikationsplanen godkänns enligt bilagan."),
        ("Hyväksyttiin ehdotuksen mukaisesti.", "Godkändes enligt förslaget."),
    ),
    Topic(
        ItemType.DISCUSSION,
        ("Yhdyspintasopimus kuntien kanssa", "Gränsytsavtalet med kommunerna"),
        ("Hyvinvointialue ja kunnat sopivat rooleistaan järjestöjen tukemisessa.",
         "Välfärdsområdet och kommunerna avtalar om sina roller i stödet till organisationerna."),
        ("Kumppanuuspöytä esittää, että järjestöjen tukeminen kirjataan yhdyspintasopimukseen.",
         "Partnerskapsbordet föreslår att stödet till organisationerna skrivs in i gränsytsavtalet."),
        ("Kumppanuuspöytä yhtyi ehdotukseen.", "Partnerskapsbordet omfattade förslaget."),
    ),
    Topic(
        ItemType.WORKSHOP,
        ("Kokemustieto palveluiden kehittämisessä", "Erfarenhetskunskap i utvecklingen av tjänsterna"),
        ("Asukkaiden ja järjestöjen kokemustietoa halutaan hyödyntää palveluiden suunnittelussa.",
         "Invånarnas och organisationernas erfarenhetskunskap ska tas till vara i planeringen av tjänsterna."),
        ("Ryhmätyö: kolme tärkeintä keinoa perusteluineen.",
         "Grupparbete: de tre viktigaste sätten, med motiveringar."),
        ("Ryhmätöiden tulokset liitetään pöytäkirjaan.",
         "Resultaten av grupparbetena fogas till protokollet."),
    ),
    Topic(
        ItemType.INFORMATION,
        ("Vapaaehtoistoiminnan koordinointi", "Koordineringen av frivilligverksamheten"),
        ("Hyvinvointialue on nimennyt yhdyshenkilön vapaaehtoistoiminnan koordinointiin.",
         "Välfärdsområdet har utsett en kontaktperson för koordineringen av frivilligverksamheten."),
        ("Merkitään tiedoksi.", "Antecknas för kännedom."),
        ("Merkittiin tiedoksi.", "Antecknades för kännedom."),
    ),
    Topic(
        ItemType.DECISION,
        ("Järjestöareenan järjestäminen", "Organisationsarenan"),
        ("Järjestöareena kokoaa alueen järjestöt kahdesti vuodessa.",
         "Organisationsarenan samlar organisationerna i området två gånger om året."),
        ("Järjestöareena pidetään Vaasassa; teemana järjestöjen toimintaedellytykset.",
         "Organisationsarenan hålls i Vasa; temat är organisationernas verksamhetsförutsättningar."),
        ("Hyväksyttiin ehdotuksen mukaisesti.", "Godkändes enligt förslaget."),
    ),
    Topic(
        ItemType.INFORMATION,
        ("Katsaus hyvinvointialueen talousarvioon", "Översikt över välfärdsområdets budget"),
        ("Talousarvioesityksessä järjestöavustusten määräraha säilyy ennallaan.",
         "I budgetförslaget hålls anslaget för organisationsbidrag på samma nivå."),
        ("Merkitään tiedoksi.", "Antecknas för kännedom."),
        ("Merkittiin tiedoksi.", "Antecknades för kännedom."),
    ),
    Topic(
        ItemType.DECISION,
        ("Kumppanuuspöydän toimintasuunnitelma", "Partnerskapsbordets verksamhetsplan"),
        ("Kumppanuuspöytä laatii toimintasuunnitelman seuraavalle vuodelle.",
         "Partnerskapsbordet utarbetar en verksamhetsplan för nästa år."),
        ("Hyväksytään toimintasuunnitelma esityksen mukaisena.",
         "Verksamhetsplanen godkänns enligt förslaget."),
        ("Hyväksyttiin ehdotuksen mukaisesti.", "Godkändes enligt förslaget."),
    ),
)


def _text(pair: tuple[str, str], language: str, joiner: str = "\n\n") -> str:
    return pair[0] if language == "fi" else joiner.join(pair)


def _standard_items(language: str, past: bool, checkers: list[str], chair: str) -> list[dict]:
    items: list[dict[str, object]] = [
        {
            "standard_key": "opening",
            "title": _text(("Kokouksen avaus", "Mötets öppnande"), language, " / "),
            "item_type": ItemType.INFORMATION,
            "presenter": chair,
            "decision": _text(("Puheenjohtaja avasi kokouksen klo 13.00.",
                               "Ordföranden öppnade mötet kl. 13.00."), language) if past else "",
        },
        {
            "standard_key": "legality",
            "title": _text(("Laillisuus ja päätösvaltaisuus", "Laglighet och beslutförhet"), language, " / "),
            "proposal": _text(("Todetaan kokous laillisesti koolle kutsutuksi ja päätösvaltaiseksi.",
                               "Mötet konstateras vara lagligen sammankallat och beslutfört."), language),
            "decision": _text(("Kokous todettiin laillisesti koolle kutsutuksi ja päätösvaltaiseksi.",
                               "Mötet konstaterades vara lagligen sammankallat och beslutfört."),
                              language) if past else "",
        },
        {
            "standard_key": "minute_checkers",
            "title": _text(("Pöytäkirjantarkastajien valinta", "Val av protokolljusterare"), language, " / "),
            "proposal": _text(("Valitaan kaksi pöytäkirjantarkastajaa.",
                               "Två protokolljusterare väljs."), language),
            "decision": _text((f"Pöytäkirjantarkastajiksi valittiin {checkers[0]} ja {checkers[1]}.",
                               f"Till protokolljusterare valdes {checkers[0]} och {checkers[1]}."),
                              language) if past else "",
        },
        {
            "standard_key": "agenda",
            "title": _text(("Esityslistan hyväksyminen", "Godkännande av föredragningslistan"), language, " / "),
            "proposal": _text(("Hyväksytään esityslista kokouksen työjärjestykseksi.",
                               "Föredragningslistan godkänns som arbetsordning för mötet."), language),
            "decision": _text(("Esityslista hyväksyttiin kokouksen työjärjestykseksi.",
                               "Föredragningslistan godkändes som arbetsordning för mötet."),
                              language) if past else "",
        },
    ]
    for item in items:
        item.setdefault("item_type", ItemType.DECISION)
        item["minutes_allotted"] = None if past else 5
    return items


def _topic_item(topic: Topic, language: str, past: bool, presenter: str) -> dict:
    return {
        "title": _text(topic.title, language, " / "),
        "item_type": topic.item_type,
        "presenter": presenter,
        "background": _text(topic.background, language),
        "proposal": _text(topic.proposal, language),
        "decision": _text(topic.decision, language) if past else "",
        "minutes_allotted": None if past else 30,
    }


def _closing_items(language: str, past: bool, secretary: str) -> list[dict]:
    return [
        {
            "standard_key": "information",
            "title": _text(("Ilmoitusasiat", "Anmälningsärenden"), language, " / "),
            "item_type": ItemType.INFORMATION,
            "presenter": secretary,
            "proposal": _text(("Merkitään tiedoksi.", "Antecknas för kännedom."), language),
            "decision": _text(("Merkittiin tiedoksi.", "Antecknades för kännedom."), language)
            if past
            else "",
            "minutes_allotted": None if past else 10,
        },
        {
            "standard_key": "other_business",
            "title": _text(("Muut asiat", "Övriga ärenden"), language, " / "),
            "item_type": ItemType.DISCUSSION,
            "decision": _text(("Ei muita asioita.", "Inga övriga ärenden."), language) if past else "",
            "minutes_allotted": None if past else 5,
        },
        {
            "standard_key": "closing",
            "title": _text(("Kokouksen päättäminen", "Mötets avslutande"), language, " / "),
            "item_type": ItemType.INFORMATION,
            "decision": _text(("Puheenjohtaja päätti kokouksen klo 15.25.",
                               "Ordföranden avslutade mötet kl. 15.25."), language) if past else "",
            "minutes_allotted": None if past else 5,
        },
    ]
