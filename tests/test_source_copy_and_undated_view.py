"""The site says how much of a source its archived copy holds, and shows an undated plan's date as the day it
was announced (both languages)."""

from __future__ import annotations

from pathlib import Path

import pytest
from factbase.validation import load_fact_base
from factbase_fixtures import diagnostics_for, make_base
from sitegen.pages import render_record_page
from sitegen.sitedata import site_data_of
from sitegen.views import Page

EXCERPT = """\
  copy: excerpt
  note:
    ko: 유료 기사라 첫 두 문단만 보관했다.
    en: A paywalled article; only its first two paragraphs were archived.
"""
UNDATED = """\
  announced:
    - value: "2021-12-14"
      status: planned
      undated: true
      citations:
        - source: news-a
          quote: LG AI연구원은 14일 초거대 AI 모델 ‘엑사원(EXAONE)’을 공개했다.
          quote_en: LG AI Research unveiled its hyperscale AI model EXAONE on the 14th.
          line: 3
"""


def _page(facts: Path, lang: str, kind: str, record_id: str) -> str:
    base, _ = load_fact_base([facts])
    page = Page(data=site_data_of(base), lang=lang, root="", url=f"{kind}s/{record_id}/",
                repository="https://example.org")
    return render_record_page(page, kind, record_id)


@pytest.mark.parametrize(("lang", "shown"), [
    ("ko", "<dt>보관 범위</dt><dd>발췌: 유료 기사라 첫 두 문단만 보관했다.</dd>"),
    ("en", "<dt>Extent of the copy</dt><dd>An excerpt: A paywalled article; only its first two paragraphs were "
           "archived.</dd>"),
])
def test_an_excerpt_says_so_on_its_source_page(tmp_path: Path, lang: str, shown: str) -> None:
    facts, archive = make_base(tmp_path)
    source = facts / "sources" / "news-a.yaml"
    source.write_text(source.read_text(encoding="utf-8") + EXCERPT, encoding="utf-8")
    assert diagnostics_for(facts, archive) == []
    assert shown in _page(facts, lang, "source", "news-a")
    whole = {"ko": "<dt>보관 범위</dt><dd>전문</dd>", "en": "<dt>Extent of the copy</dt><dd>The whole text</dd>"}
    assert whole[lang] in _page(facts, lang, "source", "readme-a")


@pytest.mark.parametrize(("lang", "shown"), [("ko", "(날짜 미정: 발표일)"),
                                             ("en", "(no date given: the day it was announced)")])
def test_an_undated_plan_is_shown_as_announced_without_a_date(tmp_path: Path, lang: str, shown: str) -> None:
    facts, archive = make_base(tmp_path)
    model = facts / "models" / "model-a.yaml"
    model.write_text(model.read_text(encoding="utf-8").replace("  parameters:\n", UNDATED + "  parameters:\n"),
                     encoding="utf-8")
    assert diagnostics_for(facts, archive) == []
    html = _page(facts, lang, "model", "model-a")
    assert f'<span class="kf-undated">{shown}</span>' in html
