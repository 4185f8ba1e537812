#!/usr/bin/env python3
"""Format fact files canonically: `python scripts/format.py [PATH...] [--check]`.

Rewrites each file in place (default: every file under facts/). With --check, writes nothing,
prints a unified diff for each file that is not canonical and exits 1. Exit 0 when every file is
(or now is) canonical, 1 when any is not or cannot be read, 2 on a usage error.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from pathlib import Path

from factbase.formatting import FormatError, format_text
from factbase.records import file_problem, find_fact_files, kind_of
from factbase.validation import display_path as shown_path  # paths relative to the working directory

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, help="fact files or folders (default: facts/)")
    parser.add_argument("--check", action="store_true", help="write nothing; show what would change")
    args = parser.parse_args(argv)
    paths = args.paths or [ROOT / "facts"]
    missing = [str(path) for path in paths if not path.exists()]
    if missing:
        print(f"error: no such file or folder: {', '.join(missing)}", file=sys.stderr)
        return 2
    failed = changed = 0
    files = find_fact_files(paths)
    for path in files:
        shown, kind, problem = shown_path(path), kind_of(path), file_problem(path)
        if kind is None or problem is not None:
            print(f"{shown}: not a fact file: {problem[2] if problem else 'not in a kind folder'}", file=sys.stderr)
            failed += 1
            continue
        original = path.read_bytes()
        try:
            formatted = format_text(original, kind, shown)
        except FormatError as error:
            print(f"{error}\n{shown}: not formatted: fix the problems above first", file=sys.stderr)
            failed += 1
            continue
        if formatted.encode("utf-8") == original:
            continue
        changed += 1
        if args.check:
            sys.stdout.writelines(difflib.unified_diff(
                original.decode("utf-8").splitlines(keepends=True), formatted.splitlines(keepends=True),
                f"a/{shown.lstrip('/')}", f"b/{shown.lstrip('/')}"))
        else:
            path.write_text(formatted, encoding="utf-8")
            print(f"formatted {shown}", file=sys.stderr)
    verb = "would be reformatted" if args.check else "reformatted"
    print(f"{len(files)} file{'s' if len(files) != 1 else ''}: {changed} {verb}, {failed} not readable",
          file=sys.stderr)
    return 1 if failed or (args.check and changed) else 0


if __name__ == "__main__":
    sys.exit(main())
