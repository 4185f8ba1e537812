"""Codes the loader finds while it reads a file (factbase/strict_yaml.py: E001-E014; factbase/records.py:
E204, E207). They are reported before any rule runs, so they are declared here with nothing to run."""

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
         ko="보이지 않거나 글의 방향을 바꾸는 문자는 어디에도 쓸 수 없다. 유니코드 데이터로 정한다: 서식 문자(Cf: "
            "양방향 제어 U+202E·U+061C, 폭 없는 공백 U+200B, 태그 문자 U+E0000–E007F), 무시 가능 문자(한글 채움 "
            "문자 U+3164·U+115F·U+1160·U+FFA0, U+034F), 기호나 숫자 뒤가 아닌 이체자 선택자(U+FE0F, U+180B, "
            "U+E0100…), 아무것도 그리지 않는 U+2800, 사용자 정의 영역 문자.",
         en="No character that is invisible or turns the direction of text, anywhere. Decided by Unicode's data: "
            "format characters (Cf: bidirectional controls U+202E and U+061C, zero-width U+200B, tag characters "
            "U+E0000–E007F), default-ignorable characters (the Hangul fillers U+3164, U+115F, U+1160, U+FFA0, "
            "U+034F), variation selectors other than after a symbol or digit (U+FE0F, U+180B, U+E0100…), U+2800 "
            "which draws nothing, private-use characters."),
    Code("E014", "too-many-items",
         ko="한 목록이나 매핑에 항목이 1,000개를 넘으면 오류다(검사 시간을 제한).",
         en="More than 1,000 entries in one list or mapping is an error (bounded checking time)."),
    Code("E204", "unknown-kind",
         ko="facts/에는 종류별 폴더(facts/sources/ 등) 바로 안의 .yaml 파일만 둔다. 다른 확장자(.YAML, .yml, "
            ".json), 종류 폴더 밖의 파일, 종류 폴더 안의 하위 폴더는 조용히 무시하지 않고 오류로 알린다.",
         en="facts/ holds only .yaml files directly in a kind's folder (facts/sources/ ...): another extension "
            "(.YAML, .yml, .json), a file outside the kind folders or a folder inside one is an error, never "
            "silently ignored."),
    Code("E207", "linked-file",
         ko="사실 파일은 보통 파일이어야 한다. 심볼릭 링크(끊어진 링크, 폴더 링크 포함)는 따라가지 않고 오류로 "
            "알린다. 저장소 밖의 파일은 읽지 않는다.",
         en="A fact file is a regular file: a symbolic link (dangling, or to a folder, included) is an error and "
            "is never followed, so nothing outside the repository is read."),
))
