"""Auditors: URLs that never break, one control's permalink, the decision record, what changed
after the decision. Real MkDocs builds of a fixture in a real git repository; real git.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from bs4 import BeautifulSoup
from conftest import ROOT, run_ikgen
from granskning_stod import AUDIT_CONTENT, edit, git, resolve

from ikgen.publish.githistory import NOTE_DIRTY, NOTE_NO_GIT, GitHistory
from ikgen.publish.manifest import Manifest, missing_urls, redirect_html

REPORT = "/socialnamnden/2024/delar-1/"
NEW_REPORT = "/omsorgsnamnden/2024/delar-1/"


def _soup(site: Path, url: str) -> BeautifulSoup:
    html = resolve(site, url)
    assert html is not None, url
    return BeautifulSoup(html, "html.parser")


# 1. URLs that never break ------------------------------------------------------------------


def test_manifest_lists_every_built_page_and_file(audit_sites) -> None:
    site = audit_sites.before
    manifest = Manifest.parse((site / "urls.txt").read_text(encoding="utf-8"), "urls.txt")
    for url in manifest.urls:
        assert resolve(site, url) is not None, f"{url} is in urls.txt but not in the site"
    built = {
        "/" + p.parent.relative_to(site).as_posix().removeprefix(".") + "/"
        for p in site.rglob("index.html")
        if 'class="md-content"' in p.read_text(encoding="utf-8")  # a page, not a redirect
    }
    assert any("/kontroller/" in u for u in built), "control pages are among the pages checked"
    assert {u.replace("//", "/") for u in built} <= manifest.urls
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    pages = {u for u in manifest.urls if u.endswith("/") and "#" not in u}
    for url in pages:
        assert f"<loc>https://internkontroll.provkommun.se{url}</loc>" in sitemap
    assert all("helar" not in u for u in manifest.urls), "a draft reached the manifest"


def test_every_old_url_resolves_after_renaming(audit_sites) -> None:
    old = Manifest.parse(audit_sites.old_manifest.read_text(encoding="utf-8"), "fore")
    assert f"{REPORT}#fakturakontroll" in old.urls and "/socialnamnden/2024/plan/#avtal" in old.urls
    broken = [url for url in sorted(old.urls) if resolve(audit_sites.after, url) is None]
    assert broken == []
    # The old control URL lands on the renamed control's own page.
    page = _soup(audit_sites.after, "/socialnamnden/kontroller/fakturakontroll/")
    assert page.h1 is not None and "Kontroll av fakturor" in page.h1.get_text()
    redirect = (audit_sites.after / "socialnamnden" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://internkontroll.provkommun.se/omsorgsnamnden/">' in (
        redirect
    )


def test_check_mot_passes_after_renames_and_fails_without_tidigare_id(
    audit_sites, tmp_path: Path
) -> None:
    content = audit_sites.project / "content"
    ok = run_ikgen("check", str(content), "--mot", str(audit_sites.old_manifest))
    assert ok.returncode == 0, ok.stderr
    assert "finns kvar eller omdirigeras" in ok.stdout
    broken = tmp_path / "content"
    shutil.copytree(content, broken)
    edit(broken / "omsorgsnamnden" / "2024" / "plan.yml", "tidigare_id: [fakturakontroll]", "")
    bad = run_ikgen("check", str(broken), "--mot", str(audit_sites.old_manifest))
    assert bad.returncode == 1
    assert f"{REPORT}#fakturakontroll: adressen finns inte längre" in bad.stderr
    assert "/socialnamnden/kontroller/fakturakontroll/" in bad.stderr
    assert "Traceback" not in bad.stderr


def test_check_mot_reports_unreadable_manifest(tmp_path: Path) -> None:
    (tmp_path / "urls.txt").write_text("/ok/\ninte en adress\n", encoding="utf-8")
    result = run_ikgen("check", str(AUDIT_CONTENT), "--mot", str(tmp_path / "urls.txt"))
    assert result.returncode == 1
    assert "urls.txt:2: raden är ingen adress" in result.stderr


def test_manifest_round_trip_and_redirect_chain() -> None:
    before = Manifest({"/a/", "/a/#k", "/data/a/2024/plan.json"})
    now = Manifest({"/b/", "/b/#k"}, {"/a/": "/c/", "/c/": "/b/"})
    assert Manifest.parse(now.text(), "x") == now
    assert missing_urls(before, now) == ["/data/a/2024/plan.json"]
    html = redirect_html("/a/x/", "/b/x/")
    assert 'content="0; url=../../b/x/"' in html and "location.hash" in html


# 2. Link to one control ----------------------------------------------------------------------


def test_each_control_has_a_visible_copyable_permalink(audit_sites) -> None:
    for url, ids in ((REPORT, 2), ("/socialnamnden/2024/plan/", 2)):
        page = _soup(audit_sites.before, url)
        links = page.select("p.ik-permalank")
        assert len(links) == ids, url
        for p in links:
            anchor = p.a["href"]
            assert p.a.get_text() == "Länk till kontrollen"
            assert page.find(id=anchor[1:]) is not None
            assert p.code.get_text() == f"https://internkontroll.provkommun.se{url}{anchor}"


def test_control_page_lists_every_period(audit_sites, main_site: Path) -> None:
    page = _soup(audit_sites.before, "/socialnamnden/kontroller/avtalskontroll/")
    hrefs = [a["href"] for a in page.select("table.ik-perioder a")]
    assert "../../2024/delar-1/#avtalskontroll" in hrefs
    assert "../../2024/delar-2/#avtalskontroll" in hrefs
    for report in main_site.glob("*/[0-9]*/*/index.html"):
        if report.parent.name == "plan":
            continue
        soup = BeautifulSoup(report.read_text(encoding="utf-8"), "html.parser")
        for card in soup.select("p.ik-permalank a"):
            cid = card["href"][1:]
            control = report.parent.parent.parent / "kontroller" / cid / "index.html"
            text = control.read_text(encoding="utf-8")
            assert f"../../{report.parent.parent.name}/{report.parent.name}/#{cid}" in text


# 3. The decision record -----------------------------------------------------------------------


def test_decision_record_at_the_top(audit_sites) -> None:
    page = _soup(audit_sites.before, REPORT)
    h2s = [h.get("id") for h in page.select("article h2")]
    assert h2s[0] == "beslut", h2s
    record = page.select_one("dl.ik-beslut").get_text(" ")
    for fact in ("Socialnämnden", "2024-05-28", "§96", "SN 2024-7", "Socialdemokraterna"):
        assert fact in record
    link = page.select_one("dl.ik-beslut a")
    assert link["href"] == "https://www.provkommun.se/protokoll/sn-2024-05-28.pdf"
    assert "Vi vill se en handlingsplan" in page.select_one("blockquote.ik-anteckning").get_text()
    undecided = _soup(audit_sites.before, "/socialnamnden/2024/delar-2/")
    assert "Ej beslutad ännu." in undecided.select_one(".ik-ej-beslutad").get_text()
    assert undecided.find(id="beslut") is None


# 4. What changed after the decision ---------------------------------------------------------


def test_changes_after_the_decision_from_git(audit_sites) -> None:
    section = _soup(audit_sites.before, REPORT).select_one(".ik-andringar").get_text(" ")
    assert "Senast ändrad 2024-06-10" in section
    assert "ändrats 1 gång efter beslutet 2024-05-28" in section
    assert "Ändrat: sammanfattning." in section
    # Only date, version and changed fields are shown: no commit subject or author name
    # (free text and personal data that no check has read).
    assert "Rättat sammanfattningen" not in section and "Redaktör" not in section
    assert "Delår 1 inför nämnden" not in section, "a change before the decision was listed"
    # After the rename (git mv), --follow keeps the history and lists the renaming commit.
    after = _soup(audit_sites.after, NEW_REPORT).select_one(".ik-andringar").get_text(" ")
    assert "ändrats 2 gånger" in after and "Rättat sammanfattningen" not in after
    assert "kontroller (fakturagranskning, fakturakontroll)" in after


def test_history_outside_git_and_with_uncommitted_changes(audit_sites, main_site: Path) -> None:
    any_report = next(p for p in main_site.glob("*/[0-9]*/*/index.html") if "plan" not in str(p))
    assert NOTE_NO_GIT in any_report.read_text(encoding="utf-8")
    report = audit_sites.project / "content" / "omsorgsnamnden" / "2024" / "delar-1.yml"
    with report.open("a", encoding="utf-8") as f:
        f.write("\n")
    try:
        history = GitHistory(enabled=True).source_history(report, None)
        assert history.in_git and NOTE_DIRTY in history.notes
    finally:
        git(audit_sites.project, "checkout", "--", str(report))


def test_root_readme_tells_auditors_how_to_cite() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "## För revisorer: citera och ladda ner data" in readme
    for fact in ("/data/{nämnd}/{år}/{period}.json", "urls.txt", "--mot", "kontroll_id"):
        assert fact in readme, fact
