"""Swedish descriptions of every content file, model and field, for editors.

Used for the JSON Schema that editors' editors read (``ikgen schema``) and for the field
reference ``docs-redaktor/falt.md``. A test requires a text here for every model field.
"""

from __future__ import annotations

from pydantic import BaseModel

from .model import (
    Atgard,
    Bedomningsniva,
    Beslut,
    Bilaga,
    Helhetsbedomning,
    Indikator,
    Kommun,
    Kontroll,
    Kontrollresultat,
    Namnd,
    Omrade,
    Period,
    Plan,
    Protokollsanteckning,
    Risk,
    Riskniva,
    Riskskala,
    Riskuppfoljning,
    Statusniva,
    Uppfoljning,
)
from .model.common import Avsnitt, TillatetNummer
from .model.kommun import Tillganglighet

#: The content files: schema name → (top model, where the file lives).
FILER: dict[str, tuple[type[BaseModel], str]] = {
    "kommun": (Kommun, "content/kommun.yml"),
    "namnd": (Namnd, "content/{nämnd}/namnd.yml"),
    "plan": (Plan, "content/{nämnd}/{år}/plan.yml"),
    "uppfoljning": (Uppfoljning, "content/{nämnd}/{år}/{period}.yml"),
}

MODELLER: dict[type[BaseModel], str] = {
    Kommun: "Kommunen och dess inställningar: perioder, skalor och internkontrollområden.",
    Period: "En rapportperiod under året, t.ex. delår 1 per 30 april eller T1.",
    Bedomningsniva: "Ett steg på en bedömningsskala, t.ex. Mindre avvikelser.",
    Statusniva: "Ett steg på statusskalan för en kontrolls arbete, t.ex. Påbörjad.",
    Riskniva: "Ett intervall av riskvärden som gör en risk låg, medel, hög eller kritisk.",
    Riskskala: "Riskskalan: sannolikhet × konsekvens ger riskvärdet.",
    Omrade: "Ett internkontrollområde som kommunfullmäktige beslutat, eller ett numrerat mål.",
    Tillganglighet: "Uppgifterna i webbplatsens tillgänglighetsredogörelse.",
    Namnd: "Nämnden och dess id (mappens namn).",
    Plan: "Nämndens internkontrollplan för ett år.",
    Risk: "En risk i planen, under ett område eller mål, med kontrollerna som prövar den.",
    Kontroll: "Ett kontrollmoment som prövar en risk och rapporteras vissa perioder.",
    Uppfoljning: "En uppföljning (internkontrollrapport) för en period.",
    Kontrollresultat: "Vad uppföljningen säger om en kontroll.",
    Indikator: "Ett namngivet mätvärde som kan jämföras mellan perioder.",
    Atgard: "En planerad eller genomförd åtgärd.",
    Riskuppfoljning: "Uppföljning av en risk som hanteras i förbättringsarbete.",
    Helhetsbedomning: "En samlad bedömning av nämndens interna kontroll.",
    Beslut: "Beslutet: vem som beslutade vad och när.",
    Protokollsanteckning: "En anteckning i protokollet från en eller flera ledamöter.",
    Bilaga: "Ett länkat dokument, t.ex. den beslutade PDF-filen.",
    Avsnitt: "Ett ytterligare avsnitt i dokumentet, t.ex. Lagkrav eller Ekonomiska konsekvenser.",
    TillatetNummer: (
        "Ett person- eller samordningsnummer som filen ändå får publicera, med motivering. "
        "ikgen vägrar annars alla sådana nummer i innehållet."
    ),
}

_NUMMER = "Person- eller samordningsnummer som filen ändå får publicera (normalt inga)."
_ID = "Id: små bokstäver a–z, siffror och bindestreck (å, ä → a; ö → o). Ändras aldrig."

FALT: dict[type[BaseModel], dict[str, str]] = {
    Kommun: {
        "namn": "Kommunens namn, t.ex. Norrtälje kommun.",
        "webbplats": "Webbplatsens publika adress (för flöden, webbplatskarta och datakatalog).",
        "beskrivning": "Inledning på startsidan (Markdown).",
        "kontakt": "E-postadress eller https://-adress för frågor om webbplatsen och dess data.",
        "grupprubrik": "Vad grupperna av risker kallas, t.ex. Internkontrollområde eller Mål.",
        "perioder": "Periodindelningen, i ordning under året.",
        "bedomningsskala": "Bedömningsskalan som används i uppföljningarna.",
        "statusskala": "Statusskalan för varje kontrolls arbete.",
        "helhetsskala": "Skalan för en samlad bedömning av nämndens interna kontroll.",
        "riskskala": "Riskskalan.",
        "omraden": (
            "Internkontrollområden (eller mål) per år, som kommunfullmäktige beslutat."
            " Ett år utan egen lista använder det senaste tidigare årets områden."
        ),
        "tillganglighet": "Uppgifterna i tillgänglighetsredogörelsen.",
        "tillatna_nummer": _NUMMER,
    },
    Period: {
        "id": f"Periodens id, används som filnamn och i adressen, t.ex. delar-1. {_ID}",
        "namn": "Periodens namn, t.ex. Delår 1.",
        "per": "Dagen perioden slutar, som MM-DD, t.ex. 04-30.",
        "frekvensnamn": "Hur planerna skriver perioden i en kontrolls frekvens, t.ex. April.",
    },
    Bedomningsniva: {
        "id": f"Nivåns id, används i uppföljningarna, t.ex. mindre-avvikelser. {_ID}",
        "namn": "Nivåns namn på webbplatsen, t.ex. Mindre avvikelser eller Mindre brister.",
        "allvar": "Allvarlighet: 0 = ingen avvikelse, högre är värre; tomt = ingen bedömning.",
        "beskrivning": "Vad nivån betyder; visas i teckenförklaringen.",
    },
    Statusniva: {
        "id": f"Statusens id, t.ex. paborjad. {_ID}",
        "namn": "Statusens namn, t.ex. Påbörjad, ej slutförd.",
        "klar": "true för steget som betyder att arbetet är klart (slutförd).",
    },
    Riskniva: {
        "id": f"Nivåns id, t.ex. hog. {_ID}",
        "namn": "Nivåns namn, t.ex. Hög.",
        "fran": "Lägsta riskvärdet i nivån.",
    },
    Riskskala: {
        "sannolikhet": "Namnen på sannolikhetens steg, lägst först; antalet ger skalans storlek.",
        "konsekvens": "Namnen på konsekvensens steg, lägst först.",
        "nivaer": "Nivåerna som gör ett riskvärde lågt, medel, högt eller kritiskt, lägst först.",
    },
    Omrade: {
        "id": f"Områdets id, som riskerna hänvisar till, t.ex. informationssakerhet. {_ID}",
        "namn": "Områdets namn, t.ex. Informationssäkerhet.",
        "nummer": "Områdets nummer, där målen är numrerade (Mål 3).",
        "beskrivning": "Vad området omfattar; visas ovanför dess kontroller.",
    },
    Tillganglighet: {
        "efterlevnad": "Förenlighet med lagen: helt förenlig, delvis förenlig eller inte förenlig.",
        "kanda_brister": "Kända brister i tillgängligheten.",
        "kontakt": "Vart man rapporterar ett tillgänglighetsproblem: e-postadress eller https://-adress.",
        "bedomd": "Hur och när webbplatsen bedömdes.",
    },
    Namnd: {
        "namn": "Nämndens namn, t.ex. Socialnämnden.",
        "kortnamn": "En kort form, t.ex. SN.",
        "beskrivning": "Vad nämnden ansvarar för (Markdown).",
        "forvaltning": "Förvaltningen som bereder internkontrollen, t.ex. Socialförvaltningen.",
        "tidigare_id": "Nämndens tidigare id; deras adresser leder hit.",
        "tillatna_nummer": _NUMMER,
    },
    Plan: {
        "status": "utkast (publiceras aldrig), paborjad eller beslutad.",
        "titel": "Planens titel, om den inte är Internkontrollplan {år}.",
        "beslut": "Beslutet som antog planen.",
        "upprattad": "När plandokumentet skrevs (ÅÅÅÅ-MM-DD).",
        "inledning": "Inledning: hur riskerna identifierats och prioriterats (Markdown).",
        "risker": "Riskerna, var och en med sina kontroller.",
        "avsnitt": "Ytterligare avsnitt i plandokumentet; visas efter riskerna.",
        "bilagor": "Länkade dokument, t.ex. den antagna planen som PDF.",
        "tillatna_nummer": _NUMMER,
    },
    Risk: {
        "id": f"Riskens id, t.ex. it-sakerhet. {_ID}",
        "titel": "Riskens rubrik, t.ex. IT-säkerhet.",
        "omrade": "Området eller målet (id från kommun.yml för året) som risken hör till.",
        "process": "Processen, där riskerna står under mål och processer.",
        "beskrivning": "Riskbeskrivningen, t.ex. Risk för bristande IT-säkerhet … (Markdown).",
        "sannolikhet": "Sannolikhet på kommunens skala (1 = lägst).",
        "konsekvens": "Konsekvens på kommunens skala (1 = lägst).",
        "riskvarde": (
            "Riskvärde; räknas ut som sannolikhet × konsekvens, "
            "eller anges ensamt när bara det är känt."
        ),
        "befintliga_rutiner": "Befintliga rutiner och arbetssätt som minskar risken (Markdown).",
        "hantering": "Hur risken hanteras: kontroll, forbattringsarbete eller accepterad.",
        "kontroller": "Kontrollerna som prövar risken.",
        "tidigare_id": "Riskens tidigare id (dess ankare).",
    },
    Kontroll: {
        "id": f"Kontrollens id; samma id två år i en nämnd är samma kontroll. {_ID}",
        "titel": "Vad som kontrolleras, t.ex. Kontroll av fakturor från avtalade leverantörer.",
        "ansvarig": "Vem som ansvarar (avdelning eller roll).",
        "frekvens": "Perioderna (id i kommun.yml) då kontrollen rapporteras; tom = varje period.",
        "frekvenstext": "Frekvensen som planen skriver den, t.ex. April, augusti, december.",
        "metod": "Hur kontrollen genomförs (Markdown).",
        "rutin": "Rutinen eller processen som kontrollen prövar (Markdown).",
        "verifieras_av": "Vem som verifierar att kontrollen gjorts.",
        "tidigare_id": "Kontrollens tidigare id; deras adresser leder hit.",
    },
    Uppfoljning: {
        "status": "utkast (publiceras aldrig), paborjad eller beslutad.",
        "titel": "Rapportens titel, t.ex. Internkontrollrapport per april 2024.",
        "rapportdatum": "Datumet rapporten gäller till och med (ÅÅÅÅ-MM-DD).",
        "upprattad": "Datum för rapporten eller tjänsteutlåtandet (ÅÅÅÅ-MM-DD).",
        "forutsattningar": "Rapportens förutsättningar: syfte, omfattning och fokus (Markdown).",
        "beslut": "Beslutet om rapporten; krävs när status är beslutad.",
        "sammanfattning": "Sammanfattningen (Markdown).",
        "helhetsbedomning": "En samlad bedömning av den interna kontrollen, där rapporten ger en.",
        "analys": "Förvaltningens analys och slutsatser (Markdown).",
        "kontroller": "Resultatet per kontroll.",
        "risker": "Uppföljning av risker som hanteras i förbättringsarbete.",
        "avsnitt": "Ytterligare avsnitt, t.ex. Lagkrav, Ekonomiska konsekvenser, Tidplan.",
        "bilagor": "Länkade dokument.",
        "tillatna_nummer": _NUMMER,
    },
    Kontrollresultat: {
        "kontroll": "Kontrollens id i samma års plan.",
        "status": "Arbetets status (från kommunens statusskala).",
        "bedomning": "Bedömningen (från kommunens bedömningsskala).",
        "resultat": "Kontrollens resultat (Markdown).",
        "indikatorer": "Mätvärden ur resultatet, namngivna så att de kan jämföras mellan perioder.",
        "kommentar": "Förvaltningens kommentar (Markdown).",
        "atgarder": "Planerade åtgärder (ny uppföljning eller åtgärd).",
    },
    Indikator: {
        "id": f"Indikatorns id inom kontrollen; samma id en annan period är samma mått. {_ID}",
        "namn": "Vad som mäts, t.ex. Andel utredningar ej avslutade inom 4 månader.",
        "varde": "Värdet, t.ex. 37.5 (punkt som decimaltecken); får vara tomt bara i ett utkast.",
        "enhet": "Enheten, t.ex. % eller st.",
        "av": "Totalen som värdet räknas av (4 av 13), där rapporten anger en.",
    },
    Atgard: {
        "vad": "Vad som ska göras (Markdown).",
        "vem": "Vem som ansvarar.",
        "nar": "När: ett datum (ÅÅÅÅ-MM-DD) eller en text som hösten 2024.",
        "status": "Status (från kommunens statusskala).",
    },
    Riskuppfoljning: {
        "risk": "Riskens id i planen.",
        "foljer_plan": "Om förbättringsarbetet följer sin plan (true = ja, false = nej).",
        "kommentar": "Kommentar (Markdown).",
    },
    Helhetsbedomning: {
        "bedomning": "Bedömningen (från kommunens helhetsskala), t.ex. tillracklig.",
        "analys": "Analysen bakom bedömningen (Markdown).",
    },
    Beslut: {
        "organ": "Beslutande organ, t.ex. Socialnämnden; standard är nämndens namn.",
        "datum": "Datum för sammanträdet som fattade beslutet (ÅÅÅÅ-MM-DD).",
        "paragraf": "Paragrafen i protokollet, t.ex. §96.",
        "dnr": "Diarienumret, t.ex. SN 2023-1178.",
        "protokoll": "Länk (https://…) till det publicerade protokollet.",
        "text": "Beslutet som det står i protokollet (Markdown).",
        "deltar_ej": "Partier eller ledamöter som inte deltog i beslutet.",
        "protokollsanteckningar": "Anteckningar i protokollet.",
        "beredning": "Tidigare steg, t.ex. §232 SNAU 2024-05-14 (arbetsutskottets förslag).",
        "beslutsunderlag": "Handlingarna som beslutet grundades på.",
        "beslutsgang": "Hur beslutet fattades (beslutsgång), som protokollet skriver det.",
        "skickas_till": "Vilka beslutet skickas till: funktioner, inte privata adresser.",
    },
    Protokollsanteckning: {
        "parti": "Partiet eller partierna bakom anteckningen, t.ex. Socialdemokraterna.",
        "av": "Ledamöterna som gjorde anteckningen, som i protokollet, t.ex. Anette Ländin (S).",
        "text": "Själva anteckningen, ordagrant (Markdown).",
        "underskrift": "Underskriften, t.ex. För Socialdemokraterna, Anette Ländin.",
    },
    Bilaga: {
        "titel": "Vad dokumentet är.",
        "url": "Var det är publicerat (https://…).",
    },
    Avsnitt: {
        "rubrik": "Avsnittets rubrik.",
        "text": "Avsnittets text (Markdown).",
    },
    TillatetNummer: {
        "nummer": "Numret exakt som det står i texten, t.ex. 19121212-1212.",
        "motivering": "Varför det får publiceras, t.ex. Skatteverkets testnummer.",
    },
}


def beskrivning(model: type[BaseModel], field: str) -> str | None:
    """The Swedish description of one field, or None if it has none (a test forbids that)."""
    return FALT.get(model, {}).get(field)


def all_models() -> list[type[BaseModel]]:
    """Every model reachable from the content files, in a stable order."""
    found: list[type[BaseModel]] = []

    def visit(model: type[BaseModel]) -> None:
        if model in found:
            return
        found.append(model)
        for info in model.model_fields.values():
            for inner in _models_in(info.annotation):
                visit(inner)

    for model, _ in FILER.values():
        visit(model)
    return found


def _models_in(annotation: object) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    out: list[type[BaseModel]] = []
    for arg in getattr(annotation, "__args__", ()) or ():
        out += _models_in(arg)
    return out
