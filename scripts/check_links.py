#!/usr/bin/env python3
"""Check every source URL: `python scripts/check_links.py [PATH...] [--timeout S] [--strict] [--format F]`.

Each source's `url` is requested with HEAD (then GET where a server refuses HEAD), following redirects, with a
timeout. Dead links (an HTTP error status, or no answer) are reported; the exit status is 0 even then, so a
scheduled run reports without failing anything, unless --strict is given (exit 1 when a link is dead). Exit 2
on a usage error. Only http(s) URLs are requested.
"""

from __future__ import annotations

import argparse
import sys
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from factbase.validation import load_fact_base

ROOT = Path(__file__).resolve().parents[1]
USER_AGENT = "korean-ai-facts-link-check/1.0 (+https://github.com/korean-ai-facts/korean-ai-facts)"
RETRY_WITH_GET = {403, 405, 501}  # servers that refuse or do not implement HEAD


@dataclass(frozen=True)
class Link:
    source: str  # the source id
    path: str  # the fact file
    line: int
    url: str


@dataclass(frozen=True)
class Result:
    link: Link
    status: int | None  # the final HTTP status, None when there was no answer
    error: str = ""

    @property
    def dead(self) -> bool:
        return self.status is None or self.status >= 400


def source_links(paths: list[Path]) -> list[Link]:
    base, _ = load_fact_base(paths)
    links = []
    for source in base.of_kind("source").values():
        url = source.data.get("url")
        if isinstance(url, str):
            line, _ = source.document.position(("url",))
            links.append(Link(source.id, source.path, line, url))
    return sorted(links, key=lambda link: link.source)


def _request(url: str, method: str, timeout: float) -> int:
    request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
    try:
        # http(s) only: check_link refuses other schemes before this
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


def check_link(link: Link, timeout: float) -> Result:
    if not link.url.lower().startswith(("http://", "https://")):
        return Result(link, None, "not an http(s) URL: not requested")
    try:
        status = _request(link.url, "HEAD", timeout)
        if status in RETRY_WITH_GET:
            status = _request(link.url, "GET", timeout)
        return Result(link, status)
    except (urllib.error.URLError, TimeoutError, OSError, ValueError) as error:
        reason = getattr(error, "reason", error)
        return Result(link, None, f"no answer: {reason}")


def check_links(links: list[Link], timeout: float, workers: int = 8) -> list[Result]:
    with ThreadPoolExecutor(max_workers=max(1, min(workers, len(links) or 1))) as pool:
        return list(pool.map(lambda link: check_link(link, timeout), links))


def _report(result: Result, output: str) -> str:
    what = f"HTTP {result.status}" if result.status is not None else result.error
    message = f"dead link for source {result.link.source!r}: {result.link.url} ({what})"
    if output == "github":
        message = message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        path = result.link.path.replace("%", "%25").replace(",", "%2C").replace(":", "%3A")
        return f"::warning file={path},line={result.link.line},title=dead link::{message}"
    return f"{result.link.path}:{result.link.line}: {message}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, help="fact files or folders (default: facts/)")
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds to wait for each request")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a link is dead")
    parser.add_argument("--format", choices=["text", "github"], default="text")
    args = parser.parse_args(argv)
    paths = args.paths or [ROOT / "facts"]
    missing = [str(path) for path in paths if not path.exists()]
    if missing:
        parser.error(f"no such file or folder: {', '.join(missing)}")  # exits with status 2
    if args.timeout <= 0:
        parser.error("--timeout must be more than 0")
    results = check_links(source_links(paths), args.timeout)
    dead = [result for result in results if result.dead]
    for result in dead:
        print(_report(result, args.format))
    print(f"{len(results)} source URLs checked, {len(dead)} dead", file=sys.stderr)
    return 1 if dead and args.strict else 0


if __name__ == "__main__":
    sys.exit(main())
