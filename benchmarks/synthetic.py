"""Synthetic fact bases for the scale benchmark: N models with organisations, sources, events and
partnerships in the proportions of the real fact base, and an archive that every quote is verified against.

Every record is schema-valid and passes every rule of the validator: each quote is a line of its source's
archived copy (so the line numbers hold), numbers and dates stand in the quotes, sources are published after
the dates they report, and no two values of a one-valued property disagree. Records carry as many claims and
citations as real ones do on average, with varied wording, so that pages and the search index weigh what
real ones would. `python benchmarks/synthetic.py N DIR` writes one; the output is deterministic.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# Records per model in the real fact base (72 models, 43 organisations, 38 partnerships, 30 events and
# 10 sources when this was written), so that every kind of page grows with the model count.
PROPORTIONS = {"organization": 0.6, "partnership": 0.53, "event": 0.42, "source": 0.14}

SECTORS = ["ai-research", "technology", "electronics", "chemicals", "telecommunications", "finance", "healthcare",
           "education", "media", "government", "conglomerate", "manufacturing", "alliance", "other"]
RELATIONSHIPS = ["partner", "customer", "alliance-member", "research-collaborator", "investor", "supplier",
                 "competitor", "consortium-member", "affiliate"]
EVENT_KINDS = ["announcement", "investment", "alliance", "paper", "programme", "report", "ranking", "talk"]
BENCHMARKS = ["MMLU", "KMMLU", "GSM8K", "HumanEval", "MATH", "ARC-Challenge", "HellaSwag", "KoBEST"]
AVAILABILITY = ["open-weights", "api", "service", "internal", "closed"]
SOURCE_KINDS = ["news-article", "repository-readme", "paper", "press-release", "report", "web-page"]

# Words the synthetic statements are made of, so that no two records read the same.
KO_TOPICS = ["한국어 이해", "코드 생성", "수학 추론", "문서 요약", "번역", "의료 영상 판독", "화학 문헌 분석",
             "고객 상담", "법률 문서 검토", "금융 보고서 작성", "교육 콘텐츠 제작", "음성 인식"]
EN_TOPICS = ["Korean understanding", "code generation", "mathematical reasoning", "document summarisation",
             "translation", "medical image reading", "chemistry literature analysis", "customer support",
             "legal document review", "financial report writing", "educational content", "speech recognition"]
KO_NAMES = ["누리", "가온", "한빛", "다온", "라온", "마루", "바다", "사랑", "아라", "자람", "차오름", "하람"]
EN_NAMES = ["Nuri", "Gaon", "Hanbit", "Daon", "Raon", "Maru", "Bada", "Sarang", "Ara", "Jaram", "Chaoreum",
            "Haram"]


def quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON's string escapes are YAML's)."""
    return json.dumps(text, ensure_ascii=False)


def to_yaml(value: Any, indent: int = 0) -> list[str]:
    """Block-style YAML lines for a record: every string double-quoted, so none is read as another type."""
    pad = " " * indent
    lines: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, (dict, list)) and item:
                lines.append(f"{pad}{key}:")
                lines.extend(to_yaml(item, indent + 2))
            else:
                lines.append(f"{pad}{key}: {scalar(item)}")
    else:
        for item in value:
            nested = to_yaml(item, indent + 2) if isinstance(item, (dict, list)) else [f"{pad}  {scalar(item)}"]
            lines.append(f"{pad}- {nested[0].lstrip()}")
            lines.extend(nested[1:])
    return lines


def scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, dict):
        return "{}"
    if isinstance(value, list):
        return "[]"
    return quoted(str(value))


@dataclass
class Source:
    id: str
    language: str
    file: str
    lines: list[str] = field(default_factory=list)

    def cite(self, ko: str, en: str) -> dict[str, Any]:
        """A citation of a new line of this source: the line itself is the quote."""
        self.lines.append(ko if self.language == "ko" else en)
        citation: dict[str, Any] = {"source": self.id, "quote": self.lines[-1], "line": len(self.lines) + 2}
        if self.language == "ko":
            citation["quote_en"] = en
        return citation

    def text(self) -> str:
        return f"Synthetic source {self.id}\n\n" + "\n".join(self.lines) + "\n"


@dataclass
class Generator:
    models: int
    seed: int = 7
    rng: random.Random = field(init=False)
    sources: list[Source] = field(default_factory=list)
    records: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)
        counts = {kind: max(2, round(self.models * share)) for kind, share in PROPORTIONS.items()}
        self.counts = {"model": self.models, **counts}
        self.sources = [Source(f"source-{i:05d}", "ko" if i % 2 else "en", f"synthetic/source-{i:05d}.txt")
                        for i in range(counts["source"])]

    # -- pieces -------------------------------------------------------------------------------------------
    def source(self) -> Source:
        return self.rng.choice(self.sources)

    def date(self) -> tuple[str, str]:
        """A day between 2015 and 2023 (sources are published in 2024, after every date they report)."""
        year, month, day = self.rng.randint(2015, 2023), self.rng.randint(1, 12), self.rng.randint(1, 28)
        return f"{year}-{month:02d}-{day:02d}", f"{year}.{month:02d}.{day:02d}"

    def statement(self, subject_ko: str, subject_en: str) -> tuple[str, str]:
        i = self.rng.randrange(len(KO_TOPICS))
        j = self.rng.randrange(len(KO_TOPICS))
        n = self.rng.randint(2, 40)
        return (f"{subject_ko}은(는) {KO_TOPICS[i]}와 {KO_TOPICS[j]} 분야에서 {n}개 기관의 실무에 쓰이며, "
                f"연구진은 이 결과를 공개 보고서로 정리했다고 밝혔다.",
                f"{subject_en} is used in the daily work of {n} organisations for {EN_TOPICS[i]} and "
                f"{EN_TOPICS[j]}, and its researchers say they summarised the results in a public report.")

    def note(self, subject: tuple[str, str]) -> dict[str, str]:
        """Context for a reader, as real claims often carry: how the sources put it, what they leave out."""
        i = self.rng.randrange(len(KO_TOPICS))
        return {"ko": f"출처는 {subject[0]}의 {KO_TOPICS[i]} 성과를 구체적인 수치 없이 설명하며, 같은 시기의 다른 "
                      "기사들도 비슷한 표현을 쓴다. 공식 저장소의 설명과 어긋나지 않는다.",
                "en": f"The source describes {subject[1]}'s results in {EN_TOPICS[i]} without giving figures, and "
                      "other articles of the time put it the same way; it does not contradict the official "
                      "repository's description."}

    def text_claim(self, subject: tuple[str, str], status: str = "confirmed", citations: int = 1,
                   note: bool = False) -> dict[str, Any]:
        ko, en = self.statement(*subject)
        claim: dict[str, Any] = {
            "value": {"ko": ko, "en": en}, "status": status,
            "citations": [self.source().cite(*self.statement(*subject)) if k else self.source().cite(ko, en)
                          for k in range(citations)]}
        if note:
            claim["note"] = self.note(subject)
        return claim

    def date_claim(self, subject: tuple[str, str], what_ko: str, what_en: str) -> dict[str, Any]:
        value, written = self.date()
        citation = self.source().cite(f"{subject[0]}은(는) {written}에 {what_ko}.",
                                      f"{subject[1]} was {what_en} on {written}.")
        return {"value": value, "status": "confirmed", "citations": [citation]}

    # -- records ------------------------------------------------------------------------------------------
    def organization(self, i: int) -> dict[str, Any]:
        name = (f"{KO_NAMES[i % 12]}기술 {i}", f"{EN_NAMES[i % 12]} Technologies {i}")
        record: dict[str, Any] = {
            "id": f"org-{i:05d}", "name": {"ko": name[0], "en": name[1]},
            "sector": SECTORS[i % len(SECTORS)], "country": "KR" if i % 3 else "US",
        }
        if i % 7 == 3:
            record["parent"] = f"org-{i - 1:05d}"
        record["claims"] = {"description": [self.text_claim(name)],
                            "other": [self.text_claim(name, note=i % 2 == 0)]}
        if i % 4 == 0:
            record["claims"]["founded"] = [self.date_claim(name, "설립됐다", "founded")]
        return record

    def model(self, i: int) -> dict[str, Any]:
        family = i % 4 == 0
        name = (f"{KO_NAMES[i % 12]} {i}", f"{EN_NAMES[i % 12]} {i}")
        developer = f"org-{i % self.counts['organization']:05d}"
        billions = self.rng.randint(1, 400)
        record: dict[str, Any] = {"id": f"model-{i:05d}", "name": {"ko": name[0], "en": name[1]},
                                  "aliases": [f"{EN_NAMES[i % 12].upper()}-{i}"],
                                  "kind": "family" if family else "model"}
        if not family:
            record["family"] = f"model-{i - i % 4:05d}"
        claims: dict[str, Any] = {
            "description": [self.text_claim(name, citations=2)],
            "developer": [{"value": developer, "status": "confirmed",
                           "citations": [self.source().cite(f"{name[0]}은(는) 자체 개발한 모델이다.",
                                                            f"{name[1]} is a model developed in-house.")]}],
            "released": [self.date_claim(name, "공개됐다", "released")],
            "parameters": [{"value": {"amount": billions * 10**9, "unit": "parameters"}, "status": "confirmed",
                            "citations": [self.source().cite(
                                f"{name[0]}의 파라미터는 {billions}0억 개다.",
                                f"{name[1]} has {billions} billion parameters.")]}],
            "availability": [{"value": AVAILABILITY[i % len(AVAILABILITY)], "status": "reported",
                              "citations": [self.source().cite(f"{name[0]}의 공개 방식이 발표됐다.",
                                                               f"How {name[1]} is offered was announced.")]}],
            "benchmark": [self.score(name, benchmark) for benchmark in self.rng.sample(BENCHMARKS, 2)],
            "capability": [self.text_claim(name, status="reported", note=True)],
        }
        if i % 2:
            claims["released"][0]["note"] = self.note(name)
        if i % 20 == 5:  # now and then sources disagree: both values are shown as disputed
            claims["other"] = [self.text_claim(name, status="disputed"), self.text_claim(name, status="disputed")]
        record["claims"] = claims
        return record

    def score(self, name: tuple[str, str], benchmark: str) -> dict[str, Any]:
        score = round(self.rng.uniform(20, 95), 1)
        citation = self.source().cite(f"{name[0]}은(는) {benchmark}에서 {score}점을 받았다.",
                                      f"{name[1]} scored {score} on {benchmark}.")
        return {"value": {"benchmark": benchmark, "score": score, "unit": "points"}, "status": "confirmed",
                "citations": [citation]}

    def event(self, i: int) -> dict[str, Any]:
        kind = EVENT_KINDS[i % len(EVENT_KINDS)]
        models = sorted({f"model-{self.rng.randrange(self.models):05d}" for _ in range(2)})
        organizations = sorted({f"org-{self.rng.randrange(self.counts['organization']):05d}" for _ in range(2)})
        title = (f"{KO_NAMES[i % 12]} 행사 {i}", f"{EN_NAMES[i % 12]} event {i}")
        return {"id": f"event-{i:05d}", "kind": kind, "title": {"ko": title[0], "en": title[1]},
                "models": models, "organizations": organizations,
                "claims": {"date": [self.date_claim(title, "열렸다", "held")],
                           "description": [self.text_claim(title, citations=2, note=True),
                                           self.text_claim(title, status="reported")]}}

    def partnership(self, i: int) -> dict[str, Any]:
        orgs = self.counts["organization"]
        first, second = i % orgs, (i * 7 + 1) % orgs
        if first == second:
            second = (second + 1) % orgs
        names = (f"협력 {i}", f"Partnership {i}")
        claims: dict[str, Any] = {"description": [self.text_claim(names, citations=2, note=i % 2 == 0)]}
        if i % 3 == 0:
            claims["since"] = [self.date_claim(names, "시작됐다", "begun")]
        return {"id": f"partnership-{i:05d}", "organizations": [f"org-{first:05d}", f"org-{second:05d}"],
                "relationship": RELATIONSHIPS[i % len(RELATIONSHIPS)],
                "models": [f"model-{(i * 3) % self.models:05d}"], "claims": claims}

    def source_record(self, source: Source, sha256: str, i: int) -> dict[str, Any]:
        record: dict[str, Any] = {
            "id": source.id, "kind": SOURCE_KINDS[i % len(SOURCE_KINDS)],
            "title": {"ko": f"합성 출처 {i}: {KO_TOPICS[i % 12]} 동향", "en": f"Synthetic source {i}: "
                      f"{EN_TOPICS[i % 12]} trends"},
            "publisher": {"ko": f"{KO_NAMES[i % 12]}일보", "en": f"{EN_NAMES[i % 12]} Daily"},
            "published": {"date": f"2024-{i % 12 + 1:02d}-15", "inferred": False},
            "url": f"https://example.org/synthetic/{source.id}",
            "language": source.language, "retrieved": "2025-01-10",
            "archive": {"file": source.file, "sha256": sha256},
            "notes": {"ko": "합성 출처. 게재일은 기사 상단의 날짜를 따랐고, 제목은 원문 그대로다.",
                      "en": "A synthetic source. The date is the one printed above the article; the title is "
                            "as the source gives it."},
        }
        if i % 3:
            record["author"] = f"{KO_NAMES[i % 12]} 기자"
        return record

    def generate(self) -> dict[str, list[dict[str, Any]]]:
        made = {
            "organizations": [self.organization(i) for i in range(self.counts["organization"])],
            "models": [self.model(i) for i in range(self.models)],
            "events": [self.event(i) for i in range(self.counts["event"])],
            "partnerships": [self.partnership(i) for i in range(self.counts["partnership"])],
        }
        return made


def write_base(models: int, out: Path) -> tuple[Path, Path]:
    """Writes a synthetic fact base with `models` models to out/facts and its archive to out/archive."""
    generator = Generator(models)
    made = generator.generate()
    facts, archive = out / "facts", out / "archive"
    made["sources"] = []
    for i, source in enumerate(generator.sources):
        text = source.text()
        path = archive / source.file
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        made["sources"].append(generator.source_record(source, hashlib.sha256(text.encode()).hexdigest(), i))
    for folder, records in made.items():
        (facts / folder).mkdir(parents=True, exist_ok=True)
        for record in records:
            (facts / folder / f"{record['id']}.yaml").write_text("\n".join(to_yaml(record)) + "\n",
                                                                  encoding="utf-8")
    return facts, archive


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("models", type=int)
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    facts, archive = write_base(args.models, args.out)
    print(f"wrote {facts} and {archive}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
