"""The CSV download keeps text that a spreadsheet would run as a formula as plain text, and numbers as written."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from factbase.value_types import number_text
from factbase_fixtures import MODEL, make_base
from sitegen.downloads import claims_csv, text_cell
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


@pytest.mark.parametrize("text", [
    "=1+1", "+1", "-1", "@SUM(A1)", " =1+1", "\u00a0=1+1", "\u3000=1+1", "\uff1d1+1", "\ufe661+1", "\uff0b1",
    "\uff0d1", "\uff20SUM(A1)", "'=1+1", '"=1+1', ";=1+1", "|=1+1", ",=1+1", "\t=1+1", "\r=1+1", "\n=1",
    " \u00a0 ' ; =cmd|' /C calc'!A0", "\t", "\r",
])
def test_every_formula_disguise_is_made_inert(text: str) -> None:
    assert text_cell(text) == f"'{text}"


@pytest.mark.parametrize("text", ["LG AI Research", "3000억 개", "a=b", "e-mail", "'quoted' text", "100%"])
def test_ordinary_text_is_left_alone(text: str) -> None:
    assert text_cell(text) == text


@pytest.mark.parametrize(("number", "written"), [
    (0.1234567890123, "0.1234567890123"), (0.000001, "0.000001"), (7800000000, "7800000000"), (7.8, "7.8"),
    (95700000000000000, "95700000000000000"), (0.6, "0.6"), (123456789012345.0, "123456789012345.0"),
])
def test_numbers_keep_every_written_digit(number: float, written: str) -> None:
    assert number_text(number) == written


def test_the_csv_keeps_a_precise_amount_exactly(tmp_path: Path) -> None:
    facts, _ = make_base(tmp_path, model=MODEL.replace("amount: 7800000000", "amount: 0.000012345678901"))
    rows = list(csv.DictReader(io.StringIO(claims_csv(load_site_data(facts)))))
    assert next(row for row in rows if row["property"] == "parameters")["value"] == "0.000012345678901"
