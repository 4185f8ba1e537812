"""A model page shows issue 14's new values in both languages (total and active parameters, a result with its
rank and scope, a list membership with its owner linked, a rendered name marked as one), lists them in its
JSON-LD as schema.org PropertyValues, and claims.csv carries them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from claims_fixtures import MODEL_HEADER, Source, check, write_base
from factbase.validation import load_fact_base
from sitegen.downloads import claims_csv
from sitegen.pages import render_record_page
from sitegen.sitedata import site_data_of
from sitegen.views import Page

NEWS = Source("news-k", "2026-01-15", [
    "K-EXAONE 공개",  # 1
    "K-EXAONE은 총 파라미터 2360억 개 가운데 230억 개만 활성화하는 전문가 혼합(MoE) 구조다.",  # 2
    "K-EXAONE은 인공지능 지수에서 오픈 웨이트 모델 중 20개 가운데 7위에 올랐다.",  # 3
    "K-EXAONE은 에포크 AI의 ‘주목할 만한 AI 모델’ 목록에 이름을 올렸다.",  # 4
])


def cite(line: int, quote_en: str) -> str:
    return (f"      citations:\n        - source: news-k\n          quote: {NEWS.lines[line - 1]}\n"
            f"          quote_en: {quote_en}\n          line: {line}\n")


MOE = "K-EXAONE is a mixture-of-experts model that activates 23B of its 236B parameters."
MODEL = MODEL_HEADER.replace("model-a", "k-exaone") + f"""\
  parameters:
    - value: {{amount: 236000000000, unit: parameters}}
      status: confirmed
{cite(2, MOE)}  active_parameters:
    - value: {{amount: 23000000000, unit: parameters}}
      status: confirmed
{cite(2, MOE)}  result:
    - value:
        benchmark: {{ko: 인공지능 지수, en: Intelligence Index, rendered: en}}
        rank: 7
        of: 20
        scope: {{ko: 오픈 웨이트 모델 중, en: among open-weight models}}
      status: reported
{cite(3, "K-EXAONE placed 7th of 20 among open-weight models in the Intelligence Index.")}  membership:
    - value:
        list: {{ko: 주목할 만한 AI 모델, en: Notable AI Models}}
        owner: org-a
        date: "2026-01"
      status: reported
{cite(4, "K-EXAONE was listed among Epoch AI's Notable AI Models.")}"""


@pytest.fixture
def site(tmp_path: Path) -> Page:
    facts, archive = write_base(tmp_path, [NEWS], {"models/k-exaone.yaml": MODEL})
    assert [d.format_text() for d in check(facts, archive)] == []
    base, _ = load_fact_base([facts])
    return Page(data=site_data_of(base), lang="ko", root="../../", url="models/k-exaone/", repository="https://x.test")


EXPECTED = {
    "ko": ["파라미터 수", "2360억 개", "활성 파라미터 수", "230억 개", "벤치마크 순위",
           "인공지능 지수: 오픈 웨이트 모델 중 7위 (20개 중)", "목록 등재", "주목할 만한 AI 모델, 2026년 1월"],
    "en": ["Parameters", "236B parameters", "Active parameters", "23B parameters", "Benchmark places",
           "Intelligence Index (our rendering): 7th of 20 among open-weight models", "Listed in",
           "Notable AI Models, January 2026"],
}


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_model_page_shows_each_new_type_in_its_language(site: Page, lang: str) -> None:
    page = Page(data=site.data, lang=lang, root=site.root, url=site.url, repository=site.repository)
    html = render_record_page(page, "model", "k-exaone")
    assert [text for text in EXPECTED[lang] if text not in html] == []
    other = "en" if lang == "ko" else "ko"
    table = html.split('<table class="kf-claims"', 1)[1].split("</table>", 1)[0]  # the quotes stand below it
    assert [text for text in EXPECTED[lang] if text not in table] == []
    assert [text for text in EXPECTED[other] if text in table and text not in EXPECTED[lang]] == []
    assert ("인공지능 지수" in table) is (lang == "ko")  # a Korean-only name is not shown on the English page
    assert 'href="../../organizations/org-a/"' in html  # the list's owner, linked
    (script,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    properties = json.loads(script)["about"]["additionalProperty"]
    by_name = {p["name"]: p for p in properties}
    assert by_name[EXPECTED[lang][2]]["value"] == 23000000000
    assert any(p["value"] == 7 and p["unitText"] == "rank" for p in properties)
    assert any(p.get("propertyID") == "org-a" for p in properties)


def test_claims_csv_carries_each_new_type(site: Page) -> None:
    rows = [line for line in claims_csv(site.data).splitlines() if line.startswith("model,k-exaone,")]
    assert [row.split(",")[2] for row in rows] == ["parameters", "active_parameters", "result", "membership"]
    assert rows[1].startswith("model,k-exaone,active_parameters,0,23000000000,parameters,exact,")
    assert '""rank"": 7' in rows[2] and '""owner"": ""org-a""' in rows[3]
