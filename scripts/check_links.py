#!/usr/bin/env python3
"""Check every source URL: `python scripts/check_links.py [PATH...] [--timeout S] [--strict] [--format F]`.

Each source's `url` is requested with HEAD (then GET where a server refuses HEAD), following redirects, with a
timeout. Dead links (an HTTP error status, or no answer) are reported; the exit status is 0 even then, so a
scheduled run reports without failing anything, unless --strict is given (exit 1 when a link is dead). Exit 2
on a usage error.

Only public http(s) addresses are requested: a URL that breaks the URL policy (factbase/urlpolicy.py: user
names, IP addresses, local names), a host that resolves to a loopback, private or otherwise non-public
address, and a redirect to anything but such an http(s) address are refused, never requested. The tests run
a server on 127.0.0.1: they pass `Reach(local_servers=...)` naming that one server through the Python API.
The command line has no option that widens what may be requested.
"""

from __future__ import annotations

import argparse
import ipaddress
import socket
import sys
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from factbase.diagnostics import shown
from factbase.urlpolicy import SCHEMES, url_problem
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


@dataclass(frozen=True)
class Reach:
    """Where requests may go: public http(s) addresses, and the local servers named here (host, port), which
    only a caller of the Python API can name."""

    local_servers: frozenset[tuple[str, int]] = frozenset()

    def refusal(self, url: str) -> str | None:
        """Why `url` may not be requested, or None."""
        parts = urlsplit(url)
        if parts.scheme not in SCHEMES:
            return "it is not an http(s) URL"
        try:
            host, port = parts.hostname or "", parts.port or SCHEMES[parts.scheme]
        except ValueError:
            return "not a well-formed URL"
        if (host, port) in self.local_servers:
            return None
        problem = url_problem(url)
        if problem:
            return problem
        try:
            addresses = {info[4][0] for info in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)}
        except (OSError, UnicodeError):
            return None  # the request fails with "no answer"
        local = sorted(a for a in addresses if not ipaddress.ip_address(str(a).split("%")[0]).is_global)
        return f"{host} resolves to the non-public address {local[0]}" if local else None


PUBLIC = Reach()


class Refused(urllib.error.URLError):
    """A request the Reach does not allow (a redirect found on the way)."""


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    def __init__(self, reach: Reach) -> None:
        self.reach = reach

    def http_error_302(self, req: urllib.request.Request, fp: Any, code: int, msg: str,
                       headers: Any) -> Any:
        """Every redirect (301, 302, 303, 307, 308 all come here) is checked before urllib looks at it."""
        target = urljoin(req.full_url, headers.get("Location") or headers.get("URI") or "")
        refusal = self.reach.refusal(target)
        if refusal:
            raise Refused(f"redirect to {target}: {refusal}")
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def _request(url: str, method: str, timeout: float, reach: Reach) -> int:
    request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
    opener = urllib.request.build_opener(_CheckedRedirects(reach))
    try:
        with opener.open(request, timeout=timeout) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


def check_link(link: Link, timeout: float, reach: Reach = PUBLIC) -> Result:
    refusal = reach.refusal(link.url)
    if refusal:
        return Result(link, None, f"{refusal}: not requested")
    try:
        status = _request(link.url, "HEAD", timeout, reach)
        if status in RETRY_WITH_GET:
            status = _request(link.url, "GET", timeout, reach)
        return Result(link, status)
    except Refused as refused:
        return Result(link, None, f"refused: {refused.reason}")
    except (urllib.error.URLError, TimeoutError, OSError, ValueError) as error:
        reason = getattr(error, "reason", error)
        return Result(link, None, f"no answer: {reason}")


def check_links(links: list[Link], timeout: float, workers: int = 8, reach: Reach = PUBLIC) -> list[Result]:
    with ThreadPoolExecutor(max_workers=max(1, min(workers, len(links) or 1))) as pool:
        return list(pool.map(lambda link: check_link(link, timeout, reach), links))


def _report(result: Result, output: str) -> str:
    what = f"HTTP {result.status}" if result.status is not None else result.error
    message = f"dead link for source {result.link.source!r}: {result.link.url} ({what})"
    if output == "github":
        message = message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        path = result.link.path.replace("%", "%25").replace(",", "%2C").replace(":", "%3A")
        return f"::warning file={path},line={result.link.line},title=dead link::{message}"
    return f"{shown(result.link.path)}:{result.link.line}: {shown(message)}"


def main(argv: list[str] | None = None, reach: Reach = PUBLIC) -> int:
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
    results = check_links(source_links(paths), args.timeout, reach=reach)
    dead = [result for result in results if result.dead]
    for result in dead:
        print(_report(result, args.format))
    print(f"{len(results)} source URLs checked, {len(dead)} dead", file=sys.stderr)
    return 1 if dead and args.strict else 0


if __name__ == "__main__":
    sys.exit(main())
