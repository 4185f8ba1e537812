"""The CSV download keeps text that a spreadsheet would run as a formula as plain text."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from factbase_fixtures import MODEL, make_base
from sitegen.downloads import claims_csv
from sitegen.sitedata import load_site_data


def test_formula_like_text_is_kept_as_text(tmp_path: Path) -> None:
    model = MODEL.replace("  parameters:", """  description:
    - value:
        ko: "=HYPERLINK(\\"http://x\\")"
        en: "@SUM(A1)"
      status: reported
      citations:
        - source: news-a
          quote: 현재 엑사원의 파라미터는 3000억 개로 국내 최고 수준이다.
          quote_en: "-its parameters number 300 billion"
          line: 4
  parameters:""")
    facts, _ = make_base(tmp_path, model=model)
    rows = list(csv.DictReader(io.StringIO(claims_csv(load_site_data(facts)))))
    description = next(row for row in rows if row["property"] == "description")
    assert json.loads(description["value"]) == {"ko": '=HYPERLINK("http://x")', "en": "@SUM(A1)"}  # JSON: inert
    assert description["quotes_en"] == "'-its parameters number 300 billion"
    parameters = next(row for row in rows if row["property"] == "parameters")
    assert (parameters["value"], parameters["unit"]) == ("7800000000", "parameters")
