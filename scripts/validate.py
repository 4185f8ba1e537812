#!/usr/bin/env python3
"""Validate the fact base: `python scripts/validate.py [PATH...] [--archive DIR] [--format text|github]`.

Exit 0 when clean, 1 when any error is found, 2 on a usage error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from factbase.archive import ARCHIVE_DEFAULT_HELP, ARCHIVE_ENV, archive_from, quotes_must_be_verified
from factbase.diagnostics import shown
from factbase.validation import validate

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, help="fact files or folders (default: facts/)")
    parser.add_argument("--archive", help=f"folder of archived sources to check quotes against "
                        f"({ARCHIVE_DEFAULT_HELP}; without one, quotes are not verified, which is an error "
                        "where CI=true)")
    parser.add_argument("--format", choices=["text", "github"], default="text")
    args = parser.parse_args(argv)
    archive = archive_from(args.archive)
    if archive is not None and not archive.directory.is_dir():
        print(f"error: the archive folder {archive.directory} does not exist", file=sys.stderr)
        return 2
    paths = args.paths or [ROOT / "facts"]
    missing = [str(path) for path in paths if not path.exists()]
    if missing:
        print(f"error: no such file or folder: {shown(', '.join(missing))}", file=sys.stderr)
        return 2
    report = validate(paths, archive, require_verified_quotes=quotes_must_be_verified())
    for diagnostic in report.diagnostics:
        print(diagnostic.format_github() if args.format == "github" else diagnostic.format_text())
    records = len(report.base.records)
    if archive is None:
        quotes = (f"{report.quotes.unverified} quotes NOT verified: no archive given "
                  f"(use --archive DIR or ${ARCHIVE_ENV})")
    else:
        quotes = f"{report.quotes.verified} quotes verified against {archive.directory}"
        if report.quotes.unverified:
            quotes += f", {report.quotes.unverified} not verified (source or archived copy missing)"
    errors = len(report.diagnostics)
    print(f"{records} records, {errors} error{'s' if errors != 1 else ''}; {quotes}", file=sys.stderr)
    return 1 if report.diagnostics else 0


if __name__ == "__main__":
    sys.exit(main())
