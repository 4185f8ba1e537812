#!/usr/bin/env python3
"""Scale benchmark: `python benchmarks/scale.py` (or `make bench`) prints a table and checks the targets.

For synthetic fact bases of 100, 1,000 and 5,000 models (benchmarks/synthetic.py: organisations, sources,
events and partnerships in the real base's proportions, with an archive every quote is verified against),
each measured once, in a child process of its own:

- validation: `validate()` over the fact base, quotes checked against the archive;
- build: the full site in both languages (`build_site()`, as `make build` does, with FACTS_DIR set);
- plain build: the same pages as plain Markdown (the macros' output, rendered beforehand, not timed) and
  the same data downloads as static files, built by MkDocs without the macros plugin and hooks; build /
  plain is the overhead of the macros, the hooks and the build's own validation;
- peak memory of the build (the child's maximum resident set, from wait4's rusage) and the heaviest page;
- search: the time to build the search index (Pagefind and the name shards, both languages, timed again
  over the built site), and in Debian's Chromium the bytes of search files a model page's load fetches
  (none), the bytes of the search engine (fetched once, when search first opens: pagefind.js, its
  WebAssembly and metadata) and the bytes each query fetches (index chunks, result fragments, name shards),
  compressed as served: Pagefind's files are gzip files served as they are, text files are counted
  gzipped, as a static host sends them.

Targets: validating 1,000 models under 2 s; macro overhead at most 1.3 at 1,000 models; the 5,000-model
build within 5.5 times the 1,000-model build; no page over 300 KB before compression; no search file
fetched by a page load; a query fetches at most 100 KB at 100 models (today's size) and 300 KB at 1,000
and 5,000; the first query of a visit, with the engine, at most 300 KB at every size. Exit 1 when a target
is missed. Output (fact bases, sites, results.json) goes to benchmarks/out/ (git-ignored).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import re
import runpy
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]

LANGUAGES = ("ko", "en")
SIZES = (100, 1000, 5000)
PLAIN_SIZES = (100, 1000)
VALIDATE_SECONDS = 2.0  # at 1,000 models
OVERHEAD_RATIO = 1.3  # at 1,000 models
GROWTH = 5.5  # 5,000-model build / 1,000-model build
PAGE_BYTES = 300 * 1024
QUERY_BYTES = {100: 100 * 1024, 1000: 300 * 1024, 5000: 300 * 1024}  # at most, per query
FIRST_QUERY_BYTES = 300 * 1024  # the first query of a visit, with the search engine
CHROMIUM = Path("/usr/bin/chromium")
# Queries measured on each language's site: a model's name and words of the claims.
QUERIES = {"ko": ["누리 7", "코드 생성"], "en": ["Nuri 7", "code generation"]}
ENGINE_FILES = re.compile(r"/pagefind/(pagefind\.js|pagefind-entry\.json|.*\.pf_meta|wasm\.)")


# -- children: each measurement runs in a process of its own ------------------------------------------------
def child_validate(facts: Path, archive: Path) -> dict[str, Any]:
    from factbase.archive import Archive
    from factbase.validation import validate

    start = time.perf_counter()
    report = validate([facts], Archive(archive))
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "records": len(report.base.records), "errors": len(report.diagnostics),
            "first_errors": [d.format_text() for d in report.diagnostics[:5]],
            "verified": report.quotes.verified, "unverified": report.quotes.unverified}


def child_build(facts: Path, site: Path) -> dict[str, Any]:
    os.environ["FACTS_DIR"] = str(facts)
    build_site = runpy.run_path(str(ROOT / "scripts" / "build_site.py"))["build_site"]  # a command, not a module

    start = time.perf_counter()
    build_site(site)
    return {"seconds": time.perf_counter() - start}


def render_plain_docs(facts: Path, docs: Path) -> None:
    """Every page's Markdown as the macros make it (hand-written pages and generated record pages), written
    to docs/<lang>/ so that a build without macros has the same content; generated pages get their title
    as front matter, as the hooks give it."""
    import jinja2
    from mkdocs.config import load_config

    os.environ["FACTS_DIR"] = str(facts)
    from sitegen import macros
    from sitegen.context import build_state, page_for
    from sitegen.page_types import record_pages
    from sitegen.pages import list_lengths, render_list_page, render_record_page
    from sitegen.paging import page_count, page_source, page_url
    from sitegen.sitedata import title_of

    for lang in LANGUAGES:
        config = load_config(config_file=str(ROOT / f"mkdocs.{lang}.yml"))
        env = _MacroEnv(config)
        macros.define_env(env)
        source_dir = Path(config["docs_dir"])
        for page in sorted(source_dir.rglob("*.md")):
            relative = page.relative_to(source_dir)
            env.set_page(relative)
            text = jinja2.Environment().from_string(page.read_text(encoding="utf-8")).render(**env.macros)
            _write(docs / lang / relative, text)
        data = build_state().data
        for entry in record_pages().values():
            for record in sorted(data.records[entry.kind].values(), key=lambda r: r.id):
                html = render_record_page(page_for(config, f"{entry.folder}/{record.id}/"), entry.kind, record.id)
                title = json.dumps(title_of(record, lang), ensure_ascii=False)
                _write(docs / lang / entry.folder / f"{record.id}.md", f"---\ntitle: {title}\n---\n\n{html}\n")
        for name, length in list_lengths(data).items():  # every page of the lists (the hooks generate them)
            for number in range(1, page_count(name, length) + 1):
                html = render_list_page(page_for(config, page_url(name, number)), name, number)
                _write(docs / lang / page_source(name, number), f"{html}\n")


class _MacroEnv:
    """What sitegen.macros needs of mkdocs-macros' environment: the config, the page, a macro registry."""

    def __init__(self, config: Any) -> None:
        self.conf = config
        self.macros: dict[str, Any] = {}
        self.page: Any = None

    def macro(self, function: Any) -> Any:
        self.macros[function.__name__] = function
        return function

    def set_page(self, relative: Path) -> None:
        url = relative.with_suffix("").as_posix()
        url = "" if url == "index" else url.removesuffix("/index") + "/"
        self.page = type("PageStub", (), {"url": url})()


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def child_plain(facts: Path, built: Path, docs: Path, site: Path) -> dict[str, Any]:
    """The plain build of the pages the macros made for `built`, with its data downloads as static files."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.utils import yaml_load

    start = time.perf_counter()
    render_plain_docs(facts, docs)
    for lang in LANGUAGES:
        shutil.copytree(built / lang / "data", docs / lang / "data")
    render_seconds = time.perf_counter() - start
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    start = time.perf_counter()
    for lang in LANGUAGES:
        config_file = ROOT / f"mkdocs.{lang}.yml"
        with config_file.open("rb") as handle:
            raw = yaml_load(handle)
        plugins = [plugin for plugin in raw["plugins"] if "macros" not in (plugin if isinstance(plugin, dict)
                                                                           else {plugin: None})]
        # Material without the site's template overrides, which call what the hooks give them (seo.html)
        theme = {key: value for key, value in raw["theme"].items() if key != "custom_dir"}
        config = load_config(config_file=str(config_file), docs_dir=str(docs / lang), site_dir=str(site / lang),
                             plugins=plugins, hooks=[], theme=theme)
        build(config)
    return {"seconds": time.perf_counter() - start, "render_seconds": render_seconds}


def child_index(facts: Path, site: Path) -> dict[str, Any]:
    """The search index of the built site made again, timed (the build made it too)."""
    os.environ["FACTS_DIR"] = str(facts)
    from sitegen.context import build_state
    from sitegen.search import build_index

    data = build_state().data
    return {"seconds": sum(build_index(site / lang, data, lang) for lang in LANGUAGES)}


def served_bytes(site: Path, path: str) -> int:
    """The bytes a static host sends for a file: gzip files as they are, others gzipped."""
    body = (site / path.lstrip("/")).read_bytes()
    return len(body) if body[:2] == b"\x1f\x8b" else len(gzip.compress(body, 9))


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        pass


def _record_path(into: list[str], request: Any) -> None:
    into.append(urlsplit(request.url).path)


def child_search(site: Path) -> dict[str, Any]:
    """What search costs a reader, in Chromium: the bytes of search files a model page's load fetches, the
    engine's bytes (per language) and the bytes of each query (typed at once, as pasted)."""
    from playwright.sync_api import sync_playwright

    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    found: dict[str, Any] = {"page_load": 0, "engine": 0, "queries": {}}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        for lang in LANGUAGES:
            page = browser.new_page()
            fetched: list[str] = []
            page.on("requestfinished", functools.partial(_record_path, fetched))
            model = min(path.name for path in (site / lang / "models").glob("model-*"))
            page.goto(f"{base}/{lang}/models/{model}/", wait_until="networkidle")
            found["page_load"] += sum(served_bytes(site, path) for path in fetched
                                      if "/pagefind/" in path or "/search-names/" in path)
            opened = len(fetched)
            page.keyboard.press("/")  # opening search starts fetching the engine
            for query in QUERIES[lang]:
                before = len(fetched)
                page.evaluate("""q => { const box = document.querySelector('.md-search__input');
                    box.value = q; box.dispatchEvent(new Event('compositionend')); }""", query)
                page.wait_for_function("q => document.querySelector('[data-kf-search]')"
                                       ".getAttribute('data-kf-query') === q", arg=query, timeout=120_000)
                page.wait_for_load_state("networkidle")
                found["queries"][f"{lang}: {query}"] = sum(served_bytes(site, path) for path in fetched[before:]
                                                           if not ENGINE_FILES.search(path))
            found["engine"] += sum(served_bytes(site, path) for path in fetched[opened:] if ENGINE_FILES.search(path))
            page.close()
        browser.close()
    server.shutdown()
    found["engine"] //= len(LANGUAGES)
    return found


CHILDREN: dict[str, Callable[..., dict[str, Any]]] = {
    "validate": child_validate, "build": child_build, "plain": child_plain, "index": child_index,
    "search": child_search}


def run_child(name: str, *args: Path) -> dict[str, Any]:
    """Runs one measurement in a child process; its JSON result, with the child's peak memory in MiB."""
    process = subprocess.Popen([sys.executable, str(Path(__file__).resolve()), "--child", name, *map(str, args)],
                               stdout=subprocess.PIPE, cwd=ROOT, env={**os.environ, "PYTHONHASHSEED": "0"})
    assert process.stdout is not None
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"the {name} child failed (exit {process.returncode})")
    result: dict[str, Any] = json.loads(output.decode().strip().splitlines()[-1])
    result["peak_mib"] = usage.ru_maxrss / 1024  # KiB on Linux
    return result


# -- the parent: generate, measure, tabulate ------------------------------------------------------------
def site_weights(site: Path) -> dict[str, Any]:
    pages = sorted(site.rglob("*.html"), key=lambda page: page.stat().st_size)
    heaviest = pages[-1]
    return {
        "pages": len(pages),
        "heaviest_page_bytes": heaviest.stat().st_size,
        "heaviest_page": heaviest.parent.relative_to(site).as_posix() + "/",
        "pages_over_limit": sum(1 for page in pages if page.stat().st_size > PAGE_BYTES),
        "pages_over": sorted(f"{page.parent.relative_to(site).as_posix()}/ ({page.stat().st_size // 1024} KB)"
                             for page in pages if page.stat().st_size > PAGE_BYTES),
    }


def measure(models: int, out: Path, plain: bool, keep: bool) -> dict[str, Any]:
    from synthetic import write_base  # beside this script, which Python puts first on the path

    base = out / f"models-{models}"
    shutil.rmtree(base, ignore_errors=True)
    start = time.perf_counter()
    facts, archive = write_base(models, base)
    os.environ["FACTS_ARCHIVE"] = str(archive)  # the children's builds verify quotes against it, as validation does
    row: dict[str, Any] = {"models": models, "generate_seconds": time.perf_counter() - start}
    print(f"[{models} models] generated in {row['generate_seconds']:.1f} s; validating ...", file=sys.stderr)
    validation = run_child("validate", facts, archive)
    if validation["errors"]:
        raise RuntimeError(f"the synthetic base has {validation['errors']} errors:\n"
                           + "\n".join(validation["first_errors"]))
    row.update(records=validation["records"], quotes=validation["verified"],
               validate_seconds=validation["seconds"])
    print(f"[{models} models] validated in {validation['seconds']:.2f} s; building ...", file=sys.stderr)
    build = run_child("build", facts, base / "site")
    row.update(build_seconds=build["seconds"], peak_mib=build["peak_mib"], **site_weights(base / "site"))
    print(f"[{models} models] built in {build['seconds']:.1f} s; measuring search ...", file=sys.stderr)
    row["index_seconds"] = run_child("index", facts, base / "site")["seconds"]
    search = run_child("search", base / "site")
    row.update(search_page_load_bytes=search["page_load"], search_engine_bytes=search["engine"],
               query_bytes=search["queries"], heaviest_query_bytes=max(search["queries"].values()))
    if plain:
        print(f"[{models} models] built in {build['seconds']:.1f} s; building plain Markdown ...", file=sys.stderr)
        result = run_child("plain", facts, base / "site", base / "plain-docs", base / "plain-site")
        row.update(plain_seconds=result["seconds"], overhead=build["seconds"] / result["seconds"])
    if not keep:
        for folder in ("site", "plain-site", "plain-docs"):
            shutil.rmtree(base / folder, ignore_errors=True)
    return row


def table(rows: list[dict[str, Any]]) -> str:
    header = ["models", "records", "validate", "build (ko+en)", "plain build", "overhead", "peak memory",
              "pages", "heaviest page", "search index build", "search on page load", "search engine (once)",
              "heaviest query"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for row in rows:
        plain = f"{row['plain_seconds']:.1f} s" if "plain_seconds" in row else "-"
        overhead = f"{row['overhead']:.2f}" if "overhead" in row else "-"
        cells = [f"{row['models']:,}", f"{row['records']:,}", f"{row['validate_seconds']:.2f} s",
                 f"{row['build_seconds']:.1f} s", plain, overhead, f"{row['peak_mib']:.0f} MiB",
                 f"{row['pages']:,}", f"{row['heaviest_page_bytes'] / 1024:.0f} KB ({row['heaviest_page']})",
                 f"{row['index_seconds']:.1f} s", f"{row['search_page_load_bytes'] / 1024:.0f} KB",
                 f"{row['search_engine_bytes'] / 1024:.0f} KB", f"{row['heaviest_query_bytes'] / 1024:.0f} KB"]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def targets(rows: list[dict[str, Any]]) -> list[tuple[str, bool | None, str]]:
    """(target, met or None when not measured, what was measured)."""
    by_size = {row["models"]: row for row in rows}
    found: list[tuple[str, bool | None, str]] = []
    thousand, five = by_size.get(1000), by_size.get(5000)
    if thousand:
        found.append((f"validating 1,000 models under {VALIDATE_SECONDS:g} s",
                      thousand["validate_seconds"] < VALIDATE_SECONDS, f"{thousand['validate_seconds']:.2f} s"))
    if thousand and "overhead" in thousand:
        found.append((f"macro overhead at most {OVERHEAD_RATIO:g} at 1,000 models",
                      thousand["overhead"] <= OVERHEAD_RATIO, f"{thousand['overhead']:.2f}"))
    if thousand and five:
        growth = five["build_seconds"] / thousand["build_seconds"]
        found.append((f"5,000-model build within {GROWTH:g} x the 1,000-model build", growth <= GROWTH,
                      f"{growth:.2f} x"))
    heaviest = max(rows, key=lambda row: row["heaviest_page_bytes"])
    found.append((f"no page over {PAGE_BYTES // 1024} KB", all(row["pages_over_limit"] == 0 for row in rows),
                  f"heaviest {heaviest['heaviest_page_bytes'] / 1024:.0f} KB ({heaviest['heaviest_page']} at "
                  f"{heaviest['models']:,} models); pages over: "
                  + ", ".join(f"{row['pages_over_limit']} at {row['models']:,}" for row in rows)))
    found.append(("no search file fetched by a page load", all(row["search_page_load_bytes"] == 0 for row in rows),
                  ", ".join(f"{row['search_page_load_bytes']} B at {row['models']:,}" for row in rows)))
    for row in rows:
        limit = QUERY_BYTES.get(row["models"], max(QUERY_BYTES.values()))
        found.append((f"a query fetches at most {limit // 1024} KB at {row['models']:,} models",
                      row["heaviest_query_bytes"] <= limit,
                      ", ".join(f"{query}: {size / 1024:.0f} KB" for query, size in row["query_bytes"].items())))
        first = row["search_engine_bytes"] + row["heaviest_query_bytes"]
        found.append((f"the first query of a visit, with the engine, at most {FIRST_QUERY_BYTES // 1024} KB at "
                      f"{row['models']:,} models", first <= FIRST_QUERY_BYTES,
                      f"{row['search_engine_bytes'] / 1024:.0f} KB + {row['heaviest_query_bytes'] / 1024:.0f} KB"))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES), help="model counts to measure")
    parser.add_argument("--plain-sizes", type=int, nargs="*", default=list(PLAIN_SIZES),
                        help="model counts at which to build plain Markdown too (the overhead ratio)")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "out")
    parser.add_argument("--keep", action="store_true", help="keep the built sites in --out")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        name, *paths = args.child
        print(json.dumps(CHILDREN[name](*map(Path, paths))))
        return 0
    args.out.mkdir(parents=True, exist_ok=True)
    rows: list[dict[str, Any]] = []
    for models in args.sizes:  # each size's results kept as soon as it is measured: the 5,000 run is long
        rows.append(measure(models, args.out, models in args.plain_sizes, args.keep))
        (args.out / "results.json").write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
        print(table(rows[-1:]).splitlines()[-1], file=sys.stderr)
    print(table(rows))
    print()
    missed = 0
    for target, met, measured in targets(rows):
        print(f"{'met   ' if met else 'MISSED'} {target}: {measured}")
        missed += met is False
    for row in rows:
        if row["pages_over"]:
            print(f"pages over {PAGE_BYTES // 1024} KB at {row['models']:,} models: {', '.join(row['pages_over'])}")
    (args.out / "results.json").write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
