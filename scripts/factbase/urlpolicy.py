"""The URL policy: which links a fact may hold, and how a link with a non-ASCII host is shown.

A link is `https://` or `http://` followed by a registered host name, and nothing that makes it lead
somewhere other than it reads:

- no user name or password (`https://github.com@evil.example/` goes to evil.example);
- no IP address (`http://127.0.0.1/`, `http://[::1]/`, `http://2130706433/`) and no name that only a
  local network resolves (`localhost`, `*.local`, `*.internal`, ...);
- no backslash (browsers read it as `/`), no port other than the scheme's own;
- a host name with non-ASCII letters (an internationalised name, `한국.kr`, written so or in punycode)
  keeps each label in one script, never mixes Latin with the scripts whose letters look like it
  (`hankyung.сом` with a Cyrillic `сом`), and is shown with its ASCII (punycode) form beside it:
  `display_url`.
"""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import SplitResult, urlsplit

from .charpolicy import hidden_in, script_of

SCHEMES = {"https": 443, "http": 80}
LOCAL_NAMES = ("localhost", "local", "internal", "intranet", "lan", "home", "corp", "localdomain", "arpa",
               "test", "invalid", "example", "onion")  # top-level names no public resolver answers for
LOOK_ALIKE_SCRIPTS = {"CYRILLIC", "GREEK", "ARMENIAN", "CHEROKEE", "COPTIC"}
# Scripts that one writing system mixes in one word (UTS #39, "highly restrictive"): Japanese writes Han
# with Hiragana and Katakana, Korean Han with Hangul. Any other mix in a label is refused.
ONE_WRITING = ({"HAN", "HIRAGANA", "KATAKANA"}, {"HAN", "HANGUL"})
_ASCII_LABEL = re.compile(r"(?!-)[a-z0-9-]{1,63}(?<!-)")


def _ip_address(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        return None


def _unicode_label(label: str) -> str | None:
    """A host label as readers see it: punycode (`xn--...`) decoded; None if it does not decode."""
    if not label.startswith("xn--"):
        return label
    try:
        return label.encode("ascii").decode("idna")
    except UnicodeError:
        return None


def _host_problem(host: str) -> str | None:
    if _ip_address(host) is not None:
        return f"its host {host!r} is an IP address, not a registered name"
    if host.endswith("."):
        return f"its host {host!r} ends in a dot"
    labels = host.split(".")
    if len(labels) < 2 or labels[-1] in LOCAL_NAMES or labels[-1].isdigit() or labels[-1].startswith("0x"):
        return f"its host {host!r} is not a registered public name"
    hidden = hidden_in(host)
    if hidden:
        return f"its host holds {hidden[1]}"
    scripts: set[str] = set()
    for written in labels:
        if written.isascii() and not _ASCII_LABEL.fullmatch(written):
            return f"its host label {written!r} is not letters, digits and inner hyphens"
        label = _unicode_label(written)
        if label is None:
            return f"its host label {written!r} is not valid punycode"
        if label.isascii():
            scripts |= {"LATIN"} if any(char.isalpha() for char in label) else set()
            continue
        label_scripts = {script_of(char) for char in label if not (char.isascii() and not char.isalpha())}
        if None in label_scripts or (len(label_scripts) > 1
                                     and not any(label_scripts <= allowed for allowed in ONE_WRITING)):
            return f"its host label {label!r} mixes scripts or holds other characters than letters"
        scripts |= {script for script in label_scripts if script}
    if "LATIN" in scripts and scripts & LOOK_ALIKE_SCRIPTS:
        mixed = " and ".join(sorted(script.title() for script in scripts))
        return f"its host {host!r} mixes {mixed} letters, which look alike"
    try:
        host.encode("idna")
    except UnicodeError:
        return f"its host {host!r} is not a valid internationalised name"
    return None


def url_problem(url: str) -> str | None:
    """Why `url` breaks the policy, or None."""
    if "\\" in url:
        return "it holds a backslash, which browsers read as `/`"
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as error:
        return f"it is not a well-formed URL ({error})"
    if parts.scheme not in SCHEMES:
        return "it is not an http(s) URL"
    if "@" in parts.netloc:
        return "it holds a user name before `@`: the link goes to the host after it"
    host = parts.hostname or ""
    if not host:
        return "it has no host"
    problem = _host_problem(host)
    if problem is None and port is not None and port != SCHEMES[parts.scheme]:
        return f"it names port {port}: link to the site's ordinary address"
    return problem


def _ascii_host(parts: SplitResult) -> str:
    host = parts.hostname or ""
    return host if host.isascii() else host.encode("idna").decode("ascii")


def ascii_url(url: str) -> str:
    """The same URL with its host in ASCII (punycode): what links and JSON-LD point to."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if host.isascii():
        return url
    return parts._replace(netloc=parts.netloc.replace(parts.netloc.split(":")[0], _ascii_host(parts), 1)).geturl()


def display_url(url: str) -> str:
    """The URL as shown to readers: a non-ASCII host is followed by its punycode form, so that a reader can
    tell `한국.kr` from a look-alike."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    return url if host.isascii() else f"{url} ({_ascii_host(parts)})"
