"""The coverage report: claims and verified quotes per source, single-source claims per property, and claims
resting only on news articles where the record cites an official source (for review)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT, load_file
from factbase.archive import ARCHIVE_ENV, Archive
from factbase.coverage import coverage, reviews_located
from factbase.validation import load_fact_base
from factbase_fixtures import MODEL, make_base
from sitegen.coverage import coverage_view
from sitegen.render import render
from sitegen.sitedata import load_site_data
from sitegen.views import Page

# scripts/coverage.py, loaded by its path: the name `coverage` also belongs to a well-known package.
main = load_file(ROOT / "scripts" / "coverage.py", "coverage_cli").main

# factbase_fixtures: model-a's developer rests on a news article (news-a), its parameters on a README
# (readme-a).


def base_with(tmp_path: Path, model: str = MODEL) -> tuple[Path, Path]:
    return make_base(tmp_path, model=model)


def test_claims_and_verified_quotes_per_source(tmp_path: Path) -> None:
    facts, archive = base_with(tmp_path, MODEL.replace("14일", "15일"))  # no longer in the archived copy
    report = coverage(load_fact_base([facts])[0], Archive(archive))
    rows = {e.source.id: (e.claims, e.quotes, e.verified) for e in report.sources}
    assert rows == {"news-a": (1, 1, 0), "readme-a": (1, 1, 1)}


def test_without_an_archive_nothing_is_counted_as_verified(tmp_path: Path) -> None:
    facts, _ = base_with(tmp_path)
    report = coverage(load_fact_base([facts])[0], None)
    assert [e.verified for e in report.sources] == [None, None]
    assert not report.verified


def test_single_source_claims_per_property(tmp_path: Path) -> None:
    facts, archive = base_with(tmp_path)
    report = coverage(load_fact_base([facts])[0], Archive(archive))
    assert [(p.kind, p.property, p.claims, p.single_source) for p in report.properties] == [
        ("model", "developer", 1, 1), ("model", "parameters", 1, 1)]


def test_a_news_only_claim_beside_an_official_source_is_flagged_for_review(tmp_path: Path) -> None:
    facts, archive = base_with(tmp_path)
    report = coverage(load_fact_base([facts])[0], Archive(archive))
    located = reviews_located(report)
    assert [(Path(p).name, line, col) for p, line, col, _ in located] == [("model-a.yaml", 8, 7)]
    assert located[0][3] == ("developer[0] rests only on news articles (news-a); the record cites official "
                             "sources (readme-a)")


def test_a_record_without_an_official_source_is_not_flagged(tmp_path: Path) -> None:
    facts, archive = base_with(tmp_path, MODEL[:MODEL.index("  parameters:")])
    report = coverage(load_fact_base([facts])[0], Archive(archive))
    assert [p.property for p in report.properties] == ["developer"]
    assert report.reviews == []


def test_the_cli_prints_the_summary_and_warnings_and_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    facts, archive = base_with(tmp_path)
    assert main([str(facts), "--archive", str(archive)]) == 0
    out, err = capsys.readouterr()
    assert "  news-a         news-article       1       1       1/1\n" in out
    assert "Claims resting on a single source: 2 of 2" in out
    model = facts / "models" / "model-a.yaml"
    assert f"{model}:8:7: warning: developer[0] rests only on news articles" in err
    monkeypatch.setenv(ARCHIVE_ENV, "")  # no archive, not even the default one
    assert main([str(facts), "--format", "github"]) == 0
    out, err = capsys.readouterr()
    assert "not checked" in out and "quotes NOT verified" in out
    assert "::warning file=" in err and ",line=8,col=7,title=coverage review::developer[0]" in err


@pytest.mark.parametrize(("lang", "heading", "review"), [
    ("en", "Claims and verified quotes per source", "Claims for review (1)"),
    ("ko", "출처별 인용과 검증된 인용문", "검토가 필요한 주장 (1)"),
])
def test_the_page_shows_the_report_in_each_language(tmp_path: Path, lang: str, heading: str,
                                                     review: str) -> None:
    facts, archive = base_with(tmp_path)
    page = Page(data=load_site_data(facts), lang=lang, root="", url="coverage/", repository="https://example.org")
    html = render("coverage.html", page, **coverage_view(page, coverage(page.data.base, Archive(archive))))
    assert heading in html and review in html
    assert "<td>1 / 1</td>" in html  # each source's quote, verified
    assert 'href="sources/readme-a/"' in html


def test_the_cli_refuses_a_missing_archive(tmp_path: Path) -> None:
    facts, _ = base_with(tmp_path)
    with pytest.raises(SystemExit) as stopped:
        main([str(facts), "--archive", str(tmp_path / "no-archive")])
    assert stopped.value.code == 2
