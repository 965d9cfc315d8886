"""Swedish descriptions of every content file, model and field, for editors.

Used for the JSON Schema that editors' editors read (``ikgen schema``) and for the field
reference ``docs-redaktor/falt.md``. A test requires a text here for every model field.
"""

from __future__ import annotations

from pydantic import BaseModel

from ..core.model import (
    Atgard,
    Atgardsstatusniva,
    Atgardsuppfoljning,
    Bedomningsniva,
    Beslut,
    Bilaga,
    Dokumentstatusnamn,
    Helhetsbedomning,
    Iakttagelse,
    Indikator,
    Kommun,
    Kontroll,
    Kontrollresultat,
    Namnd,
    Omrade,
    Omvardering,
    Period,
    Periodresultat,
    Plan,
    Protokollsanteckning,
    Risk,
    Riskniva,
    Riskskala,
    Riskuppfoljning,
    Statusniva,
    Termer,
    Uppfoljning,
)
from ..core.model.common import Avsnitt, Sekretess, TillatetNummer
from ..core.model.kommun import Profil, Tillganglighet

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
    Profil: "Kommunens grafiska profil på webbplatsen: logotyp, favicon och färger.",
    Termer: "Kommunens egna ord för nivåerna och fälten i planer och rapporter.",
    Dokumentstatusnamn: "Hur webbplatsen skriver var en plan eller rapport befinner sig.",
    Sekretess: "Innehåll som omfattas av sekretess (t.ex. 18 kap. 8 § OSL): publiceras aldrig.",
    Omvardering: "En risk omvärderad i en uppföljning: det nya värdet, med motivering.",
    Periodresultat: "En periods resultat i ett dokument som redovisar flera (T1, T2, VB).",
    Iakttagelse: "En iakttagelse (avvikelse eller förbättringsområde) på valfri nivå.",
    Namnd: "Nämnden och dess id (mappens namn).",
    Plan: "Nämndens internkontrollplan för ett år.",
    Risk: "En risk i planen, under ett område eller mål, med kontrollerna som prövar den.",
    Kontroll: "Ett kontrollmoment som prövar en risk och rapporteras vissa perioder.",
    Uppfoljning: "En uppföljning (internkontrollrapport) för en period.",
    Kontrollresultat: "Vad uppföljningen säger om en kontroll.",
    Indikator: "Ett namngivet mätvärde som kan jämföras mellan perioder.",
    Atgard: "En planerad eller genomförd åtgärd; med id följs den upp i senare rapporter.",
    Atgardsuppfoljning: "En senare rapports status för en åtgärd som beslutats tidigare.",
    Atgardsstatusniva: "Ett steg på statusskalan för åtgärder, t.ex. Pågår.",
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
_GALLER = {
    "risk": "Risken (eller processen) det gäller, med id i årets plan.",
    "kontroll": "Kontrollen det gäller, med id i årets plan.",
    "omrade": "Området eller målet det gäller, med id i kommun.yml.",
    "galler": "Vad det gäller med rapportens ord, när det inte finns i planen.",
}
_ID = "Id: små bokstäver a–z, siffror och bindestreck (å, ä → a; ö → o). Ändras aldrig."

FALT: dict[type[BaseModel], dict[str, str]] = {
    Kommun: {
        "namn": (
            "Kommunens namn, t.ex. Norrtälje kommun; utelämnas när dokumenten inte namnger den."
        ),
        "webbplats": "Webbplatsens publika adress (för flöden, webbplatskarta och datakatalog).",
        "beskrivning": "Inledning på startsidan (Markdown).",
        "kontakt": "E-postadress eller https://-adress för frågor om webbplatsen och dess data.",
        "grupprubrik": (
            "Ordet före en grupps nummer, t.ex. Internkontrollområde eller Mål; null: numret står"
            " ensamt före namnet (1.1 I Stockholm är …)."
        ),
        "termer": "Kommunens egna ord för nivåer och fält (risk, kontroll, rutin, metod …).",
        "dokumentstatus": (
            "Hur webbplatsen skriver dokumentens status, t.ex. Färdigställd, ej beslutad."
        ),
        "risker_som_rubriker": (
            "true när rapporterna visar varje risk (process) som rubrik med sina kontroller under."
        ),
        "riskvarden": "false när planerna inte anger några riskvärden: ingen riskmatris visas.",
        "perioder": "Periodindelningen, i ordning under året.",
        "bedomningsskala": "Bedömningsskalan som används i uppföljningarna.",
        "statusskala": "Statusskalan för varje kontrolls arbete.",
        "atgardsstatus": (
            "Statusskalan för åtgärder i senare uppföljningar (atgardsuppfoljning), i ordning."
        ),
        "helhetsskala": "Skalan för en samlad bedömning av nämndens interna kontroll.",
        "riskskala": (
            "Riskskalan; null när dokumenten inte anger någon (riskvärdet visas då ensamt)."
        ),
        "omraden": (
            "Internkontrollområden (eller mål) per år, som kommunfullmäktige beslutat."
            " Ett år utan egen lista använder det senaste tidigare årets områden."
        ),
        "tillganglighet": (
            "Uppgifterna i tillgänglighetsredogörelsen, skrivna av kommunen (krävs; ikgen skriver"
            " aldrig en redogörelse åt kommunen)."
        ),
        "tillatna_nummer": _NUMMER,
        "profil": (
            "Kommunens grafiska profil: logotyp, favicon, färger och en rad i sidfoten. Utan"
            " profil används ikgens egna färger."
        ),
        "pdf": (
            "false: ingen PDF/A skapas, länkas eller listas (webbplatsen får bara sidor och öppna"
            " data). Standard: true. En PDF som en gång publicerats behåller sin adress, så"
            " publiceringsspärren stoppar en senare avstängning."
        ),
    },
    Profil: {
        "logotyp": "Logotypen i sidhuvudet: sökväg i content/ till en .svg- eller .png-fil.",
        "favicon": "Ikonen i webbläsarens flik: sökväg i content/ till en .svg- eller .png-fil.",
        "primar": (
            "Huvudfärgen som #rrggbb: sidhuvudets bakgrund (med vit text) och diagrammen. Vit"
            " text på färgen måste ha minst kontrast 4,5:1 (WCAG AA)."
        ),
        "accent": (
            "Accentfärgen som #rrggbb: länkar och markeringar på vit bakgrund. Måste ha minst"
            " kontrast 4,5:1 mot vitt (WCAG AA)."
        ),
        "sidfot": "En rad i varje sidas sidfot, t.ex. kontaktuppgifter.",
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
    Atgardsstatusniva: {
        "id": f"Statusens id, t.ex. pagar. {_ID}",
        "namn": "Statusens namn, t.ex. Pågår.",
        "klar": "true för steget som betyder att åtgärden är genomförd.",
        "struken": "true för steget som avslutar en åtgärd utan att den genomförts (struken).",
    },
    Atgardsuppfoljning: {
        "atgard": "Åtgärdens id, som det angavs där åtgärden beslutades.",
        "status": (
            "Åtgärdens status (från kommunens atgardsstatus); tomt när rapporten inte säger det."
        ),
        "nar": "Nytt datum, eller när den genomfördes (ÅÅÅÅ-MM-DD), eller en text.",
        "kommentar": "Vad rapporten säger om åtgärden, med rapportens ord (Markdown).",
        "effekt": ("Effekten: ändrades riskvärdet eller kontrollens resultat? (Markdown)"),
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
        "nummer": 'Områdets nummer som det skrivs, där målen är numrerade (3 eller "1.1").',
        "beskrivning": "Vad området omfattar; visas ovanför dess kontroller.",
    },
    Tillganglighet: {
        "inledning": (
            "Vem som står bakom webbplatsen, med kommunens ord (standard: {kommun} står bakom"
            " den här webbplatsen …), t.ex. för en demonstrationswebbplats."
        ),
        "efterlevnad": (
            "Förenlighet med lagen, som kommunen anger den: helt förenlig, delvis förenlig eller"
            " inte förenlig (krävs; antas aldrig)."
        ),
        "kanda_brister": "Kända brister i tillgängligheten.",
        "kontakt": (
            "Vart man rapporterar ett tillgänglighetsproblem: e-postadress eller https://-adress."
        ),
        "bedomd": "Hur och när webbplatsen bedömdes, som kommunen anger det (krävs).",
    },
    Termer: {
        "risk": "Vad en risk kallas, t.ex. Risk eller Process.",
        "risker": "Pluralformen, t.ex. Processer.",
        "kontroll": "Vad en kontroll kallas, t.ex. Kontrollmoment eller Kontrollaktivitet.",
        "kontroller": "Pluralformen, t.ex. Kontrollaktiviteter.",
        "kontrollen": "Bestämd form, t.ex. Kontrollaktiviteten.",
        "risken": "Bestämd form av risknivåns namn, t.ex. Processen.",
        "process": "Rubriken för en risks process, t.ex. Ansvarsområde/process.",
        "rutin": "Rubriken för en kontrolls rutin, t.ex. Arbetssätt.",
        "metod": "Rubriken för en kontrolls metod, t.ex. Systematisk kontroll.",
        "riskbeskrivning": "Rubriken för en risks beskrivning.",
        "befintliga_rutiner": (
            "Rubriken för en risks befintliga rutiner, t.ex. Befintliga aktiviteter."
        ),
        "planerad_hantering": "Rubriken för en risks planerade hantering.",
        "iakttagelser": (
            "Rubriken för rapportens iakttagelser, t.ex. Avvikelser och förbättringsområden."
        ),
    },
    Dokumentstatusnamn: {
        "paborjad": "Texten för ett dokument som skrivs, t.ex. Påbörjad, ej beslutad.",
        "fardigstalld": "Texten för ett färdigt dokument som inte är beslutat.",
        "beslutad": "Texten för ett beslutat dokument.",
    },
    Sekretess: {
        "grund": "Grunden för sekretessen, t.ex. 18 kap. 8 § OSL.",
        "oppet_utdrag": "Det som får publiceras i stället (öppet utdrag), om något (Markdown).",
    },
    Omvardering: {
        "sannolikhet": "Den nya sannolikheten.",
        "konsekvens": "Den nya konsekvensen.",
        "riskvarde": "Det nya riskvärdet (eller sannolikhet × konsekvens).",
        "motivering": "Varför värdet ändrades (Markdown).",
    },
    Periodresultat: {
        "period": "Perioden (id i kommun.yml).",
        "resultat": "Periodens resultat (Markdown).",
        "indikatorer": "Periodens mätvärden.",
    },
    Iakttagelse: {
        "rubrik": "Iakttagelsens rubrik.",
        "text": "Iakttagelsen (Markdown).",
        "typ": "Slags iakttagelse med rapportens ord, t.ex. Avvikelse.",
        "atgarder": "Vad som görs åt den.",
        **_GALLER,
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
        "hantering": (
            "Hur risken hanteras, där planen säger det – ett sätt eller en lista: kontroll, atgard"
            " (engångsåtgärd), forbattringsarbete, accepterad (antas aldrig)."
        ),
        "planerad_hantering": "Den planerade hanteringen som planen skriver den (Markdown).",
        "motivering": "Varför risken hanteras så, t.ex. varför den accepteras (Markdown).",
        "atgarder": "Engångsåtgärder som planen beslutar för risken.",
        "tillagd": (
            "Beslutet som lade till risken under året (den ingick inte i planen som antogs)."
        ),
        "struken": "Beslutet som strök risken under året.",
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
        "tillagd": (
            "Beslutet som lade till kontrollen under året (den ingick inte i planen som antogs)."
        ),
        "struken": "Beslutet som strök kontrollen under året.",
        "sekretess": "Kontrollen omfattas av sekretess: bara id, grund och öppet utdrag visas.",
    },
    Uppfoljning: {
        "status": (
            "utkast (publiceras aldrig), paborjad, fardigstalld (ej beslutad) eller beslutad."
        ),
        "titel": "Rapportens titel, t.ex. Internkontrollrapport per april 2024.",
        "rapportdatum": "Datumet rapporten gäller till och med (ÅÅÅÅ-MM-DD).",
        "upprattad": "Datum för rapporten eller tjänsteutlåtandet (ÅÅÅÅ-MM-DD).",
        "forutsattningar": "Rapportens förutsättningar: syfte, omfattning och fokus (Markdown).",
        "beslut": "Beslutet om rapporten; krävs när status är beslutad.",
        "sammanfattning": "Sammanfattningen (Markdown).",
        "helhetsbedomning": "En samlad bedömning av den interna kontrollen, där rapporten ger en.",
        "analys": "Förvaltningens analys och slutsatser (Markdown).",
        "kontroller": "Resultatet per kontroll.",
        "risker": (
            "Uppföljning av risker (följer plan), t.ex. de som hanteras i förbättringsarbete."
        ),
        "iakttagelser": "Iakttagelser (avvikelser, förbättringsområden) på valfri nivå.",
        "atgarder": "Åtgärder på valfri nivå i rapporten (var och en säger vad den gäller).",
        "atgardsuppfoljning": (
            "Status för åtgärder som beslutats tidigare (i en plan eller en tidigare"
            " uppföljning), per åtgärdens id."
        ),
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
        "perioder": "Varje periods resultat, där ett dokument redovisar flera (T1, T2, VB).",
        "sekretess": (
            "Resultatet omfattas av sekretess: status och bedömning publiceras,"
            " texter och tal inte."
        ),
    },
    Indikator: {
        "id": f"Indikatorns id inom kontrollen; samma id en annan period är samma mått. {_ID}",
        "namn": "Vad som mäts, t.ex. Andel utredningar ej avslutade inom 4 månader.",
        "varde": "Värdet, t.ex. 37.5 (punkt som decimaltecken); får vara tomt bara i ett utkast.",
        "enhet": "Enheten, t.ex. % eller st.",
        "av": "Totalen som värdet räknas av (4 av 13), där rapporten anger en.",
    },
    Atgard: {
        "id": (
            "Åtgärdens id, samma i alla perioder och år för nämnden; senare uppföljningar anger"
            f" dess status under atgardsuppfoljning. {_ID}"
        ),
        "vad": "Vad som ska göras (Markdown).",
        "vem": "Vem som ansvarar.",
        "nar": "När: ett datum (ÅÅÅÅ-MM-DD) eller en text som hösten 2024.",
        "status": "Status (från kommunens statusskala).",
        "kommentar": "Mer om åtgärden, med rapportens ord (Markdown).",
        **_GALLER,
    },
    Riskuppfoljning: {
        "risk": "Riskens id (i årets plan, när en plan är publicerad).",
        "foljer_plan": "Om hanteringen följer planen (true = ja, false = nej).",
        "kommentar": "Kommentar (Markdown).",
        "titel": "Risken som rapporten anger den, när årets plan inte gör det.",
        "process": "Riskens process eller ansvarsområde, som rapporten anger den.",
        "riskvarde": "Riskvärdet som rapporten anger det.",
        "befintliga_rutiner": (
            "Befintliga rutiner eller aktiviteter, som rapporten anger dem (Markdown)."
        ),
        "planerad_hantering": "Den planerade hanteringen, som rapporten anger den (Markdown).",
        "omvardering": (
            "Risken omvärderad i denna uppföljning (planens värde står kvar som antaget)."
        ),
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
        "sekretess": "Avsnittet omfattas av sekretess: bara rubrik, grund och öppet utdrag visas.",
        "placering": "fore: före resultaten (t.ex. Bakgrund); efter (standard): efter dem.",
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
