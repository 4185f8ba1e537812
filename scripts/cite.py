#!/usr/bin/env python3
"""Add a citation or a claim to an existing record: `python scripts/cite.py RECORD PROPERTY --source SOURCE
--quote QUOTE [--value VALUE] [--quote-en TEXT] [--status STATUS] [--claim N] [--dry-run]`.

RECORD is a record id (looked up in every kind's folder) or the path of its file; PROPERTY is one of its
claim properties (`parameters`, `released`, ...). The quote is looked up in the source's archived copy and
its line recorded; a quote the copy does not hold is refused, with how much of it matches (as E301 says).

Without --value, the citation is added to the claim of PROPERTY whose value the quote states, judged as the
validator judges it (E305 for numbers, E306 for dates: factbase/rules/support.py). Where that cannot tell (several
claims fit, or the values are text or ids, which quotes are not compared with), --claim N picks the N-th
claim; on a terminal cite.py asks; otherwise it exits 2 and lists them. A property with one claim of text or
an id takes the citation on that claim.

With --value, a new claim is added, with the status --status (default: from the source's kind, as new.py
does). VALUE is written as the property's value type reads it: a quantity as `[QUALIFIER] AMOUNT UNIT`
(`32000000000 parameters`, `approximately 300000000000 parameters`), a list as `text, image`, a date, an id
or an address as it is; any value, and a text in both languages or a score in particular, as a YAML flow
snippet: `{ko: 한국어 문장, en: A statement}`, `{benchmark: KMMLU, score: 61.5, unit: percent}`.

The file is rewritten canonically through the formatter (comments kept), the diff is printed, and the
validator runs over the fact base with the change: its errors in the changed file are printed, and a change
that would add errors is not written. Exit 0 when written (or, with --dry-run, when it would be), 1 when
refused, 2 on a usage error or when the claim to cite is ambiguous.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from pathlib import Path
from typing import Any

from factbase.archive import ARCHIVE_DEFAULT_HELP, archive_from
from factbase.archive import normalise as normalised
from factbase.authoring import Refusal, default_status, quote_lines, record_path
from factbase.base import FactBase
from factbase.diagnostics import Diagnostic
from factbase.formatting import FormatError, format_appended
from factbase.records import Claim, Record, iter_claims
from factbase.rules.dates import publication_spans
from factbase.rules.support import quotes_state
from factbase.strict_yaml import load_yaml
from factbase.validation import check, display_path, load_fact_base
from factbase.value_types import ValueType, claim_value_types

ROOT = Path(__file__).resolve().parents[1]


class Ambiguous(Exception):
    """Several claims may take the citation and cite.py cannot ask; the message lists them."""


def parse_value(text: str, value_type: ValueType) -> Any:
    """VALUE as the value type reads it: a YAML flow snippet (`{...}`, `[...]`), else its short form."""
    if text.strip()[:1] in ("{", "["):
        document, problems = load_yaml(text.encode("utf-8"), "--value")
        if document is None or problems:
            raise Refusal("--value is not a YAML snippet the loader reads: "
                          + "; ".join(f"{p.code} {p.message}" for p in problems))
        return document.data
    try:
        return value_type.from_text(text) if value_type.from_text else text
    except ValueError as problem:
        raise Refusal(f"--value: {problem}") from None


def _index(claim: Claim) -> int:
    """The claim's place in its property's list, from 0."""
    return int(claim.path[2])


def _candidate(claim: Claim, value_type: ValueType) -> str:
    return f"{_index(claim) + 1}: {value_type.shown(claim.data.get('value'))} ({claim.data.get('status')})"


def _ask(claims: list[Claim], value_type: ValueType, why: str) -> int:
    """The index of the claim to cite: --claim, else asked on a terminal; Ambiguous without one."""
    listing = "\n".join(f"  {_candidate(claim, value_type)}" for claim in claims)
    if not sys.stdin.isatty():
        raise Ambiguous(f"{why}; say which with --claim N:\n{listing}")
    print(f"{why}:\n{listing}")
    numbers = {str(_index(claim) + 1): _index(claim) for claim in claims}
    while (answer := input("claim number> ").strip()) not in numbers:
        print(f"  one of: {', '.join(numbers)}")
    return numbers[answer]


def choose_claim(claims: list[Claim], value_type: ValueType, citation: dict[str, Any],
                 published: dict[str, Any], chosen: int | None) -> int:
    """The index of the claim the citation goes on (see the module's docstring)."""
    prop = claims[0].property if claims else "?"
    if chosen is not None:
        if not 1 <= chosen <= len(claims):
            raise Refusal(f"--claim {chosen}: the record has {len(claims)} claim(s) of {prop}")
        return chosen - 1
    if not claims:
        raise Refusal("the record has no claim of this property yet: add one with --value")
    states = [quotes_state(value_type, claim.data.get("value"), [citation], published) for claim in claims]
    if value_type.quoted:
        stated = [claim for claim, state in zip(claims, states, strict=True) if state]
        if len(stated) == 1:
            return _index(stated[0])
        if not stated:
            values = "; ".join(_candidate(claim, value_type) for claim in claims)
            raise Refusal(f"the quote states none of the values of {prop} ({values}): correct the quote, or add "
                          "the value it states as a claim with --value")
        return _ask(stated, value_type, f"the quote states the value of several claims of {prop}")
    if len(claims) == 1:
        return _index(claims[0])
    return _ask(claims, value_type, f"{prop} values are not compared with quotes, and there are {len(claims)}")


def _the_record(base: FactBase, path: Path) -> Record:
    shown = display_path(path)
    found = next((record for record in base.records if record.path == shown), None)
    if found is None:
        raise Refusal(f"{shown} cannot be read: run python scripts/validate.py {shown}")
    return found


def _addition(record: Record, base: FactBase, args: argparse.Namespace,
              archive_lines: list[int]) -> tuple[tuple[str | int, ...], dict[str, Any]]:
    """Where the new citation or claim goes in the record, and what it is."""
    value_type = claim_value_types(record.kind)[args.property]
    source = base.of_kind("source")[args.source]
    citation: dict[str, Any] = {"source": args.source, "quote": args.quote}
    if args.quote_en:
        citation["quote_en"] = args.quote_en
    citation["line"] = archive_lines[0]
    if args.value is not None:
        status = args.status or default_status(source) or "reported"
        return ("claims", args.property), {"value": parse_value(args.value, value_type), "status": status,
                                           "citations": [citation]}
    claims = [claim for claim in iter_claims(record) if claim.property == args.property]
    published = publication_spans(base.of_kind("source"))
    index = choose_claim(claims, value_type, citation, published, args.claim)
    claim = next(claim for claim in claims if _index(claim) == index)
    if any(c.get("source") == args.source and normalised(str(c.get("quote"))) == normalised(args.quote)
           for _, c in claim.citations()):
        raise Refusal(f"claim {index + 1} of {args.property} already cites this quote of {args.source}")
    return ("claims", args.property, index, "citations"), citation


def _errors_in(base: FactBase, loaded: list[Diagnostic], archive: Any, shown: str) -> list[Diagnostic]:
    return [d for d in check(base, archive, loaded).diagnostics if d.path == shown]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0].replace("\n", " "))
    parser.add_argument("record", metavar="RECORD", help="a record id (any kind) or the path of its file")
    parser.add_argument("property", metavar="PROPERTY", help="the claim property: parameters, released, ...")
    parser.add_argument("--source", required=True, help="the id of the source (a file in facts/sources/)")
    parser.add_argument("--quote", required=True, help="the source's words, verbatim from its archived copy")
    parser.add_argument("--quote-en", help="an English rendering of the quote (needed when the source is not "
                        "in English)")
    parser.add_argument("--value", help="add a new claim with this value (see above for how to write it); "
                        "without it, the citation is added to the claim whose value the quote states")
    parser.add_argument("--status", choices=["confirmed", "reported", "planned", "disputed", "superseded"],
                        help="the new claim's status (default: confirmed for a README or press release, "
                        "reported for a news article)")
    parser.add_argument("--claim", type=int, metavar="N", help="cite the N-th claim of PROPERTY (1 = the first)")
    parser.add_argument("--dry-run", action="store_true", help="print the diff and the validator's errors; "
                        "write nothing")
    parser.add_argument("--facts", type=Path, default=ROOT / "facts", help="the facts folder (default: facts/)")
    parser.add_argument("--archive", type=Path, help=f"the archive folder ({ARCHIVE_DEFAULT_HELP})")
    return parser


def _usage_error(args: argparse.Namespace, record: Record, base: FactBase) -> str | None:
    """What is wrong with the options given this record and fact base, if anything."""
    properties = claim_value_types(record.kind)
    if args.property not in properties:
        return f"{args.property!r} is not a claim property of a {record.kind}: one of {', '.join(properties)}"
    source = base.of_kind("source").get(args.source)
    if source is None:
        return (f"there is no source {args.source!r} in {args.facts / 'sources'}: add it first "
                f"(python scripts/new.py source {args.source} --file PATH ...)")
    if source.data.get("language") != "en" and not args.quote_en:
        return f"--quote-en is needed: source {args.source!r} is not in English"
    if args.value is None and args.status:
        return "--status is the status of a new claim: give it with --value"
    if args.value is not None and args.claim is not None:
        return "--claim picks a claim to cite; --value adds a new one: give one of them"
    return None


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    archive = archive_from(args.archive)
    try:
        path = record_path(args.facts, args.record)
        base, loaded = load_fact_base([args.facts])
        record = _the_record(base, path)
        problem = _usage_error(args, record, base)
        if problem:
            print(f"error: {problem}", file=sys.stderr)
            return 2
        lines = quote_lines(archive, base.of_kind("source")[args.source], args.quote)
        at, item = _addition(record, base, args, lines)
        original = path.read_bytes()
        text = format_appended(original, record.kind, at, item, record.path)
    except Ambiguous as problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    except (Refusal, FormatError) as problem:
        print(f"error: {problem}", file=sys.stderr)
        return 1
    if len(lines) > 1:
        print(f"note: the quote occurs on lines {', '.join(map(str, lines))} of the archived copy; line {lines[0]} "
              "is recorded", file=sys.stderr)
    sys.stdout.writelines(difflib.unified_diff(
        original.decode("utf-8").splitlines(keepends=True), text.splitlines(keepends=True),
        f"a/{record.path.lstrip('/')}", f"b/{record.path.lstrip('/')}"))
    before = _errors_in(base, loaded, archive, record.path)
    document, _ = load_yaml(text.encode("utf-8"), record.path)
    assert document is not None  # the formatter read its own output back
    base.records[base.records.index(record)] = Record(record.kind, record.path, document)
    after = _errors_in(base, loaded, archive, record.path)
    for diagnostic in after:
        print(diagnostic.format_text(), file=sys.stderr)
    added = len(after) - len(before)
    if added > 0:
        print(f"error: {record.path} not written: the change adds {added} error(s) (above)", file=sys.stderr)
        return 1
    if args.dry_run:
        print(f"{record.path}: not written (--dry-run)", file=sys.stderr)
        return 0
    path.write_text(text, encoding="utf-8")
    what = "claim" if args.value is not None else "citation"
    print(f"wrote {record.path}: a {what} of {args.property} added; "
          f"{len(after)} error{'s' if len(after) != 1 else ''} in it", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
