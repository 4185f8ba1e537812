"""What changed in the fact base, claim by claim, read from the git history of facts/.

One `git log --raw` pass lists, for each commit that touched facts/, the files it changed and the blobs before
and after; one `git cat-file --batch` reads those blobs; each is loaded through factbase's strict loader (never
PyYAML's) and the claims of the two versions are compared. Dates and commits come from git, never from the
clock, so the output is the same for a given commit. At most MAX_COMMITS commits are read (the newest), so a
long history stays quick; a shallow clone shows the history it has, and the page says so.
"""

from __future__ import annotations

import json
import subprocess
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path, PurePosixPath
from typing import Any

from factbase.records import KINDS
from factbase.strict_yaml import load_yaml

MAX_COMMITS = 2000
GIT_TIMEOUT = 120  # seconds, each git command
ACTIONS = ("record_added", "record_removed", "added", "removed", "value", "status", "citation_added",
           "citation_removed")
_ZERO = "0" * 40


@dataclass(frozen=True)
class Change:
    commit: str  # the full hash
    date: str  # the commit's date (committer), ISO 8601 with its offset
    kind: str  # the record's kind
    record: str  # the record's id (its file name)
    action: str  # one of ACTIONS
    property: str = ""  # the claim's property ("" for a whole record)
    old: Any = None  # the value (or status) before: `value`, `status`, `removed`
    new: Any = None  # the value (or status) after: `value`, `status`, `added`
    source: str = ""  # the cited source: `citation_added`, `citation_removed`
    count: int = 0  # the record's claims: `record_added`, `record_removed`


@dataclass
class History:
    changes: list[Change] = field(default_factory=list)  # newest commit first
    in_git: bool = True  # False: facts/ is not in a git repository, nothing is known
    shallow: bool = False  # the clone is shallow: history before its oldest commit is missing
    truncated: bool = False  # more than MAX_COMMITS commits touched facts/: the older ones were not read
    oldest: str = ""  # the date of the oldest commit read

    @cached_property
    def of_record(self) -> dict[tuple[str, str], list[Change]]:
        """(kind, id) -> that record's changes, newest first."""
        found: dict[tuple[str, str], list[Change]] = defaultdict(list)
        for change in self.changes:
            found[(change.kind, change.record)].append(change)
        return dict(found)


def _git(repository: Path, *args: str, stdin: bytes | None = None) -> bytes:
    return subprocess.run(["git", "-C", str(repository), *args], input=stdin, capture_output=True, check=True,
                          timeout=GIT_TIMEOUT).stdout


def _claims(document: Any) -> dict[str, list[dict[str, Any]]]:
    claims = document.get("claims") if isinstance(document, dict) else None
    if not isinstance(claims, dict):
        return {}
    return {prop: [c for c in values if isinstance(c, dict)] for prop, values in claims.items()
            if isinstance(values, list)}


def _key(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _cited(claim: dict[str, Any]) -> dict[tuple[str, str], str]:
    """(source, quote) -> source, for each citation of a claim."""
    citations = claim.get("citations")
    return {(str(c.get("source")), str(c.get("quote"))): str(c.get("source"))
            for c in (citations if isinstance(citations, list) else []) if isinstance(c, dict)}


def _pair(olds: list[dict[str, Any]], news: list[dict[str, Any]]) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """Matches the claims of one property before and after: equal values first, the rest in order."""
    unmatched_old = list(range(len(olds)))
    pairs, unmatched_new = [], []
    for j, claim in enumerate(news):
        same = next((i for i in unmatched_old if _key(olds[i].get("value")) == _key(claim.get("value"))), None)
        if same is None:
            unmatched_new.append(j)
        else:
            unmatched_old.remove(same)
            pairs.append((same, j))
    in_order = list(zip(unmatched_old, unmatched_new, strict=False))
    taken = len(in_order)
    return pairs + in_order, unmatched_old[taken:], unmatched_new[taken:]


def claim_changes(before: Any, after: Any) -> list[dict[str, Any]]:
    """What changed between two versions of a record (None: it did not exist), as Change fields."""
    if before is None or after is None:
        claims = _claims(after if before is None else before)
        return [{"action": "record_added" if before is None else "record_removed",
                 "count": sum(len(values) for values in claims.values())}]
    olds, news = _claims(before), _claims(after)
    found: list[dict[str, Any]] = []
    for prop in sorted(olds.keys() | news.keys()):
        old_claims, new_claims = olds.get(prop, []), news.get(prop, [])
        pairs, removed, added = _pair(old_claims, new_claims)
        for i, j in sorted(pairs, key=lambda pair: pair[1]):
            old, new = old_claims[i], new_claims[j]
            if _key(old.get("value")) != _key(new.get("value")):
                found.append({"action": "value", "property": prop, "old": old.get("value"), "new": new.get("value")})
            if old.get("status") != new.get("status"):
                found.append({"action": "status", "property": prop, "old": old.get("status"),
                              "new": new.get("status")})
            cited_before, cited_after = _cited(old), _cited(new)
            found += [{"action": "citation_added", "property": prop, "source": cited_after[k], "new": new.get("value")}
                      for k in sorted(cited_after.keys() - cited_before.keys())]
            found += [{"action": "citation_removed", "property": prop, "source": cited_before[k],
                       "new": new.get("value")} for k in sorted(cited_before.keys() - cited_after.keys())]
        found += [{"action": "removed", "property": prop, "old": old_claims[i].get("value")} for i in removed]
        found += [{"action": "added", "property": prop, "new": new_claims[j].get("value")} for j in added]
    return found


def _load(blob: bytes | None, name: str) -> tuple[bool, Any]:
    """(read, data) of a version of a fact file; a version the strict loader refuses is not compared."""
    if blob is None:
        return True, None
    document, diagnostics = load_yaml(blob, name)
    return (document is not None and not diagnostics), (document.data if document is not None else None)


def _blobs(repository: Path, hashes: list[str]) -> dict[str, bytes]:
    """The contents of these blobs, read with one `git cat-file --batch`."""
    if not hashes:
        return {}
    output = _git(repository, "cat-file", "--batch", stdin="".join(f"{h}\n" for h in hashes).encode())
    found: dict[str, bytes] = {}
    position = 0
    while position < len(output):
        header_end = output.index(b"\n", position)
        name, kind, *size = output[position:header_end].decode().split(" ")
        if kind == "missing" or not size:
            position = header_end + 1
            continue
        start = header_end + 1
        found[name] = output[start:start + int(size[0])]
        position = start + int(size[0]) + 1
    return found


def _kind(path: str, facts: PurePosixPath) -> str | None:
    """The record kind of a file of facts/<folder>/<id>.yaml (as git names it), else None."""
    parts = PurePosixPath(path)
    if parts.suffix != ".yaml" or parts.parent.parent != facts:
        return None
    return KINDS.get(parts.parent.name)


def read_history(facts: Path, max_commits: int = MAX_COMMITS) -> History:
    """Every change to a claim in the git history of the folder `facts`, newest commit first."""
    try:
        top = Path(_git(facts, "rev-parse", "--show-toplevel").decode().strip())
        shallow_file = Path(_git(facts, "rev-parse", "--git-path", "shallow").decode().strip())
        log = _git(top, "log", "--raw", "--no-abbrev", "-M", "--no-color", f"--max-count={max_commits + 1}",
                   "--format=%x00%H %cI", "--", str(facts.resolve().relative_to(top.resolve())))
    except (OSError, ValueError, subprocess.SubprocessError):
        return History(in_git=False)
    relative = PurePosixPath(facts.resolve().relative_to(top.resolve()).as_posix())
    shallow_file = shallow_file if shallow_file.is_absolute() else facts / shallow_file  # relative to where git ran
    boundary = set(shallow_file.read_text().split()) if shallow_file.is_file() else set()
    commits: list[tuple[str, str, list[tuple[str, str, str, str, str]]]] = []
    for chunk in log.decode("utf-8", "replace").split("\x00")[1:]:
        header, _, body = chunk.partition("\n")
        sha, date = header.split(" ", 1)
        files = []
        for line in body.splitlines():
            if line.startswith(":"):
                meta, *paths = line.split("\t")
                _, _, old_blob, new_blob, status = meta.split(" ")
                old_path, new_path = (paths[0], paths[-1])
                files.append((status, old_blob, new_blob, old_path, new_path))
        commits.append((sha, date, files))
    history = History(shallow=bool(boundary), truncated=len(commits) > max_commits)
    commits = [c for c in commits[:max_commits] if c[0] not in boundary]  # a boundary commit "adds" everything
    history.oldest = commits[-1][1] if commits else ""
    wanted = sorted({blob for _, _, files in commits for f in files for blob in f[1:3] if blob != _ZERO})
    blobs = _blobs(top, wanted)
    for sha, date, files in commits:
        found: list[Change] = []
        for _status, old_blob, new_blob, old_path, new_path in files:
            kind = _kind(new_path, relative) or _kind(old_path, relative)
            if kind is None:
                continue
            read_old, before = _load(blobs.get(old_blob) if old_blob != _ZERO else None, old_path)
            read_new, after = _load(blobs.get(new_blob) if new_blob != _ZERO else None, new_path)
            if not (read_old and read_new) or before == after:
                continue
            record = PurePosixPath(new_path if new_blob != _ZERO else old_path).stem
            found += [Change(sha, date, kind, record, **fields) for fields in claim_changes(before, after)]
        history.changes += sorted(found, key=lambda c: (c.kind, c.record, c.property, ACTIONS.index(c.action)))
    return history

