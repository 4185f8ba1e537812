#!/usr/bin/env python3
"""Coverage summary: `python scripts/coverage.py [PATH...] [--archive DIR] [--format text|github]`.

Per source, the claims that cite it and the quotes verified against its archived copy; per record kind and
property, the claims resting on a single source; and, as warnings, the claims resting only on news articles
in a record that cites an official source. Exit 0 (the report never fails a build), 2 on a usage error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from factbase.archive import ARCHIVE_DEFAULT_HELP, ARCHIVE_ENV, archive_from
from factbase.coverage import coverage, reviews_located
from factbase.validation import load_fact_base

ROOT = Path(__file__).resolve().parents[1]


def _table(rows: list[list[str]]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return ["  " + "  ".join(cell.ljust(width) if i == 0 else cell.rjust(width)
                             for i, (cell, width) in enumerate(zip(row, widths, strict=True))).rstrip()
            for row in rows]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, help="fact files or folders (default: facts/)")
    parser.add_argument("--archive", help=f"folder of archived sources ({ARCHIVE_DEFAULT_HELP}; "
                        "without one, quotes are not verified)")
    parser.add_argument("--format", choices=["text", "github"], default="text")
    args = parser.parse_args(argv)
    archive, paths = archive_from(args.archive), args.paths or [ROOT / "facts"]
    unreadable = [str(p) for p in [*paths, *([archive.directory] if archive else [])] if not p.exists()]
    if unreadable:
        parser.error(f"no such file or folder: {', '.join(unreadable)}")  # exits with status 2
    base, _ = load_fact_base(paths)
    report = coverage(base, archive)

    print(f"Sources ({len(report.sources)}): claims citing each, quotes verified against the archived copy")
    rows = [["source", "kind", "claims", "quotes", "verified"]]
    rows += [[e.source.id, str(e.source.data.get("kind", "")), str(e.claims), str(e.quotes),
              "not checked" if e.verified is None else f"{e.verified}/{e.quotes}"] for e in report.sources]
    print("\n".join(_table(rows)))
    if not report.verified:
        print(f"  (no archive given: quotes NOT verified; use --archive DIR or ${ARCHIVE_ENV})")

    single = sum(p.single_source for p in report.properties)
    claims = sum(p.claims for p in report.properties)
    print(f"\nClaims resting on a single source: {single} of {claims}")
    rows = [["kind.property", "claims", "single source"]]
    rows += [[f"{p.kind}.{p.property}", str(p.claims), str(p.single_source)] for p in report.properties]
    print("\n".join(_table(rows)))

    located = reviews_located(report)
    print(f"\nFor review: {len(located)} claims rest only on news articles in a record that cites an "
          "official source", file=sys.stderr)
    for path, line, col, message in located:
        if args.format == "github":
            text = message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
            shown = path.replace("%", "%25").replace(",", "%2C").replace(":", "%3A")
            where = f"file={shown},line={line},col={col}"
            print(f"::warning {where},title=coverage review::{text}", file=sys.stderr)
        else:
            print(f"{path}:{line}:{col}: warning: {message}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
