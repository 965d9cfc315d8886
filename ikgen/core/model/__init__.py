"""The validated content model: one class per kind of content file, plus the whole corpus."""

from __future__ import annotations

from .common import Avsnitt, Beslut, Bilaga, Protokollsanteckning
from .dokument import (
    Atgard,
    Dokumentstatus,
    Hantering,
    Helhetsbedomning,
    Indikator,
    Kontroll,
    Kontrollresultat,
    Namnd,
    Plan,
    Risk,
    Riskuppfoljning,
    Uppfoljning,
)
from .kommun import Bedomningsniva, Kommun, Omrade, Period, Riskniva, Riskskala, Statusniva

__all__ = [
    "Atgard",
    "Avsnitt",
    "Bedomningsniva",
    "Beslut",
    "Bilaga",
    "Dokumentstatus",
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
