"""Codes the loader finds while it reads a file (factbase/strict_yaml.py: E001-E014; factbase/records.py: E204).
They are reported before any rule runs, so they are declared here with nothing to run."""

from __future__ import annotations

from ..checks import Code, Rule, Scope

LOADING = Rule(Scope.LOAD, (
    Code("E001", "yaml-syntax",
         ko="YAML 문법 오류(들여쓰기, 따옴표, 콜론).",
         en="YAML syntax errors (indentation, quotes, colons)."),
    Code("E002", "duplicate-key",
         ko="같은 키가 한 매핑에 두 번 나오면 오류다. 일반 YAML 도구는 앞의 값을 조용히 버린다.",
         en="The same key twice in one mapping; ordinary YAML tools silently drop the first value."),
    Code("E003", "anchor-or-alias",
         ko="앵커와 별칭(&, *)은 쓸 수 없다. 별칭 폭탄을 막고 각 값이 적힌 자리에 있게 한다.",
         en="No anchors or aliases (& and *), which rules out alias bombs and keeps every value where it is "
            "written."),
    Code("E004", "ambiguous-scalar",
         ko="YAML 1.1 도구가 다르게 읽는 따옴표 없는 값(yes/no/on/off, 날짜, 시각, 017, 0x1F, 1:30, .inf, .nan)은 "
            "따옴표로 감싸야 한다.",
         en="Unquoted values that YAML 1.1 tools read as something else (yes/no/on/off, dates, times, 017, 0x1F, "
            "1:30, .inf, .nan) must be quoted."),
    Code("E005", "explicit-tag",
         ko="명시적 태그(!!python/... 등)는 쓸 수 없다.",
         en="No explicit tags (such as !!python/...)."),
    Code("E006", "encoding",
         ko="파일은 BOM 없는 올바른 UTF-8이어야 한다.",
         en="Files are valid UTF-8 without a byte-order mark."),
    Code("E007", "control-character",
         ko="탭과 제어 문자(NUL 등)는 쓸 수 없다.",
         en="No tabs or control characters (NUL and others)."),
    Code("E008", "empty-file",
         ko="빈 파일은 오류다.",
         en="An empty file is an error."),
    Code("E009", "multiple-documents",
         ko="한 파일에는 레코드 하나(YAML 문서 하나)만 둔다.",
         en="One record (one YAML document) per file."),
    Code("E010", "file-too-large",
         ko="사실 파일은 1 MiB를 넘을 수 없다. 읽기 전에 거부한다.",
         en="A fact file is at most 1 MiB; larger files are refused before parsing."),
    Code("E011", "nesting-too-deep",
         ko="64단계보다 깊은 중첩은 오류다(시간과 메모리를 제한).",
         en="Nesting deeper than 64 levels is an error (bounded time and memory)."),
    Code("E012", "non-string-key",
         ko="매핑의 키는 평범한 이름이어야 한다.",
         en="Mapping keys are plain names."),
    Code("E013", "invisible-character",
         ko="양방향 제어 문자와 보이지 않는 문자(예 U+202E, U+200B)는 쓸 수 없다. 글이 실제와 다르게 보이게 "
            "만든다.",
         en="No bidirectional-control or invisible characters (such as U+202E, U+200B), which make text read "
            "differently from what it is."),
    Code("E014", "too-many-items",
         ko="한 목록이나 매핑에 항목이 1,000개를 넘으면 오류다(검사 시간을 제한).",
         en="More than 1,000 entries in one list or mapping is an error (bounded checking time)."),
    Code("E204", "unknown-kind",
         ko="사실 파일은 종류별 폴더(facts/sources/ 등)에 있고 .yaml로 끝나야 한다.",
         en="Fact files live in a kind's folder (facts/sources/ ...) and end in .yaml."),
))
