"""Secret content (sekretess) never reaches any published file; the same text does when it is
not marked secret (positive control). Held like drafts: every output file, gzip unpacked."""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES, build_project, make_project

SECRETS = (
    "qzhemligtitel",
    "qzhemligansvarig",
    "qzhemligmetod",
    "qzhemligavsnitt",
    "qzhemligindikatornamn",
    "qzhemligresultat",
    "qzhemligkommentar",
    "Två av tio fakturor saknade attest",
)


def _project(tmp: Path, secret: bool) -> Path:
    project = make_project(tmp, FIXTURES / "bas" / "content")
    overlay = FIXTURES / "sekretess" / "content"
    shutil.copytree(overlay, project / "content", dirs_exist_ok=True)
    if not secret:
        for path in (project / "content" / "testnamnden" / "2024").glob("*.yml"):
            path.write_text(_unmarked(path.read_text(encoding="utf-8")), encoding="utf-8")
    return project


def _unmarked(text: str) -> str:
    """The same file with every ``sekretess`` block removed."""

    def strip(node: object) -> object:
        if isinstance(node, dict):
            return {k: strip(v) for k, v in node.items() if k != "sekretess"}
        if isinstance(node, list):
            return [strip(v) for v in node]
        return node

    return yaml.safe_dump(strip(yaml.safe_load(text)), allow_unicode=True)


def _published_text(site: Path) -> str:
    parts = []
    for path in sorted(site.rglob("*")):
        parts.append(path.name)
        if path.is_file():
            data = path.read_bytes()
            if data[:2] == b"\x1f\x8b":
                data = gzip.decompress(data)
            parts.append(data.decode("utf-8", "replace"))
    return "\n".join(parts)


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    out = {}
    for name, secret in (("hemlig", True), ("oppen", False)):
        site = build_project(_project(tmp_path_factory.mktemp(name), secret))
        out[name] = _published_text(site)
    return out


def test_no_secret_text_in_any_published_file(published: dict[str, str]) -> None:
    leaks = [s for s in SECRETS if s in published["hemlig"]]
    assert leaks == []


def test_the_same_texts_are_published_when_not_secret(published: dict[str, str]) -> None:
    missing = [s for s in SECRETS if s not in published["oppen"]]
    assert missing == []


def test_the_site_says_what_is_secret_and_shows_the_public_extract(published) -> None:
    text = published["hemlig"]
    assert "omfattas av sekretess (18 kap. 8 § OSL)" in text
    assert "Kontrollen av IT-säkerheten genomfördes enligt plan." in text
    assert "Resultatet redovisas för nämnden i ett slutet ärende." in text
    assert "Uppgifter som omfattas av sekretess" in text
