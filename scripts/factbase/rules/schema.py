"""The schema check (factbase/schemas.py), run on each record: E101 uncited-claim, E102 unknown-field,
E103 missing-field, E104 wrong-type, E105 invalid-value, E106 missing-translation, E503 unsafe-url."""

from __future__ import annotations

from ..checks import Code, Scope, rule
from ..diagnostics import Diagnostic
from ..records import Record
from ..schemas import check_schema
from .urls import url_policy_diagnostics


@rule(
    Scope.RECORD,
    Code("E101", "uncited-claim",
         ko="모든 주장에는 인용이 하나 이상 있어야 한다.",
         en="Every claim has at least one citation."),
    Code("E102", "unknown-field",
         ko="스키마에 없는 필드는 오류다. 비슷한 필드 이름을 제안한다.",
         en="A field the schema does not define is an error; the closest field name is suggested."),
    Code("E103", "missing-field",
         ko="필수 필드가 빠지면 오류다.",
         en="A required field is missing."),
    Code("E104", "wrong-type",
         ko="값의 형식이 스키마와 다르다(예 문자열 자리에 숫자).",
         en="A value has the wrong type (a number where text is expected, for example)."),
    Code("E105", "invalid-value",
         ko="값이 허용된 목록이나 형식에 맞지 않는다(상태, 단위, 날짜, id 형식 등).",
         en="A value is not among the allowed values or forms (status, unit, date, id ...)."),
    Code("E106", "missing-translation",
         ko="사람이 읽는 모든 글에는 한국어와 영어가 모두 있어야 한다.",
         en="Every human-readable text has both Korean and English."),
    Code("E503", "unsafe-url",
         ko="링크는 등록된 호스트 이름을 가진 http(s) 주소여야 한다. javascript:·data:·file: 등, 사용자 "
            "이름(https://github.com@evil.example/), IP 주소, localhost·사설 이름, 백슬래시, 다른 포트는 거부한다. "
            "한글 도메인 같은 비ASCII 호스트는 라벨마다 한 문자 체계여야 하고 라틴 문자와 비슷하게 생긴 문자 "
            "체계(키릴·그리스)를 섞을 수 없으며(hankyung.сом), 사이트는 그 옆에 퓨니코드를 보여 준다.",
         en="Links are http(s) addresses with a registered host name: javascript:, data:, file: and others, a user "
            "name (https://github.com@evil.example/), an IP address, localhost and private names, a backslash and "
            "another port are refused. A non-ASCII host keeps each label in one script and never mixes Latin with "
            "a look-alike script (hankyung.сом with Cyrillic); the site shows its punycode beside it."),
)
def check_record_schema(record: Record) -> list[Diagnostic]:
    return [*check_schema(record), *url_policy_diagnostics(record)]
