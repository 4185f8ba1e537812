"""The overview views (sitegen/overview.py, sitegen/timeline.py) on the real fact base: every model is a row of
the models table, a disputed count shows every value, the timeline lists each happening once and every date
in facts/, and no <time datetime> is given a half or a quarter."""

from __future__ import annotations

from collections import Counter

import pytest
from conftest import ROOT
from factbase.records import iter_claims
from sitegen import overview, timeline, views
from sitegen.formatting import html_datetime
from sitegen.sitedata import SiteData, load_site_data


@pytest.fixture(scope="module")
def data() -> SiteData:
    return load_site_data(ROOT / "facts")


def _page(data: SiteData, lang: str, url: str = "models/") -> views.Page:
    return views.Page(data=data, lang=lang, root="../" * url.count("/"), url=url, repository="https://x.test")


@pytest.mark.parametrize(("amount", "lang", "shown"), [
    (6_166_502_400, "en", "6.17B"), (6_166_502_400, "ko", "61.7억"), (671_000_000_000, "ko", "6710억"),
    (300_000_000_000, "en", "300B"), (596_000_000, "en", "596M"), (10**12, "ko", "1조"),
    (1_280_000_000, "ko", "12.8억"),
])
def test_parameter_counts_are_short_and_keep_their_digits(amount: int, lang: str, shown: str) -> None:
    assert overview.short_number(amount, lang) == shown


def test_every_model_is_a_row_and_none_hides_under_a_missing_developer(data: SiteData) -> None:
    rows = overview.models_table_view(_page(data, "en"))["rows"]
    assert sorted(row["link"]["href"] for row in rows) == sorted(f"../models/{m}/" for m in data.records["model"])
    unstated = [row for row in rows if not row["developers"]]
    assert unstated and all(row["developer_keys"] == "none" for row in unstated)
    members = [row for row in rows if row["family"]]
    assert {"EXAONE 3.5", "KoGPT"} <= {row["family"]["text"] for row in members}


def test_a_disputed_count_shows_each_value_once_and_says_so(data: SiteData) -> None:
    page = _page(data, "en")
    kogpt = overview.parameters_cell(page, data.records["model"]["kogpt"])
    assert (kogpt["text"], kogpt["mark"]) == ("30B / 6.17B", "disputed")
    exaone = overview.parameters_cell(page, data.records["model"]["exaone-1-0"])  # 300B twice, 600B planned
    assert (exaone["text"], exaone["mark"]) == ("300B", None)


def test_the_timeline_lists_each_happening_once_and_every_date(data: SiteData) -> None:
    lines = timeline.timeline_lines(data)
    page = _page(data, "en", "timeline/")
    views_ = [timeline.line_view(page, line) for line in lines]
    # every event and every model announcement or release (but a member's that repeats its family's) is in
    merged_events = [event.id for line in lines for event in line.events]
    assert sorted(merged_events) == sorted(data.records["event"])
    dated = {(claim.record.id, claim.path[-1], claim.property) for line in lines for claim in line.dates}
    for model in data.records["model"].values():
        family = data.records["model"].get(model.data.get("family", ""))
        for claim in iter_claims(model):
            repeats = family is not None and any(
                c.property == claim.property and c.data["value"] == claim.data["value"] for c in iter_claims(family))
            if claim.property in ("announced", "released") and claim.data["status"] != "superseded" and not repeats:
                assert (model.id, claim.path[-1], claim.property) in dated
    # EXAONE 1.0's announcement and its plan, ChatEXAONE's planned launch and the event about it: one line each
    titles = Counter(entry["title"]["text"] for entry in views_)
    assert titles["EXAONE 1.0"] == 1
    chat = [entry for entry in views_ if any(s["text"] == "ChatEXAONE" for s in entry["subjects"])
            or entry["title"]["text"] == "ChatEXAONE"]
    assert len(chat) == 1
    assert len({(e["date"], e["title"]["text"]) for e in views_}) == len(views_)


@pytest.mark.parametrize(("date", "value"), [("2022", "2022"), ("2022-03", "2022-03"), ("2022-03-01", "2022-03-01"),
                                             ("2022-H1", None), ("2024-Q3", None)])
def test_time_elements_get_only_valid_datetimes(date: str, value: str | None) -> None:
    assert html_datetime(date) == value


def test_a_list_s_order_is_computed_once_per_site_data_not_per_page(data: SiteData,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Each timeline page asked for every line and sorted them: at 5,000 models, 80 pages each did the work
    of the whole timeline. The lines are computed once per SiteData; another SiteData computes its own."""
    computed: list[int] = []
    model_dates = timeline._model_dates
    monkeypatch.setattr(timeline, "_model_dates", lambda d: computed.append(id(d)) or model_dates(d))
    fresh = SiteData(data.base)
    first = [timeline.timeline_view(_page(fresh, "en", "timeline/"), number) for number in (1, 1, 2)]
    assert computed == [id(fresh)] and first[0] == first[1]
    assert timeline.timeline_lines(fresh) is timeline.timeline_lines(fresh)
    other = SiteData(data.base)
    assert timeline.timeline_lines(other) is not timeline.timeline_lines(fresh)
    assert computed == [id(fresh), id(other)]
    ko, en = (overview._in_date_order(fresh, lang) for lang in ("ko", "en"))
    assert ko is overview._in_date_order(fresh, "ko") and en is not ko and sorted(map(id, ko)) == sorted(map(id, en))
