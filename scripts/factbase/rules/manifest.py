"""The archive's index against the source records: E330 manifest-entry-missing, E331 manifest-hash-mismatch,
E332 manifest-unreadable.

The archive's `MANIFEST.yaml` lists every archived copy with its sha256 (factbase/archive.py `Manifest`);
`new.py source --file` appends the entry when it archives a copy. Each source record whose copy is in the
archive must have an entry, with the same sha256. The check only reads the archive. An archive without a
`MANIFEST.yaml` (a small archive made for a test or a trial) has no index to check: nothing is reported.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..archive import Archive, Manifest
from ..base import FactBase
from ..checks import Code, Scope, rule
from ..diagnostics import Diagnostic

_LAYOUT_HINT = "write `files:` followed by one `- file: PATH` entry with its `sha256:` per archived copy"


def _layout_problems(manifest: Manifest) -> Iterator[Diagnostic]:
    """Where the index is not `files:` holding entries that each have a text `file` and `sha256`."""
    shown = str(manifest.path)
    for problem in manifest.problems:
        yield Diagnostic(shown, problem.line, problem.col, "E332", "manifest-unreadable",
                         f"the archive's index cannot be read: {problem.code} {problem.message}", problem.hint)
    document = manifest.document
    if document is None or manifest.problems:
        return
    files = document.data.get("files") if isinstance(document.data, dict) else None
    if not isinstance(files, list):
        line, col = document.position(("files",))
        yield Diagnostic(shown, line, col, "E332", "manifest-unreadable",
                         "the archive's index has no `files:` list", _LAYOUT_HINT)
        return
    for index, entry in enumerate(files):
        missing = [key for key in ("file", "sha256")
                   if not isinstance(entry, dict) or not isinstance(entry.get(key), str)]
        if missing:
            line, col = document.position(("files", index))
            yield Diagnostic(shown, line, col, "E332", "manifest-unreadable",
                             f"entry {index + 1} of the archive's index has no text {' or '.join(missing)}",
                             _LAYOUT_HINT)


@rule(
    Scope.ARCHIVE,
    Code("E330", "manifest-entry-missing",
         ko="보관본이 있는 출처는 보관 폴더의 목록(`MANIFEST.yaml`)에 항목이 있어야 한다. `new.py source --file`이 "
            "항목을 덧붙인다. 목록이 없는 보관 폴더(시험용 작은 보관 폴더)는 검사하지 않는다.",
         en="A source whose copy is archived has an entry in the archive's index (`MANIFEST.yaml`); "
            "`new.py source --file` appends it. An archive without an index (a small one made for a test) is "
            "not checked."),
    Code("E331", "manifest-hash-mismatch",
         ko="목록 항목의 SHA-256이 출처 기록의 SHA-256과 같아야 한다.",
         en="The index entry's SHA-256 is the source record's SHA-256."),
    Code("E332", "manifest-unreadable",
         ko="보관 폴더의 목록은 `files:` 아래 항목마다 텍스트 `file`과 `sha256`을 가진 YAML이어야 한다.",
         en="The archive's index is YAML with, under `files:`, a text `file` and `sha256` in every entry."),
)
def check_manifest(base: FactBase, archive: Archive) -> Iterator[Diagnostic]:
    manifest = archive.manifest
    if manifest is None:
        return
    yield from _layout_problems(manifest)
    if manifest.document is None:
        return
    entries = manifest.entries()
    for source in base.of_kind("source").values():
        archived = source.data.get("archive")
        file = archived.get("file") if isinstance(archived, dict) else None
        if not isinstance(archived, dict) or not isinstance(file, str) or archive.get(file) is None:
            continue  # no path is a schema error, a missing copy E303's
        if file not in entries:
            yield source.diagnostic(("archive", "file"), "E330", "manifest-entry-missing",
                                    f"{file!r} has no entry in the archive's index {manifest.path}",
                                    "archive sources with `python scripts/new.py source ID --file PATH`, which "
                                    f"appends the entry; or add `- file: {file}` with its `sha256:` to the index")
            continue
        index, entry = entries[file]
        if entry.get("sha256") != archived.get("sha256"):
            line, _ = manifest.document.position(("files", index, "sha256"))
            yield source.diagnostic(("archive", "sha256"), "E331", "manifest-hash-mismatch",
                                    f"the archive's index ({manifest.path}, line {line}) gives {file!r} the sha256 "
                                    f"{entry.get('sha256')}, not the recorded {archived.get('sha256')}",
                                    "one of them is wrong: compare both with `sha256sum` of the archived copy")
