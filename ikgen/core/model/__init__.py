"""The validated content model: one class per kind of content file, plus the whole corpus."""

from __future__ import annotations

from .common import Avsnitt, Beslut, Bilaga, Protokollsanteckning
from .dokument import (
    Atgard,
    Dokumentstatus,
    Galler,
    Hantering,
    Helhetsbedomning,
    Iakttagelse,
    Indikator,
    Kontroll,
    Kontrollresultat,
    Namnd,
    Periodresultat,
    Plan,
    Risk,
    Riskuppfoljning,
    Uppfoljning,
)
from .kommun import (
    Bedomningsniva,
    Dokumentstatusnamn,
    Kommun,
    Omrade,
    Period,
    Riskniva,
    Riskskala,
    Statusniva,
    Termer,
)

__all__ = [
    "Atgard",
    "Avsnitt",
    "Bedomningsniva",
    "Beslut",
    "Bilaga",
    "Dokumentstatus",
    "Dokumentstatusnamn",
    "Galler",
    "Iakttagelse",
    "Periodresultat",
    "Termer",
    "Hantering",
    "Helhetsbedomning",
    "Indikator",
    "Kommun",
    "Kontroll",
    "Kontrollresultat",
    "Namnd",
    "Omrade",
    "Period",
    "Plan",
    "Protokollsanteckning",
    "Risk",
    "Riskniva",
    "Riskskala",
    "Riskuppfoljning",
    "Statusniva",
    "Uppfoljning",
]
