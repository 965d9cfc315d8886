"""The fast tier: in-process tests of single modules, no MkDocs, no subprocess, no browser.

Run it while working with ``make test-snabb`` (under 20 s); ``make test`` runs everything.
"""

from __future__ import annotations

import pytest

from ikgen.build import Build
from ikgen.core.corpus import Corpus
from ikgen.core.site import Site, build_site
from ikgen.pipeline import load_checked

from .fast_paths import SOURCES


@pytest.fixture(scope="session", params=sorted(SOURCES))
def corpus(request: pytest.FixtureRequest) -> Corpus:
    """Each real or fixture content folder, loaded and checked in-process."""
    return load_checked(SOURCES[request.param], Build())


@pytest.fixture(scope="session")
def norrtalje() -> Corpus:
    """Norrtälje's socialnämnd (content/), transcribed from the decided reports."""
    return load_checked(SOURCES["norrtalje"], Build())


@pytest.fixture(scope="session")
def site(corpus: Corpus) -> Site:
    """The published site of each corpus (no drafts)."""
    return build_site(corpus)
