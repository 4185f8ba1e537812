"""A small valid fact base with its own archive, for tests that break one thing at a time."""

from __future__ import annotations

import hashlib
from pathlib import Path

from factbase.archive import Archive
from factbase.diagnostics import Diagnostic
from factbase.validation import validate

ARTICLE = (
    "엑사원 공개 기사\n"
    "\n"
    "LG AI연구원은 14일 초거대 AI 모델 ‘엑사원(EXAONE)’을 공개했다.\n"
    "현재 엑사원의 파라미터는 3000억 개로 국내 최고 수준이다.\n"
)
README = "# Model README\n\nWe introduce Model A, a bilingual model with 7.8 billion parameters.\n"

SOURCE_KO = """\
id: news-a
kind: news-article
title:
  ko: 엑사원 공개 기사
  en: EXAONE unveiled
published:
  date: "2021-12-14"
  inferred: false
language: ko
retrieved: "2026-11-22"
archive:
  file: articles/a.txt
  sha256: {sha}
"""
SOURCE_EN = """\
id: readme-a
kind: repository-readme
title:
  ko: 모델 A README
  en: Model A README
published:
  date: "2024-08-08"
  inferred: false
language: en
retrieved: "2026-11-22"
archive:
  file: primary/a.md
  sha256: {sha}
"""
ORGANIZATION = """\
id: org-a
name:
  ko: LG AI연구원
  en: LG AI Research
sector: ai-research
country: KR
claims: {}
"""
MODEL = """\
id: model-a
name:
  ko: 모델 A
  en: Model A
kind: model
claims:
  developer:
    - value: org-a
      status: reported
      citations:
        - source: news-a
          quote: LG AI연구원은 14일 초거대 AI 모델 ‘엑사원(EXAONE)’을 공개했다.
          quote_en: LG AI Research unveiled its hyperscale AI model EXAONE on the 14th.
          line: 3
  parameters:
    - value:
        amount: 7800000000
        unit: parameters
      status: confirmed
      citations:
        - source: readme-a
          quote: a bilingual model with 7.8 billion parameters
          line: 3
"""


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def make_base(root: Path, model: str = MODEL, article: str = ARTICLE) -> tuple[Path, Path]:
    """Writes the fact base and its archive under `root`; returns (facts dir, archive dir)."""
    facts, archive = root / "facts", root / "archive"
    files = {
        archive / "articles" / "a.txt": article,
        archive / "primary" / "a.md": README,
        facts / "sources" / "news-a.yaml": SOURCE_KO.format(sha=sha256(ARTICLE)),
        facts / "sources" / "readme-a.yaml": SOURCE_EN.format(sha=sha256(README)),
        facts / "organizations" / "org-a.yaml": ORGANIZATION,
        facts / "models" / "model-a.yaml": model,
    }
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return facts, archive


def diagnostics_for(facts: Path, archive: Path | None) -> list[Diagnostic]:
    return validate([facts], Archive(archive) if archive else None).diagnostics


def only(diagnostics: list[Diagnostic]) -> Diagnostic:
    assert len(diagnostics) == 1, "\n".join(d.format_text() for d in diagnostics)
    return diagnostics[0]
