"""Long lists are split into pages: every entry on exactly one page, in order, with links to every page."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from conftest import ROOT
from sitegen import overview, page_types, paging, timeline, views
from sitegen.sitedata import load_site_data


@pytest.fixture(scope="module")
def data() -> views.SiteData:
    return load_site_data(ROOT / "facts")


def _page(data: views.SiteData, url: str) -> views.Page:
    return views.Page(data=data, lang="en", root="../" * url.count("/"), url=url, repository="https://x.test")


def test_timeline_pages_hold_every_entry_once_in_order(data: views.SiteData, monkeypatch: pytest.MonkeyPatch) -> None:
    shorter = dataclasses.replace(page_types.list_pages()["timeline"], size=7)
    monkeypatch.setitem(page_types.list_pages(), "timeline", shorter)
    length = timeline.timeline_length(data)
    total = paging.page_count("timeline", length)
    assert total == -(-length // 7) and total > 2
    seen = []
    for number in range(1, total + 1):
        view = timeline.timeline_view(_page(data, paging.page_url("timeline", number)), number)
        seen += [entry["ids"][0] for year in view["years"] for entry in year["entries"]]
        pager = view["pager"]
        assert [link["current"] for link in pager["links"]].index(True) == number - 1
        assert pager["links"][0]["href"] == ("../" * paging.page_url("timeline", number).count("/")) + "timeline/"
    assert len(seen) == len(set(seen)) == length
    monkeypatch.undo()
    whole = timeline.timeline_view(_page(data, "timeline/"), 1)
    assert [e["ids"][0] for y in whole["years"] for e in y["entries"]] == seen
    assert whole["pager"]["total"] == 1


@pytest.mark.parametrize(("name", "view", "key"), [
    ("models", overview.models_table_view, "rows"),
    ("organizations", views.directory_view, "rows"),
    ("sources", views.sources_index_view, "sources"),
    ("disputed", views.disputed_view, "groups"),
])
def test_other_lists_split_the_same_way(data: views.SiteData, monkeypatch: pytest.MonkeyPatch, name: str,
                                        view: object, key: str) -> None:
    monkeypatch.setitem(page_types.list_pages(), name, dataclasses.replace(page_types.list_pages()[name], size=1))
    first = view(_page(data, paging.page_url(name, 1)), 1)  # type: ignore[operator]
    second = view(_page(data, paging.page_url(name, 2)), 2)  # type: ignore[operator]
    assert first["pager"]["total"] > 1
    assert len(first[key]) == len(second[key]) == 1
    assert first[key] != second[key]


def test_the_build_generates_later_pages_only_when_needed(built_site: Path) -> None:
    for lang in ("ko", "en"):
        # the real fact base fits one page per list (the changes list grows with the history, not the facts)
        assert not [page for page in (built_site / lang).rglob("page-*") if page.parent.name != "changes"]


def test_the_parameters_pages_chart_and_list_each_model_once(data: views.SiteData,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """The chart and the licence matrix are split by models, in date order; the first page alone carries the
    openness terms search names it by."""
    smaller = dataclasses.replace(page_types.list_pages()["parameters"], size=10)
    monkeypatch.setitem(page_types.list_pages(), "parameters", smaller)
    total = paging.page_count("parameters", overview.models_length(data))
    assert total > 2
    points: list[str] = []
    matrix: list[str] = []
    for number in range(1, total + 1):
        view = overview.chart_view(_page(data, paging.page_url("parameters", number)), number)
        points += [point["label"] for point in view["chart"]["points"]]
        matrix += [row["link"]["text"] for row in view["matrix"]]
        assert bool(view["search_terms"]) == (number == 1) and view["pager"]["total"] == total
    monkeypatch.undo()
    whole = overview.chart_view(_page(data, "parameters/"), 1)
    assert points == [point["label"] for point in whole["chart"]["points"]]  # date order across the pages
    assert sorted(matrix) == sorted(row["link"]["text"] for row in whole["matrix"]) and len(set(matrix)) == len(matrix)


def test_the_models_filters_offer_the_developers_and_licences_of_the_page(data: views.SiteData,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """Every page of the models table would otherwise list every developer of the fact base."""
    smaller = dataclasses.replace(page_types.list_pages()["models"], size=5)
    monkeypatch.setitem(page_types.list_pages(), "models", smaller)
    view = overview.models_table_view(_page(data, paging.page_url("models", 2)), 2)
    developers, licences = (
        {option["id"] for option in view["filters"][index]["options"]} - {"none"} for index in (0, 1))
    assert developers == {key for row in view["rows"] for key in row["developer_keys"].split()} - {"none"}
    assert licences == {key for row in view["rows"] for key in row["licence_keys"].split()} - {"none"}
    whole = overview.models_table_view(_page(data, "models/"), 1)
    assert len(whole["filters"][0]["options"]) > len(view["filters"][0]["options"])
