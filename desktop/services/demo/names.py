"""Names of the demo's organisations and people, in Finnish and Swedish."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.storage.models.enums import (
    OrganisationForm,
    Sector,
)

# -- organisation names -----------------------------------------------------------------


@dataclass(frozen=True)
class Family:
    """A kind of organisation: its sector, where it works and how its names are composed.

    In the patterns ``{fi}`` is the Finnish attributive form of the place ("Vaasan",
    "Pohjanmaan"), ``{fi_nom}`` the nominative, ``{sv}`` the Swedish attributive form ("Vasa",
    "Österbottens") and ``{sv_in}`` the Swedish locative ("i Vasa", "i Österbotten").
    """

    sector: Sector
    scope: str  # region, town or village
    fi: str | None
    sv: str | None
    weight: int = 1
    form: OrganisationForm = OrganisationForm.REGISTERED_ASSOCIATION
    only: tuple[str, ...] = ()  # municipality codes, if it exists only in some


S = Sector
F = OrganisationForm
FAMILIES: tuple[Family, ...] = (
    Family(S.SOCIAL_HEALTH, "region", "{fi} Mielenterveysseura ry", "{sv} mentalvårdsförening rf", 2),
    Family(S.SOCIAL_HEALTH, "town", "{fi} Omaishoitajat ry", "Närståendevårdarna {sv_in} rf", 3),
    Family(S.SOCIAL_HEALTH, "region", "{fi} Muistiyhdistys ry", "Minnesföreningen {sv_in} rf"),
    Family(S.SOCIAL_HEALTH, "town", "MLL:n {fi} yhdistys ry", None, 2),
    Family(S.SOCIAL_HEALTH, "town", None, "Folkhälsan {sv_in} rf", 4),
    Family(S.SOCIAL_HEALTH, "town", "{fi} A-kilta ry", None),
    Family(S.SOCIAL_HEALTH, "region", "{fi} Vapaaehtoiskeskus ry", "Frivilligcentralen {sv_in} rf"),
    Family(S.SOCIAL_HEALTH, "region", "{fi} Omaiset mielenterveystyön tukena ry",
           "Anhöriga till personer med psykisk ohälsa {sv_in} rf"),
    Family(S.PENSIONERS, "town", "{fi} Eläkkeensaajat ry", None, 3),
    Family(S.PENSIONERS, "town", "{fi} Eläkeläiset ry", "{sv} pensionärer rf", 4),
    Family(S.PENSIONERS, "village", "{fi} Seniorit ry", "{sv} seniorer rf", 2),
    Family(S.SPORTS, "town", "{fi} Urheilijat ry", None, 2),
    Family(S.SPORTS, "town", "{fi} Palloseura ry", None),
    Family(S.SPORTS, "town", None, "{sv} IFK rf", 2),
    Family(S.SPORTS, "town", None, "{sv} skidklubb rf"),
    Family(S.SPORTS, "town", "{fi} Voimistelijat ry", "{sv} gymnastikförening rf"),
    Family(S.SPORTS, "town", "{fi} Uimaseura ry", "{sv} simsällskap rf"),
    Family(S.SPORTS, "town", "{fi} Ratsastajat ry", "{sv} ryttarförening rf"),
    Family(S.SPORTS, "village", None, "{sv} idrottsförening rf", 2),
    Family(S.YOUTH, "village", "{fi} Nuorisoseura ry", "{sv} ungdomsförening rf", 5),
    Family(S.YOUTH, "town", "{fi} 4H-yhdistys ry", "{sv} 4H rf", 2),
    Family(S.YOUTH, "town", "{fi} Partiolaiset ry", "{sv} scoutkår rf", 2),
    Family(S.YOUTH, "town", "{fi} Nuorisotoimintayhdistys ry", "Ungdomsföreningen {sv_in} rf"),
    Family(S.CULTURE, "town", "{fi} Kotiseutuyhdistys ry", "{sv} hembygdsförening rf", 2),
    Family(S.CULTURE, "town", "{fi} Kuvataideyhdistys ry", "{sv} konstförening rf"),
    Family(S.CULTURE, "town", "{fi} Mieskuoro ry", "{sv} manskör rf"),
    Family(S.CULTURE, "town", "{fi} Harrastajateatteri ry", "Teaterföreningen {sv_in} rf"),
    Family(S.CULTURE, "town", "{fi} Kansantanssijat ry", "Folkdansgillet {sv_in} rf"),
    Family(S.IMMIGRATION, "region", "{fi} Monikulttuurinen yhdistys ry",
           "Mångkulturella föreningen {sv_in} rf", 2),
    Family(S.IMMIGRATION, "town", "{fi} Ukrainalaiset ry", "Ukrainarna {sv_in} rf",
           only=("905", "598", "545", "499", "287")),
    Family(S.IMMIGRATION, "town", "{fi} Vietnamilaiset ry", "Vietnameserna {sv_in} rf",
           only=("545", "287", "905")),
    Family(S.IMMIGRATION, "town", "{fi} Somaliyhdistys ry", None, only=("905",)),
    Family(S.IMMIGRATION, "region", "{fi} Kotoutumisyhdistys ry", "Integrationsföreningen {sv_in} rf"),
    Family(S.DISABILITY, "region", "{fi} Näkövammaiset ry", "{sv} synskadade rf"),
    Family(S.DISABILITY, "town", "{fi} Invalidit ry", "{sv} invalidförening rf", 2),
    Family(S.DISABILITY, "region", "{fi} Kuurojen Yhdistys ry", "{sv} dövas förening rf"),
    Family(S.DISABILITY, "region", "{fi} Kehitysvammaisten Tuki ry",
           "Stödföreningen för personer med intellektuell funktionsnedsättning {sv_in} rf"),
    Family(S.DISABILITY, "region", "{fi} Autismiyhdistys ry", "Autismföreningen {sv_in} rf"),
    Family(S.PATIENT, "region", "{fi} Sydänyhdistys ry", "{sv} hjärtförening rf", 2),
    Family(S.PATIENT, "region", "{fi} Diabetesyhdistys ry", "Diabetesföreningen {sv_in} rf"),
    Family(S.PATIENT, "region", "{fi} Reumayhdistys ry", "Reumaföreningen {sv_in} rf"),
    Family(S.PATIENT, "region", "{fi} Syöpäyhdistys ry", "Cancerföreningen {sv_in} rf"),
    Family(S.PATIENT, "region", "{fi} Hengitysyhdistys ry", "Andningsföreningen {sv_in} rf"),
    Family(S.PATIENT, "region", "{fi} Parkinson-yhdistys ry", "Parkinsonföreningen {sv_in} rf"),
    Family(S.ENVIRONMENT, "town", "{fi} Luonnonsuojeluyhdistys ry", "Natur och Miljö {sv_in} rf", 2),
    Family(S.ENVIRONMENT, "region", "{fi} Lintuharrastajat ry", "Fågelföreningen {sv_in} rf"),
    Family(S.VILLAGE, "village", "{fi} kyläyhdistys ry", "{sv} byaförening rf", 8),
    Family(S.OTHER, "town", "{fi} Marttayhdistys ry", None),
    Family(S.OTHER, "village", None, "{sv} Marthaförening rf", 2),
    Family(S.OTHER, "town", "Lions Club {fi_nom} ry", "Lions Club {sv_nom} rf"),
    Family(S.PENSIONERS, "town", "{fi} Vanhustenkotisäätiö sr", "Stiftelsen {sv} ålderdomshem sr",
           1, F.FOUNDATION),
    Family(S.SOCIAL_HEALTH, "town", "{fi} Palvelutalosäätiö sr", "Stiftelsen {sv} servicehus sr",
           1, F.FOUNDATION),
    Family(S.CULTURE, "region", "{fi} Kulttuurisäätiö sr", "Kulturstiftelsen {sv_in} sr",
           1, F.FOUNDATION),
)

# Organisations every demo has (fi, sv, sector, scope, domicile, index in REGIONS or None):
# they make the examples in the documentation and the tests findable.
ANCHORS: tuple[tuple[str | None, str | None, Sector, str, str, int | None], ...] = (
    ("Vaasan Seudun Mielenterveysseura ry", "Vasanejdens mentalvårdsförening rf",
     S.SOCIAL_HEALTH, "region", "905", 1),
    (None, "Kvevlax byaförening rf", S.VILLAGE, "village", "499", None),
    (None, "Vasa IFK rf", S.SPORTS, "town", "905", None),
    ("Pohjanmaan Syöpäyhdistys ry", "Cancerföreningen i Österbotten rf", S.PATIENT, "region",
     "905", 0),
    ("Jakkulan kyläyhdistys ry", None, S.VILLAGE, "village", "399", None),
)

# Informal groups: no register entry, no Business ID.
GROUPS: tuple[tuple[str | None, str | None, Sector, str], ...] = (
    ("Vertaistukiryhmä Toivo", None, S.SOCIAL_HEALTH, "905"),
    (None, "Stickcafé i Malax", S.OTHER, "475"),
    ("Laihian kävelykaverit", None, S.PENSIONERS, "399"),
    (None, "Mammagruppen i Närpes", S.SOCIAL_HEALTH, "545"),
    ("Lukupiiri Sivut", None, S.CULTURE, "399"),
    ("Ukrainalaisäitien vertaisryhmä", "Kamratgruppen för ukrainska mammor", S.IMMIGRATION, "905"),
    ("Kaskisten rantasiivoojat", "Kaskö strandstädare", S.ENVIRONMENT, "231"),
    (None, "Seniorgympa i Larsmo", S.PENSIONERS, "440"),
)

DESCRIPTIONS: dict[Sector, tuple[str, str]] = {
    S.SOCIAL_HEALTH: (
        "Vertaistukea, ryhmätoimintaa ja vapaaehtoistoimintaa asukkaiden hyvinvoinnin tueksi.",
        "Kamratstöd, gruppverksamhet och frivilligverksamhet som stöder invånarnas välfärd.",
    ),
    S.PENSIONERS: (
        "Kerhoja, retkiä, liikuntaa ja edunvalvontaa eläkeikäisille.",
        "Klubbar, utfärder, motion och intressebevakning för pensionärer.",
    ),
    S.SPORTS: (
        "Liikuntaa ja kilpaurheilua kaikenikäisille, junioritoiminta mukaan lukien.",
        "Motion och tävlingsidrott för alla åldrar, juniorverksamhet inräknad.",
    ),
    S.YOUTH: (
        "Nuorten harrastus- ja kerhotoimintaa sekä leirejä.",
        "Hobby- och klubbverksamhet samt läger för unga.",
    ),
    S.CULTURE: (
        "Paikallista kulttuuria, esityksiä ja näyttelyitä; avoimia tilaisuuksia kaikille.",
        "Lokal kultur, föreställningar och utställningar; öppna evenemang för alla.",
    ),
    S.IMMIGRATION: (
        "Kotoutumista tukevaa toimintaa: kielikahvilat, neuvonta ja yhteiset tapahtumat.",
        "Verksamhet som stöder integrationen: språkcaféer, rådgivning och gemensamma evenemang.",
    ),
    S.DISABILITY: (
        "Vertaistukea, edunvalvontaa ja virkistystoimintaa vammaisille ja heidän läheisilleen.",
        "Kamratstöd, intressebevakning och rekreation för personer med funktionsnedsättning och deras närstående.",
    ),
    S.PATIENT: (
        "Tietoa, vertaisryhmiä ja kuntoutusta tukevaa toimintaa sairastuneille ja läheisille.",
        "Information, kamratgrupper och rehabiliterande verksamhet för insjuknade och närstående.",
    ),
    S.ENVIRONMENT: (
        "Luontoretkiä, talkoita ja ympäristökasvatusta.",
        "Naturutfärder, talkon och miljöfostran.",
    ),
    S.VILLAGE: (
        "Kylän yhteinen toiminta: kylätalo, tapahtumat ja asukkaiden yhteistyö.",
        "Byns gemensamma verksamhet: byagård, evenemang och samarbete mellan invånarna.",
    ),
    S.OTHER: (
        "Kerhoja, kursseja ja talkootoimintaa paikkakunnalla.",
        "Klubbar, kurser och talkoverksamhet på orten.",
    ),
}

# -- people ------------------------------------------------------------------------------

FI_FIRST = (
    "Aino", "Anna", "Anne", "Anja", "Eija", "Elina", "Hanna", "Heidi", "Helena", "Johanna",
    "Kaisa", "Kirsi", "Laura", "Leena", "Maria", "Marja", "Minna", "Niina", "Outi", "Päivi",
    "Riitta", "Sari", "Satu", "Sanna", "Tiina", "Tuula", "Ulla", "Pirjo", "Merja", "Seija",
    "Antti", "Eero", "Heikki", "Jari", "Juha", "Jukka", "Kari", "Markku", "Matti", "Mikko",
    "Pekka", "Petri", "Sami", "Timo", "Tuomas", "Ville", "Veikko", "Raimo", "Esa", "Jouni",
)
FI_LAST = (
    "Mäkinen", "Koskinen", "Hautala", "Kangas", "Mäki", "Rinta-Jouppi", "Peltoniemi", "Ojala",
    "Hakala", "Laine", "Heikkilä", "Koivisto", "Niemi", "Lehtola", "Saarinen", "Salo",
    "Kivistö", "Hietala", "Rintala", "Luoma", "Latvala", "Yli-Hietanen", "Kuusela", "Kallio",
    "Perälä", "Alanko", "Kujala", "Harju", "Ketola", "Nurmi", "Hirvelä", "Tuomela", "Keskinen",
)
SV_FIRST = (
    "Anders", "Bengt", "Björn", "Christer", "Fredrik", "Göran", "Henrik", "Jan-Erik", "Johan",
    "Kaj", "Lars", "Mats", "Mikael", "Nils", "Ove", "Patrik", "Stefan", "Tor", "Rolf", "Kim",
    "Ann-Sofie", "Anna-Lena", "Birgitta", "Camilla", "Carina", "Eva", "Gunilla", "Ingrid",
    "Karin", "Linnea", "Marianne", "Mia", "Sofia", "Susanne", "Ulrika", "Åsa", "Pia", "Jessica",
)
SV_LAST = (
    "Back", "Björklund", "Ekman", "Forsman", "Granholm", "Holmström", "Häggblom", "Östman",
    "Nyman", "Sandvik", "Storbacka", "Sjöberg", "Strand", "Vikström", "Westerlund", "Åkerlund",
    "Ahlskog", "Finnäs", "Rönnqvist", "Nylund", "Söderlund", "Båsk", "Sundqvist", "Bäck",
    "Granlund", "Enlund", "Mattsson", "Lindqvist", "Kronqvist", "Hägglund", "Kull", "Nyholm",
)

ROLES = {
    "fi": {
        "chair": "puheenjohtaja",
        "vice_chair": "varapuheenjohtaja",
        "secretary": "sihteeri",
        "treasurer": "rahastonhoitaja",
        "director": "toiminnanjohtaja",
        "contact": "yhteyshenkilö",
        "ombudsman": "asiamies",
        "leader": "ryhmän vetäjä",
    },
    "sv": {
        "chair": "ordförande",
        "vice_chair": "vice ordförande",
        "secretary": "sekreterare",
        "treasurer": "kassör",
        "director": "verksamhetsledare",
        "contact": "kontaktperson",
        "ombudsman": "ombudsman",
        "leader": "gruppledare",
    },
}

RETENTION_CONTACT = "Järjestön yhteyshenkilö (oikeutettu etu)"
RETENTION_TABLE = "Kumppanuuspöydän jäsenyys"
RETENTION_GRANT = "Avustushakemuksen yhteyshenkilö"
RETENTION_STAFF = "Hyvinvointialueen työntekijä"
