"""Small fact bases written from YAML text, with archived sources whose hashes match: for the rule tests
that need claims quoting particular words (numbers, dates) from sources of particular dates."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from factbase.archive import Archive
from factbase.diagnostics import Diagnostic
from factbase.validation import validate
from factbase_fixtures import sha256

TODAY = date(2026, 11, 23)


@dataclass
class Source:
    id: str
    published: str
    lines: list[str]  # the archived text, one entry a line: cite line N as lines[N - 1]
    language: str = "ko"
    kind: str = "news-article"

    def yaml(self) -> str:
        return textwrap.dedent(f"""\
            id: {self.id}
            kind: {self.kind}
            title:
              ko: 기사 {self.id}
              en: Article {self.id}
            published:
              date: "{self.published}"
              inferred: false
            language: {self.language}
            retrieved: "2026-11-22"
            archive:
              file: texts/{self.id}.txt
              sha256: {sha256(self.text())}
            """)

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


MODEL_HEADER = "id: model-a\nname:\n  ko: 모델 A\n  en: Model A\nkind: model\nclaims:\n"  # 6 lines


def organization_header(org_id: str, parent: str = "") -> str:
    """An organisation record up to its `claims:` key (7 lines, 8 with a parent)."""
    extra = f"parent: {parent}\n" if parent else ""
    return (f"id: {org_id}\nname:\n  ko: 기관 {org_id}\n  en: Organisation {org_id}\nsector: ai-research\n"
            f"country: KR\n{extra}claims:")


def write_base(root: Path, sources: list[Source], records: dict[str, str],
               organizations: tuple[str, ...] = ("org-a",)) -> tuple[Path, Path]:
    """Writes sources (with their archived texts), organisations and `records` (path under facts/ -> YAML)."""
    facts, archive = root / "facts", root / "archive"
    files = {facts / "sources" / f"{s.id}.yaml": s.yaml() for s in sources}
    files.update({archive / "texts" / f"{s.id}.txt": s.text() for s in sources})
    for org in organizations:
        org_id, _, parent = org.partition(">")
        files[facts / "organizations" / f"{org_id}.yaml"] = organization_header(org_id, parent) + " {}\n"
    files.update({facts / relative: textwrap.dedent(text).lstrip("\n") for relative, text in records.items()})
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return facts, archive


def check(facts: Path, archive: Path, today: date = TODAY) -> list[Diagnostic]:
    return validate([facts], Archive(archive), today=today).diagnostics


def located(diagnostics: list[Diagnostic]) -> list[tuple[str, str, int, int]]:
    """(code, file name, line, column) of each diagnostic, for compact assertions."""
    return [(d.code, Path(d.path).name, d.line, d.col) for d in diagnostics]
