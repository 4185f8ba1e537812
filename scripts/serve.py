#!/usr/bin/env python3
"""Build the site in both languages, serve it on http://127.0.0.1:8000/, and rebuild on every change.

`mkdocs serve -f mkdocs.ko.yml` also works for one language (it watches facts/ and schema/ too), but only
this serves both languages side by side, so the language switcher works as on the published site.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import sys
import threading
import time
from pathlib import Path

from build_site import ROOT, build_site

WATCHED = ["facts", "schema", "docs", "overrides", "scripts/sitegen", "mkdocs.yml", "mkdocs.ko.yml",
           "mkdocs.en.yml"]


def _snapshot() -> dict[Path, float]:
    found: dict[Path, float] = {}
    for name in WATCHED:
        path = ROOT / name
        for file in [path] if path.is_file() else path.rglob("*"):
            if file.is_file():
                found[file] = file.stat().st_mtime
    return found


def _rebuild(site: Path) -> None:
    started = time.monotonic()
    try:
        build_site(site)
    except Exception as error:  # noqa: BLE001 - keep serving the last good site, say why
        print(f"build failed (the last good site is still served): {error}", file=sys.stderr)
    else:
        print(f"rebuilt in {time.monotonic() - started:.1f} s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site")
    args = parser.parse_args()
    site = args.site_dir.resolve()
    _rebuild(site)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"serving http://127.0.0.1:{args.port}/ (Korean: /ko/, English: /en/); Ctrl-C stops")
    seen = _snapshot()
    try:
        while True:
            time.sleep(1)
            now = _snapshot()
            if now != seen:
                seen = now
                _rebuild(site)
    except KeyboardInterrupt:
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
