"""The page-type registries: each page type is declared once, beside its view, and the hooks loop over them."""

from __future__ import annotations

from typing import Any

import pytest
from sitegen import hooks, page_types, paging
from sitegen.i18n import translate


def _view(page: Any, number: int) -> dict[str, Any]:
    return {}


def test_every_list_page_has_a_title_and_an_introduction_in_both_languages() -> None:
    for entry in page_types.list_pages().values():
        for lang in ("ko", "en"):
            assert translate(lang, entry.title) and translate(lang, entry.intro), (entry.name, lang)


def test_a_page_type_declared_twice_is_refused() -> None:
    with pytest.raises(ValueError, match="list page 'timeline' is declared twice"):
        page_types.list_page("timeline", "timeline.html", lambda data: 0, size=10)(_view)
    with pytest.raises(ValueError, match="record kind 'model' has two page types"):
        page_types.record_page("model", "models", "model.html")(lambda page, record: {})


def test_a_declared_list_page_is_generated_and_placed_in_the_navigation(monkeypatch: pytest.MonkeyPatch) -> None:
    """A new list declares itself; the hooks give it a first page and its navigation place, nothing else."""
    registry = page_types.list_pages()
    monkeypatch.setitem(registry, "charts", page_types.ListPage("charts", "charts.html", _view, lambda d: 0, 10, 6))
    assert paging.page_source("charts", 1) == "charts.md"
    assert paging.page_source("models", 1) == "models/index.md"  # record pages share models/
    assert paging.page_source("charts", 3) == "charts/page-3.md"
    monkeypatch.setattr(hooks, "translate", lambda lang, key: f"{lang}:{key}")
    hand_written = [{"Home": "index.md"}, {"How": "how-we-check.md"}, {"Ref": "reference.md"}, {"DL": "downloads.md"}]
    nav = hooks.with_list_pages(hand_written, "en")
    assert [next(iter(entry)) for entry in nav] == [
        "Home", "en:nav.models", "en:nav.parameters", "en:nav.timeline", "en:nav.organizations", "en:nav.sources",
        "en:nav.charts", "en:nav.disputed", "en:nav.coverage", "How", "Ref", "en:nav.changes", "DL"]
    assert nav[6] == {"en:nav.charts": "charts.md"}
