"""Synthetic but realistic content: Swedish text, 30+ nämnder, several years, N follow-ups.

Each nämnd has at most ``MAX_YEARS`` years (three follow-ups a year), so a larger N means more
nämnder, as on a region's shared site. Every plan has 10–20 controls under 4–6 risks; a control
lives three years before it is replaced, as real controls rotate. Output is deterministic for a
given (n, seed).
"""

from __future__ import annotations

import datetime as dt
import math
import random
from pathlib import Path
from typing import Any

import yaml

try:
    from yaml import CSafeDumper as _Dumper
except ImportError:  # pragma: no cover
    from yaml import SafeDumper as _Dumper  # type: ignore[assignment]

MIN_NAMNDER = 30
MAX_YEARS = 11
LAST_YEAR = 2025
PERIODS = ("delar-1", "delar-2", "helar")
_PERIOD_END = {"delar-1": (4, 30), "delar-2": (8, 31), "helar": (12, 31)}

_NAMNDER = (
    "Social",
    "Barn och ungdom",
    "Utbildning",
    "Gymnasie",
    "Kultur",
    "Fritid",
    "Miljö",
    "Bygg",
    "Teknik",
    "Trafik",
    "Vård och omsorg",
    "Funktionsstöd",
    "Arbetsmarknad",
    "Individ och familj",
    "Stadsbyggnad",
    "Exploatering",
    "Fastighet",
    "Idrott",
    "Park",
    "Vatten",
    "Avfall",
    "Räddning",
    "Överförmyndar",
    "Valnämnd",
    "Revisions",
    "Kommunstyrel",
    "Servicen",
    "Digitaliserings",
    "Näringslivs",
    "Krisberedskaps",
)
_RISKS = (
    ("Kompetensförsörjning", "svårigheter att rekrytera och behålla personal med rätt kompetens"),
    ("IT-säkerhet", "bristande informationssäkerhet som leder till dataläckage eller driftstopp"),
    ("Inköp och upphandling", "inköp som görs utanför gällande avtal"),
    ("Handläggningstider", "ärenden som inte avslutas inom lagstadgad tid"),
    ("Dokumentation", "bristfällig dokumentation i journaler och akter"),
    ("Hot och våld", "medarbetare som utsätts för hot och otillbörlig påverkan"),
    ("Ekonomisk styrning", "att budgeten överskrids utan att åtgärder vidtas i tid"),
    ("Delegation", "beslut som fattas utan giltig delegation"),
    ("Arbetsmiljö", "hög sjukfrånvaro och brister i det systematiska arbetsmiljöarbetet"),
    ("Avtalsuppföljning", "att leverantörers åtaganden inte följs upp"),
)
_VERBS = (
    "Granskningen visar att",
    "Uppföljningen visar att",
    "Stickprovet visar att",
    "Kontrollen visar att",
    "Genomgången av ärendena visar att",
    "Enkäten visar att",
)
_FINDINGS = (
    "rutinerna i huvudsak följs men att dokumentationen brister i enstaka ärenden",
    "handläggarna känner till riktlinjerna och att de tillämpas i verksamheterna",
    "flera beslut saknade underskrift av behörig beslutsfattare",
    "fakturor från leverantörer utan avtal förekommer inom två verksamheter",
    "utredningstiderna har förkortats jämfört med föregående period",
    "medarbetarna upplever att stödet från cheferna har förbättrats",
    "behörigheterna i verksamhetssystemen inte alltid tas bort när anställningar upphör",
    "avvikelserna rapporteras men att analysen av orsakerna behöver utvecklas",
)
_ACTIONS = (
    "Utbildning i delegationsordningen för samtliga chefer.",
    "Rutinen för avslut av behörigheter revideras och kommuniceras.",
    "Fördjupad analys av orsakerna till de långa handläggningstiderna.",
    "Stickprovskontroller genomförs varje månad under resten av året.",
    "Inköpssamordnare stöttar verksamheterna vid beställningar.",
)
_CONTROL_KINDS = (
    "Stickprov på",
    "Uppföljning av",
    "Granskning av",
    "Kontroll av",
    "Analys av",
)
_CONTROL_OBJECTS = (
    "beslut enligt delegationsordningen",
    "fakturor från avtalade leverantörer",
    "utredningar som pågått längre än fyra månader",
    "behörigheter i verksamhetssystemet",
    "genomförandeplaner inom hemtjänsten",
    "avvikelserapporter och deras åtgärder",
    "sjukfrånvaron per arbetsplats",
    "tillbud och arbetsskador",
    "direktupphandlingar",
    "registrering av inkommande handlingar",
)


def layout(n: int, namnder: int | None = None) -> list[int]:
    """The number of follow-ups per nämnd for N follow-ups in all (over ``namnder`` nämnder,
    or as many as a municipality of that size has)."""
    if namnder is None:
        namnder = max(min(MIN_NAMNDER, n), math.ceil(n / (MAX_YEARS * len(PERIODS))))
    base, extra = divmod(n, namnder)
    return [base + (1 if i < extra else 0) for i in range(namnder)]


def generate(content: Path, n: int, seed: int = 1, namnder: int | None = None) -> int:
    """Write a content folder with N published follow-ups; return the number of files."""
    rng = random.Random(seed)
    content.mkdir(parents=True, exist_ok=True)
    tillganglighet = {"efterlevnad": "delvis förenlig", "bedomd": "Påhittad bedömning (bench)."}
    kommun = {"namn": "Benchkommun", "beskrivning": _para(rng, 2), "tillganglighet": tillganglighet}
    _dump(content / "kommun.yml", kommun)
    files = 1
    for index, reports in enumerate(layout(n, namnder)):
        namnd_id, name = _namnd_name(index)
        _dump(content / namnd_id / "namnd.yml", {"namn": name, "beskrivning": _para(rng, 2)})
        files += 1
        years = math.ceil(reports / len(PERIODS))
        first = LAST_YEAR - max(years, 1) + 1
        for year in range(first, LAST_YEAR + 1):
            plan = _plan(rng, name, year, index)
            _dump(content / namnd_id / str(year) / "plan.yml", plan)
            files += 1
            done = (year - first) * len(PERIODS)
            for period in PERIODS[: max(0, min(len(PERIODS), reports - done))]:
                report = _report(rng, name, plan, year, period)
                _dump(content / namnd_id / str(year) / f"{period}.yml", report)
                files += 1
    return files


def _namnd_name(index: int) -> tuple[str, str]:
    stem = _NAMNDER[index % len(_NAMNDER)]
    round_ = index // len(_NAMNDER)
    name = f"{stem}nämnden" if not stem.endswith("nämnd") else stem + "en"
    if round_:
        name += f" {round_ + 1}"
    slug = name.lower().replace("ä", "a").replace("å", "a").replace("ö", "o")
    slug = "-".join("".join(c if c.isalnum() else " " for c in slug).split())
    return slug, name


_SHARES = (
    "samtliga", "nästan alla", "tre av fyra", "hälften av", "en tredjedel av", "fyra av tjugo",
    "två av tio", "endast ett fåtal", "merparten av", "knappt hälften av", "sju av femton",
    "ingen av",
)  # fmt: skip
_OBJECTS = (
    "utredningarna", "besluten", "fakturorna", "avtalen", "journalerna", "ansökningarna",
    "orosanmälningarna", "genomförandeplanerna", "riskbedömningarna", "attesterna",
    "direktupphandlingarna", "bygglovsärendena", "tillsynsbesöken", "klagomålen",
    "delegationsbesluten", "avvikelserapporterna", "anställningsavtalen", "löneutbetalningarna",
    "leverantörsbetalningarna", "behörighetsbeställningarna", "inventarielistorna",
    "elevärendena", "skolplaceringarna", "hemtjänstinsatserna", "biståndsbesluten",
    "tillstånden", "serveringstillstånden", "livsmedelskontrollerna", "remissvaren",
    "diarieföringarna", "arkivleveranserna", "kostnadsuppföljningarna", "prognoserna",
    "investeringsbesluten", "hyreskontrakten", "underhållsplanerna", "felanmälningarna",
    "olycksrapporterna", "brandskyddskontrollerna", "lönerevisionerna",
)  # fmt: skip
_PREDICATES = (
    "var fullständigt dokumenterade", "saknade underskrift", "registrerades i tid",
    "följde gällande rutin", "hade granskats av två personer", "var korrekt attesterade",
    "avslutades inom lagstadgad tid", "saknade uppgift om ansvarig handläggare",
    "hade följts upp enligt plan", "innehöll felaktiga belopp", "var förenliga med avtalet",
    "kommunicerades med den enskilde", "arkiverades enligt dokumenthanteringsplanen",
    "hade en aktuell riskbedömning", "överskred budgeterad nivå", "beslutades på rätt nivå",
    "saknade motivering", "var inaktuella", "följdes upp av närmaste chef",
    "dokumenterades i verksamhetssystemet", "rapporterades till nämnden",
    "hanterades utan dröjsmål", "överensstämde med delegationsordningen",
    "saknade bilagor", "hade tidsbegränsade behörigheter",
)  # fmt: skip


def _para(rng: random.Random, sentences: int) -> str:
    """Swedish prose: a few stock findings, mostly sentences built from a wider vocabulary."""
    out = []
    for _ in range(sentences):
        if rng.random() < 0.3:
            out.append(f"{rng.choice(_VERBS)} {rng.choice(_FINDINGS)}.")
        else:
            finding = f"{rng.choice(_SHARES)} {rng.choice(_OBJECTS)} {rng.choice(_PREDICATES)}"
            out.append(f"{rng.choice(_VERBS)} {finding}.")
    return " ".join(out)


def _plan(rng: random.Random, name: str, year: int, index: int) -> dict[str, Any]:
    generation = year // 3
    risks = []
    total = rng.randint(10, 20)
    risk_count = rng.randint(4, 6)
    chosen = rng.sample(range(len(_RISKS)), risk_count)
    for r, risk_index in enumerate(chosen):
        title, text = _RISKS[risk_index]
        controls = []
        for j in range(total // risk_count + (1 if r < total % risk_count else 0)):
            kind = _CONTROL_KINDS[(j + risk_index) % len(_CONTROL_KINDS)]
            obj = _CONTROL_OBJECTS[(j * 3 + risk_index + index) % len(_CONTROL_OBJECTS)]
            controls.append(
                {
                    "id": f"k{risk_index}-{j}-g{generation}",
                    "titel": f"{kind} {obj} ({generation * 3}–{generation * 3 + 2})",
                    "ansvarig": "Avdelningen för stöd och utveckling",
                    "metod": _para(rng, 2),
                }
            )
        s, k = rng.randint(1, 5), rng.randint(1, 5)
        risks.append(
            {
                "id": f"risk-{risk_index}",
                "titel": title,
                "beskrivning": f"Risk för {text}.",
                "sannolikhet": s,
                "konsekvens": k,
                "befintliga_rutiner": _para(rng, 3),
                "kontroller": controls,
            }
        )
    return {
        "status": "beslutad",
        "beslut": _decision(name, dt.date(year - 1, 12, 10), year),
        "inledning": _para(rng, 5),
        "risker": risks,
    }


def _decision(name: str, date: dt.date, year: int) -> dict[str, Any]:
    return {
        "organ": name,
        "datum": date,
        "paragraf": f"§ {date.timetuple().tm_yday % 200 + 1}",
        "dnr": f"{name[:2].upper()} {year}/{date.month:04d}",
    }


def _report(
    rng: random.Random, name: str, plan: dict[str, Any], year: int, period: str
) -> dict[str, Any]:
    month, day = _PERIOD_END[period]
    end = dt.date(year, month, day)
    results = []
    for risk in plan["risker"]:
        for control in risk["kontroller"]:
            results.append(_result(rng, control["id"]))
    return {
        "status": "beslutad",
        "rapportdatum": end,
        "beslut": _decision(name, end + dt.timedelta(days=30), year),
        "sammanfattning": _para(rng, 4),
        "analys": _para(rng, 4),
        "kontroller": results,
    }


def _result(rng: random.Random, control_id: str) -> dict[str, Any]:
    level = rng.choices(
        ["inga-avvikelser", "mindre-avvikelser", "graverande-avvikelser", "ingen-bedomning"],
        weights=[60, 25, 10, 5],
    )[0]
    result: dict[str, Any] = {
        "kontroll": control_id,
        "status": "slutford" if level != "ingen-bedomning" else "paborjad",
        "bedomning": level,
        "resultat": _para(rng, rng.randint(2, 4)),
        "indikatorer": [
            {
                "id": "andel-avvikelser",
                "namn": "Andel ärenden med avvikelser",
                "varde": round(rng.uniform(0, 40), 1),
                "enhet": "%",
            }
        ],
    }
    if level in ("mindre-avvikelser", "graverande-avvikelser"):
        result["kommentar"] = _para(rng, 2)
        result["atgarder"] = [
            {
                "vad": rng.choice(_ACTIONS),
                "vem": "Förvaltningschef",
                "nar": "till nästa uppföljning",
            }
        ]
    return result


def _dump(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
    path.write_text(text, encoding="utf-8")
