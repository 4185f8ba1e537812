"""Everything the site needs from the fact base, computed once per build in Python (templates stay dumb)."""

from __future__ import annotations

import subprocess
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property, wraps
from pathlib import Path
from typing import Any, Concatenate, ParamSpec, TypeVar

from factbase.base import FactBase
from factbase.records import KINDS, Claim, Record, iter_claims
from factbase.validation import load_fact_base

from .page_types import record_pages

ROOT = Path(__file__).resolve().parents[2]
FOLDERS = {kind: folder for folder, kind in KINDS.items()}


def date_sort_key(date: str) -> tuple[int, int, int]:
    """Sorts dates of any precision: a year before its halves, quarters and months, a month before its days."""
    year, _, rest = date.partition("-")
    if not rest:
        return (int(year), 0, 0)
    if rest[0] in "HQ":
        first_month = {"H1": 1, "H2": 7, "Q1": 1, "Q2": 4, "Q3": 7, "Q4": 10}[rest]
        return (int(year), first_month, 0)
    month, _, day = rest.partition("-")
    return (int(year), int(month), int(day or 0))


def _git_last_changed(paths: list[Path]) -> dict[Path, str]:
    """The date of the last commit touching each path, from one `git log` pass (empty outside git)."""
    try:
        output = subprocess.run(
            ["git", "log", "--format=%x00%cs", "--name-only", "--", "facts"],
            cwd=ROOT, capture_output=True, text=True, check=True, timeout=60,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    wanted = {path.resolve(): path for path in paths}
    found: dict[Path, str] = {}
    date = ""
    for line in output.splitlines():
        if line.startswith("\x00"):
            date = line[1:]
        elif line:
            path = wanted.get((ROOT / line).resolve())
            if path is not None and path not in found:
                found[path] = date
    return found


@dataclass
class SiteData:
    base: FactBase
    last_changed: dict[str, str] = field(default_factory=dict)
    # what once_per_data() functions returned for this data, by function and arguments
    derived: dict[tuple[Any, ...], Any] = field(default_factory=dict, repr=False, compare=False)

    @cached_property
    def records(self) -> dict[str, dict[str, Record]]:
        return {kind: self.base.of_kind(kind) for kind in KINDS.values()}

    @cached_property
    def members(self) -> dict[str, list[str]]:
        found: dict[str, list[str]] = defaultdict(list)
        for model in self.records["model"].values():
            family = model.data.get("family")
            if isinstance(family, str):
                found[family].append(model.id)
        return dict(found)

    @cached_property
    def citing(self) -> dict[str, list[Claim]]:
        """Source id -> the claims that cite it, in fact-base order."""
        found: dict[str, list[Claim]] = defaultdict(list)
        for claim in self.base.claims():
            for source_id in dict.fromkeys(c.get("source") for _, c in claim.citations()):
                if isinstance(source_id, str):
                    found[source_id].append(claim)
        return dict(found)

    @cached_property
    def developed_by(self) -> dict[str, list[str]]:
        found: dict[str, list[str]] = defaultdict(list)
        for model in self.records["model"].values():
            for claim in iter_claims(model):
                if claim.property == "developer" and model.id not in found[claim.data.get("value", "")]:
                    found[claim.data.get("value", "")].append(model.id)
        return dict(found)

    @cached_property
    def partnerships_of(self) -> dict[str, list[Record]]:
        found: dict[str, list[Record]] = defaultdict(list)
        for partnership in self.records["partnership"].values():
            for org in partnership.data.get("organizations", []):
                found[org].append(partnership)
        return dict(found)

    @cached_property
    def events_of(self) -> dict[str, list[Record]]:
        """Model or organisation id -> events that concern it."""
        found: dict[str, list[Record]] = defaultdict(list)
        for event in self.records["event"].values():
            for subject in [*event.data.get("models", []), *event.data.get("organizations", [])]:
                found[subject].append(event)
        return dict(found)

    @cached_property
    def evaluations_of(self) -> dict[str, list[Record]]:
        """Model id -> the evaluations it took part in, by date."""
        found: dict[str, list[Record]] = defaultdict(list)
        for evaluation in sorted(self.records["evaluation"].values(), key=lambda r: str(first_value(r, "date"))):
            for model in evaluation.data.get("participants", []):
                found[model].append(evaluation)
        return dict(found)

    def name(self, record_id: str, lang: str) -> str:
        """The name or title of the record with this id (a kind with pages first, in page_types order)."""
        for kind in [*record_pages(), *(k for k in self.records if k not in record_pages())]:
            record = self.records[kind].get(record_id)
            if record is not None:
                return title_of(record, lang)
        return record_id

    def updated(self, record: Record) -> str:
        return self.last_changed.get(record.path, "")

    @cached_property
    def latest_change(self) -> str:
        """The date of the latest change to any fact file ("" without git history): every list page shows it."""
        return max(self.last_changed.values(), default="")


def load_site_data(facts_dir: Path) -> SiteData:
    """Loads the fact base for the site. The build refuses a fact base with loader errors."""
    base, diagnostics = load_fact_base([facts_dir])
    if diagnostics:
        raise ValueError("fact files do not load:\n" + "\n".join(d.format_text() for d in diagnostics))
    return site_data_of(base)


def site_data_of(base: FactBase) -> SiteData:
    """The site's data for a loaded fact base, with the date each record's file last changed in git."""
    paths = [Path(record.path) for record in base.records]
    changed = _git_last_changed(paths)
    return SiteData(base, {str(path): date for path, date in changed.items()})


def title_of(record: Record, lang: str) -> str:
    """A record's name (models, organisations) or title (sources, events), else its id (partnerships)."""
    for field_name in ("name", "title"):
        text = record.data.get(field_name)
        if isinstance(text, dict):
            return str(text[lang])
    return record.id


def first_value(record: Record, prop: str) -> Any:
    """The first value of a property that is not superseded (the one a summary shows first)."""
    for claim in iter_claims(record):
        if claim.property == prop and claim.data.get("status") != "superseded":
            return claim.data.get("value")
    return None


_Arguments = ParamSpec("_Arguments")
_Result = TypeVar("_Result")


def once_per_data(
        function: Callable[Concatenate[SiteData, _Arguments], _Result]
) -> Callable[Concatenate[SiteData, _Arguments], _Result]:
    """`function(data, ...)` computed once per SiteData and arguments, like the indexes of SiteData, for a
    view module's own derived data: a list's order, which each page of the list asks for (computed per page,
    it made a list's pages cost the square of its length). What it returns is shared: callers only read it."""
    @wraps(function)
    def once(data: SiteData, *args: _Arguments.args, **kwargs: _Arguments.kwargs) -> _Result:
        key = (function.__module__, function.__qualname__, args, tuple(sorted(kwargs.items())))
        if key not in data.derived:
            data.derived[key] = function(data, *args, **kwargs)
        return data.derived[key]

    return once
