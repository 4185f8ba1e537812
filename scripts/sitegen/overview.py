"""Views that answer at a glance: the models table, the parameters chart and the licence matrix, a family's
lineage table, and the home page's newest models and counts.

Each cell holds one value a reader can compare down the column: a date at its own precision, a parameter
count in short form ("32B", "320억") with every disputed value shown ("300B / 600B (disputed)"), a licence
as the sources name it. Sort keys travel with the cells (`sort`) so that the table sorts in the browser
exactly as it does here, without JavaScript reading the text.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from factbase.records import Claim, Record, iter_claims

from .formatting import format_date, format_value, html_datetime
from .page_types import list_page
from .paging import pager, take
from .search import OPEN_AVAILABILITY, openness_terms
from .sitedata import SiteData, date_sort_key, once_per_data
from .views import Page

# Statuses of a value a summary cell shows: a plan or a superseded value is not (yet) the model's.
_CURRENT = ("confirmed", "reported", "disputed")
# The lifecycle a model's row reports, in sort order.
_STAGES = ("released", "announced", "planned", "undated")


def _claims(record: Record, prop: str) -> list[Claim]:
    return [claim for claim in iter_claims(record) if claim.property == prop]


def _current(claims: Iterable[Claim]) -> list[Claim]:
    return [claim for claim in claims if claim.data.get("status") in _CURRENT]


def short_number(amount: float | int | Decimal, lang: str) -> str:
    """A parameter count in three significant digits: 6,166,502,400 is "6.17B" and "61.7억"."""
    steps = [(10**12, "조"), (10**8, "억")] if lang == "ko" else [(10**12, "T"), (10**9, "B"), (10**6, "M")]
    grouping = "," if lang == "en" else ""  # "3000억", as Korean writes it; "1,000B" would be 1T anyway
    for size, unit in steps:
        if amount >= size:
            scaled = float(amount) / size
            digits = max(0, 2 - int(math.floor(math.log10(scaled))))
            text = f"{round(scaled, digits):{grouping}.{digits}f}"
            return (text.rstrip("0").rstrip(".") if "." in text else text) + unit
    return f"{int(amount):,}"


def _amount_text(claim: Claim, lang: str) -> str:
    value = claim.data["value"]
    text = short_number(value["amount"], lang)
    if value.get("qualifier", "exact") != "exact":
        text = ("약 " if lang == "ko" else "~") + text
    return text


def parameters_cell(page: Page, record: Record) -> dict[str, Any]:
    """One cell for a model's parameter count: its current values (each amount once), marked when disputed;
    planned counts only when nothing else is stated."""
    claims = [c for c in _claims(record, "parameters") if c.data["value"].get("unit") == "parameters"]
    current = _current(claims) or [c for c in claims if c.data.get("status") == "planned"]
    amounts: dict[Any, str] = {}
    for claim in current:
        amounts.setdefault(claim.data["value"]["amount"], _amount_text(claim, page.lang))
    statuses = {claim.data.get("status") for claim in current}
    mark = "disputed" if "disputed" in statuses else "planned" if statuses == {"planned"} else None
    return {
        "text": " / ".join(amounts.values()) if amounts else None,
        "mark": page.t(f"status.{mark}") if mark else None,
        "amounts": sorted(amounts),
        "sort": str(max(amounts)) if amounts else "",
    }


def _date_of(record: Record) -> tuple[str, str] | None:
    """(stage, date) of the model: its first current release date, else its announcement, else a plan."""
    for prop in ("released", "announced"):
        current = _current(_claims(record, prop))
        if current:
            return prop, str(current[0].data["value"])
    planned = [c for prop in ("released", "announced") for c in _claims(record, prop)
               if c.data.get("status") == "planned"]
    return ("planned", str(planned[0].data["value"])) if planned else None


def _sort_date(date: str) -> str:
    year, month, day = date_sort_key(date)
    return f"{year:04d}-{month:02d}-{day:02d}"


def date_cell(page: Page, record: Record) -> dict[str, Any]:
    found = _date_of(record)
    if found is None:
        return {"text": None, "stage": "undated", "datetime": None, "sort": ""}
    stage, date = found
    return {"text": format_date(date, page.lang), "stage": stage, "datetime": html_datetime(date),
            "sort": _sort_date(date)}


def _licence_texts(page: Page, record: Record) -> list[str]:
    current = _current(_claims(record, "license"))
    return list(dict.fromkeys(str(claim.data["value"][page.lang]) for claim in current))


def licence_texts(page: Page, record: Record) -> tuple[list[str], bool]:
    """The model's licences as its sources name them, else its family's (and whether they are the family's)."""
    own = _licence_texts(page, record)
    family = page.data.records["model"].get(record.data.get("family", ""))
    if own or family is None:
        return own, False
    return _licence_texts(page, family), True


def _developers(page: Page, record: Record) -> list[str]:
    return list(dict.fromkeys(str(c.data["value"]) for c in _current(_claims(record, "developer"))))


def _stage_label(page: Page, stage: str) -> str:
    return page.t(f"stage.{stage}")


def _licence_key(text: str, keys: dict[str, str]) -> str:
    return keys.setdefault(text, f"licence-{len(keys) + 1}")


def models_length(data: SiteData) -> int:
    return len(data.records["model"])


@once_per_data
def _models_by_name(data: SiteData, lang: str) -> list[Record]:
    return sorted(data.records["model"].values(), key=lambda r: r.data["name"][lang].casefold())


@list_page("models", "models_table.html", models_length, size=150, nav=1, wide=True)
def models_table_view(page: Page, number: int = 1) -> dict[str, Any]:
    """Every model, product and family as one row (members of a family too, with the family named). The
    filters, which work within a page, offer the developers and licences of the page's rows: offering every
    one made each page of the list grow with the whole fact base (318 KB a page at 5,000 models)."""
    data = page.data
    records = _models_by_name(data, page.lang)
    shown = take("models", records, number)
    licence_keys: dict[str, str] = {}
    for text in sorted({text for record in shown for text in licence_texts(page, record)[0]}):
        _licence_key(text, licence_keys)
    rows = []
    for record in shown:
        developers = _developers(page, record)
        licences, inherited = licence_texts(page, record)
        family = record.data.get("family")
        date = date_cell(page, record)
        name = record.data["name"]
        rows.append({
            "link": page.link(record.id),
            "other_name": name["en" if page.lang == "ko" else "ko"] if name["ko"] != name["en"] else None,
            "other_lang": "en" if page.lang == "ko" else "ko",
            "kind_key": record.data["kind"],
            "kind": page.t(f"kind.model.{record.data['kind']}"),
            "developers": [page.link(d) for d in developers],
            "developer_keys": " ".join(developers) or "none",
            "developer_sort": data.name(developers[0], page.lang) if developers else "",
            "family": page.link(family) if family else None,
            "family_sort": data.name(family, page.lang) if family else "",
            "date": date,
            "stage": _stage_label(page, date["stage"]),
            "stage_sort": str(_STAGES.index(date["stage"])),
            "parameters": parameters_cell(page, record),
            "licences": licences,
            "licence_sort": " ".join(licences),
            "licence_inherited": inherited,
            "licence_keys": " ".join(licence_keys[text] for text in licences) or "none",
        })
    developer_ids = sorted({d for record in shown for d in _developers(page, record)},
                           key=lambda d: data.name(d, page.lang).casefold())
    kinds = sorted({record.data["kind"] for record in shown})
    none = {"id": "none", "name": page.t("label.not_stated")}
    return {
        "rows": rows,
        "pager": pager("models", number, len(records), page.root),
        "filters": [
            {"label": page.t("label.developer"), "attribute": "developers",
             "options": [*({"id": d, "name": data.name(d, page.lang)} for d in developer_ids), none]},
            {"label": page.t("label.license"), "attribute": "licences",
             "options": [*({"id": key, "name": text} for text, key in licence_keys.items()), none]},
            {"label": page.t("label.kind"), "attribute": "kind",
             "options": [{"id": kind, "name": page.t(f"kind.model.{kind}")} for kind in kinds]},
        ],
    }




# -- the parameters chart ---------------------------------------------------------------------------------
# The SVG's drawing area, in its own units (it scales to the page's width).
CHART = {"width": 480, "height": 320, "left": 52, "right": 22, "top": 12, "bottom": 32}


def _fraction_of_year(date: str) -> float:
    """A date as a fractional year at the middle of its span: 2021 is 2021.5, 2021-12 is 2021.96."""
    year, month, day = date_sort_key(date)
    part = date.partition("-")[2]
    if not part:
        return year + 0.5
    if part[0] in "HQ":
        return year + (month - 1) / 12 + (3 if part[0] == "H" else 1.5) / 12
    if not day:
        return year + (month - 0.5) / 12
    return year + (month - 1) / 12 + (day - 0.5) / 365


def chart_points(page: Page, records: list[Record]) -> list[dict[str, Any]]:
    """One point per model of `records` with a current parameter count and a current date (released, else
    announced)."""
    points = []
    for record in records:
        found = _date_of(record)
        cell = parameters_cell(page, record)
        if found is None or found[0] == "planned" or not cell["amounts"] or cell["mark"] == page.t("status.planned"):
            continue
        points.append({"record": record, "date": found[1], "stage": found[0], "cell": cell})
    return sorted(points, key=lambda p: (date_sort_key(p["date"]), p["record"].data["name"][page.lang]))


@once_per_data
def _in_date_order(data: SiteData, lang: str) -> list[Record]:
    """Every model by its date (released, else announced, else planned), the undated last, then by name."""
    def key(record: Record) -> tuple[tuple[int, int, int], str]:
        found = _date_of(record)
        return (date_sort_key(found[1]) if found else (10_000, 0, 0), record.data["name"][lang].casefold())
    return sorted(data.records["model"].values(), key=key)


@list_page("parameters", "parameters.html", models_length, size=150, nav=2, wide=True)
def chart_view(page: Page, number: int = 1) -> dict[str, Any]:
    """The parameters-over-time chart (log scale), its data table, and the licence and openness matrix, for at
    most `size` models a page, in the order of their dates: one page for all made it grow with the fact base
    (4 MB at 5,000 models)."""
    shown = take("parameters", _in_date_order(page.data, page.lang), number)
    points = chart_points(page, shown)
    box = CHART
    inner_w = box["width"] - box["left"] - box["right"]
    inner_h = box["height"] - box["top"] - box["bottom"]
    years = [_fraction_of_year(p["date"]) for p in points] or [2020.0, 2021.0]
    first, last = math.floor(min(years)), math.floor(max(years)) + 1
    amounts = [float(a) for p in points for a in p["cell"]["amounts"]] or [1e9, 1e10]
    # a quarter of a decade beyond the smallest and the largest count, so that no point sits on the frame
    low, high = math.log10(min(amounts)) - 0.25, math.log10(max(amounts)) + 0.25

    def x(year: float) -> float:
        return round(box["left"] + (year - first) / (last - first) * inner_w, 1)

    def y(amount: float) -> float:
        return round(box["top"] + (high - math.log10(amount)) / (high - low) * inner_h, 1)

    drawn = []
    for point in points:
        record, cell = point["record"], point["cell"]
        values = [float(a) for a in cell["amounts"]]
        name = record.data["name"][page.lang]
        date = format_date(point["date"], page.lang)
        size = cell["text"] + (f" ({cell['mark']})" if cell["mark"] else "")
        drawn.append({
            "href": page.link(record.id)["href"],
            "label": f"{name}: {size}, {date}",
            "x": x(_fraction_of_year(point["date"])),
            "y": y(max(values)),
            "y_low": y(min(values)),
            "range": len(values) > 1,
            "disputed": cell["mark"] is not None,
            "lg": "lg-ai-research" in _developers(page, record),
        })
    return {
        "chart": {
            **box,
            "x_ticks": [{"x": x(year), "label": str(year)} for year in range(first, last + 1)],
            "y_ticks": [{"y": y(10.0**power), "label": short_number(10**power, page.lang)}
                        for power in range(math.ceil(low), math.floor(high) + 1)],
            "plot_right": box["width"] - box["right"],
            "plot_bottom": box["height"] - box["bottom"],
            "x_label_y": box["height"] - box["bottom"] + 18,  # the years, under the frame
            "y_label_x": box["left"] - 6,  # the counts, left of it
            "points": drawn,
            "description": page.t("chart.description").format(count=len(drawn), first=first, last=last - 1),
        },
        "table": [{
            "link": page.link(p["record"].id),
            "date": date_cell(page, p["record"]),
            "stage": _stage_label(page, p["stage"]),
            "parameters": p["cell"],
        } for p in points],
        "matrix": licence_matrix(page, shown),
        # the first page is the one the openness terms name (search.py)
        "search_terms": openness_terms() if number == 1 else [],
        "pager": pager("parameters", number, len(page.data.records["model"]), page.root),
    }




_OPEN = set(OPEN_AVAILABILITY)


def licence_matrix(page: Page, records: list[Record]) -> list[dict[str, Any]]:
    """Model × open weights / licence / commercial use, as the sources state each, by name: a model no source
    says anything about on these is left out; an unstated cell says so."""
    rows = []
    for record in sorted(records, key=lambda r: r.data["name"][page.lang].casefold()):
        availability = {str(c.data["value"]) for c in _current(_claims(record, "availability"))}
        licences = _licence_texts(page, record)
        if not availability and not licences:
            continue
        open_weights = "yes" if availability & _OPEN else "no" if availability else "not_stated"
        # the only commercial terms the sources give are in the licences' names ("... - NC", "CC-BY-NC-ND")
        non_commercial = any("NC" in text.replace("-", " ").split() for text in licences)
        rows.append({
            "link": page.link(record.id),
            "open_weights": open_weights,
            "open_weights_label": page.t(f"matrix.open_{open_weights}"),
            "availability": ", ".join(page.t(f"availability.{a}") for a in sorted(availability)),
            "licences": licences,
            "commercial": "no" if non_commercial else "not_stated",
            "commercial_label": page.t("matrix.non_commercial" if non_commercial else "label.not_stated"),
        })
    return rows


# -- a family's lineage -----------------------------------------------------------------------------------
def _text(page: Page, claim: Claim) -> str:
    return format_value(claim.declared_type(), claim.data["value"], page.lang)


def _headline_benchmark(page: Page, record: Record) -> str | None:
    """The first benchmark score its sources give (the README's own headline, in its order)."""
    current = _current(_claims(record, "benchmark"))
    return _text(page, current[0]) if current else None


def lineage_view(page: Page, record: Record) -> list[dict[str, Any]]:
    """A family's members, one row each in date order: date, size, context, licence, a headline benchmark."""
    models = page.data.records["model"]
    members = [models[m] for m in page.data.members.get(record.id, []) if m in models]
    rows = []
    for member in members:
        date = date_cell(page, member)
        context = _current(_claims(member, "context_length"))
        licences, inherited = licence_texts(page, member)
        rows.append({
            "link": page.link(member.id),
            "date": date,
            "parameters": parameters_cell(page, member),
            "context": _text(page, context[0]) if context else None,
            "licences": licences,
            "licence_inherited": inherited,
            "benchmark": _headline_benchmark(page, member),
        })
    return sorted(rows, key=lambda row: (row["date"]["sort"], row["parameters"]["sort"].zfill(20)))


# -- the home page ----------------------------------------------------------------------------------------
def home_view(page: Page, newest: int = 6) -> dict[str, Any]:
    """The newest models with a date (not families, whose members carry the sizes, nor products), and the
    counts of records and claims."""
    data = page.data
    dated = []
    for record in data.records["model"].values():
        found = _date_of(record)
        if found is not None and found[0] != "planned" and record.data["kind"] == "model":
            dated.append((date_sort_key(found[1]), record))
    dated.sort(key=lambda item: (item[0], item[1].data["name"][page.lang]), reverse=True)
    rows = []
    for _, record in dated[:newest]:
        licences, inherited = licence_texts(page, record)
        rows.append({"link": page.link(record.id), "date": date_cell(page, record),
                     "parameters": parameters_cell(page, record), "licences": licences,
                     "licence_inherited": inherited,
                     "developers": [page.link(d) for d in _developers(page, record)]})
    return {
        "links": [{"text": page.t("home.all_models"), "href": f"{page.root}models/"},
                  {"text": page.t("nav.parameters"), "href": f"{page.root}parameters/"}],
        "newest": rows,
        "counts": [{"count": count, "label": page.t(f"count.{key}"), "href": f"{page.root}{folder}"}
                   for key, count, folder in [
                       ("models", len(data.records["model"]), "models/"),
                       ("organizations", len(data.records["organization"]), "organizations/"),
                       ("sources", len(data.records["source"]), "sources/"),
                       ("claims", sum(1 for _ in data.base.claims()), "coverage/")]],
    }
