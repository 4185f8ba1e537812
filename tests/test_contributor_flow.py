"""A contributor's whole flow, driven only through the command-line tools, as CONTRIBUTING walks through it.

On copies of facts/ and of the archive (with its MANIFEST.yaml), and a news article that is in neither:
`new.py source --file` archives it, `new.py model` adds a model citing it, `cite.py` adds a new claim to an
existing model and a second citation to an existing claim; then the validator is clean against the archive and
the built site has the new model's page, in both languages, with the new citations."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ARCHIVE, ROOT

ARTICLE = """\
엑사원 시험판 공개
홍길동 기자
승인 2026.11.20 10:00

LG AI연구원은 20일 새 언어 모델 ‘엑사원 시험판(EXAONE Trial)’을 공개했다.
엑사원 시험판의 파라미터는 120억 개다.
LG AI연구원이 2024년 12월 9일 공개한 엑사원 3.5 32B는 파라미터가 320억 개다.
"""
SOURCE = "news-2026-11-20-exaone-trial"


def _run(tool: str, *argv: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / f"{tool}.py"), *argv], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, f"{tool} {' '.join(argv)}\n{done.stdout}\n{done.stderr}"
    return done


def _writable_copy(source: Path, target: Path) -> None:
    """A copy whose files and folders can be written (the shared archive is read-only)."""
    shutil.copytree(source, target, copy_function=shutil.copyfile)
    for folder, _, _ in os.walk(target):
        os.chmod(folder, 0o755)


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_a_new_source_a_new_model_and_new_citations_reach_the_site(tmp_path: Path) -> None:
    facts, archive, site = tmp_path / "facts", tmp_path / "archive", tmp_path / "site"
    shutil.copytree(ROOT / "facts", facts)
    _writable_copy(ARCHIVE, archive)
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    env = {**os.environ, "FACTS_DIR": str(facts), "FACTS_ARCHIVE": str(archive)}
    run = {"cwd": tmp_path, "env": env}
    where = ["--facts", "facts"]

    _run("new", "source", SOURCE, *where, "--file", "article.txt", "--kind", "news-article", "--language", "ko",
         "--title-ko", "엑사원 시험판 공개", "--title-en", "EXAONE Trial released", "--author", "홍길동",
         "--published-date", "2026-11-20", "--published-time", "10:00+09:00", "--retrieved", "2026-11-29", **run)
    assert (archive / "articles" / f"{SOURCE}.txt").read_text(encoding="utf-8") == ARTICLE
    assert f"  - file: articles/{SOURCE}.txt\n" in (archive / "MANIFEST.yaml").read_text(encoding="utf-8")

    _run("new", "model", "exaone-trial", *where, "--name-ko", "엑사원 시험판", "--name-en", "EXAONE Trial",
         "--kind", "model", "--description-ko", "LG AI연구원이 2026년 11월 공개한 언어 모델.",
         "--description-en", "A language model LG AI Research released in November 2026.", "--source", SOURCE,
         "--quote", "LG AI연구원은 20일 새 언어 모델 ‘엑사원 시험판(EXAONE Trial)’을 공개했다.",
         "--quote-en", "LG AI Research released a new language model, 'EXAONE Trial', on the 20th.", **run)
    new_claim = _run("cite", "exaone-trial", "parameters", *where, "--source", SOURCE,
                     "--quote", "엑사원 시험판의 파라미터는 120억 개다.",
                     "--quote-en", "EXAONE Trial has 12 billion parameters.", "--value", "12000000000 parameters",
                     **run)
    assert "+  parameters:\n+    - value:\n+        amount: 12000000000\n" in new_claim.stdout
    # a new claim on an existing model, and a second citation on an existing claim (found by its number)
    _run("cite", "exaone-3-5-32b", "announced", *where, "--source", SOURCE,
         "--quote", "LG AI연구원이 2024년 12월 9일 공개한 엑사원 3.5 32B는",
         "--quote-en", "EXAONE 3.5 32B, which LG AI Research released on 9 December 2024,",
         "--value", "2024-12-09", **run)
    second = _run("cite", "exaone-3-5-32b", "parameters", *where, "--source", SOURCE,
                  "--quote", "엑사원 3.5 32B는 파라미터가 320억 개다.",
                  "--quote-en", "EXAONE 3.5 32B has 32 billion parameters.", **run)
    assert f"+        - source: {SOURCE}\n+          quote: 엑사원 3.5 32B는 파라미터가 320억 개다.\n" in second.stdout
    assert "a citation of parameters added; 0 errors in it" in second.stderr

    validated = _run("validate", "facts", **run)
    assert re.search(r"\d+ records, 0 errors; \d+ quotes verified against ", validated.stderr), validated.stderr
    assert "not verified" not in validated.stderr

    _run("build_site", "--site-dir", str(site), **run)
    for lang, name, released in [("ko", "엑사원 시험판", "LG AI연구원은 20일 새 언어 모델"),
                                 ("en", "EXAONE Trial", "LG AI Research released a new language model")]:
        page = _text((site / lang / "models" / "exaone-trial" / "index.html").read_text(encoding="utf-8"))
        assert name in page and released in page
        assert "엑사원 시험판의 파라미터는 120억 개다." in page  # the new claim's footnote quotes it
        existing = _text((site / lang / "models" / "exaone-3-5-32b" / "index.html").read_text(encoding="utf-8"))
        assert "엑사원 3.5 32B는 파라미터가 320억 개다." in existing
        assert "LG AI연구원이 2024년 12월 9일 공개한 엑사원 3.5 32B는" in existing
        source_page = _text((site / lang / "sources" / SOURCE / "index.html").read_text(encoding="utf-8"))
        assert "엑사원 시험판 공개" in source_page
