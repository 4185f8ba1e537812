"""The link checker, against a local server on 127.0.0.1 only (never the internet).

The checker refuses loopback addresses unless the caller names the server in a `Reach`: these tests do, and
a few check that without it nothing is requested."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from conftest import load_script

check_links = load_script("check_links")
check_link, main, source_links = check_links.check_link, check_links.main, check_links.source_links
PUBLIC, Reach = check_links.PUBLIC, check_links.Reach

REDIRECTS = {"/to-ftp": "ftp://ftp.example.com/file", "/to-file": "file:///etc/passwd",
             "/to-localhost": "http://localhost/admin", "/to-private": "http://10.0.0.1/",
             "/to-userinfo": "https://github.com@evil.example/"}
REQUESTS: list[str] = []  # every path the server was asked for


class Handler(BaseHTTPRequestHandler):
    def _answer(self, body: bool) -> None:
        path = self.path
        REQUESTS.append(path)
        if path == "/slow":
            time.sleep(1.5)
        if path == "/no-head" and self.command == "HEAD":
            self.send_response(405)
        elif path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/ok")
        elif path in REDIRECTS:
            self.send_response(302)
            self.send_header("Location", REDIRECTS[path])
        elif path in ("/ok", "/no-head", "/slow"):
            self.send_response(200)
        else:
            self.send_response(404)
        self.send_header("Content-Length", "2" if body else "0")
        self.end_headers()
        if body:
            self.wfile.write(b"ok")

    def do_HEAD(self) -> None:  # noqa: N802 - the http.server interface
        self._answer(body=False)

    def do_GET(self) -> None:  # noqa: N802
        self._answer(body=True)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Requests go straight to 127.0.0.1, never through a proxy configured in the environment."""
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("no_proxy", "*")


@pytest.fixture(scope="module")
def httpd() -> Iterator[ThreadingHTTPServer]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def server(httpd: ThreadingHTTPServer) -> str:
    return f"http://127.0.0.1:{httpd.server_address[1]}"


@pytest.fixture(scope="module")
def local(httpd: ThreadingHTTPServer) -> Reach:
    """The test server, and it alone, may be requested."""
    return Reach(local_servers=frozenset({("127.0.0.1", int(httpd.server_address[1]))}))


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


SOURCE = """\
id: {id}
kind: news-article
title:
  ko: 기사
  en: Article
published:
  date: "2024-12-05"
  inferred: false
url: "{url}"
language: ko
retrieved: "2026-11-22"
archive:
  file: texts/{id}.txt
  sha256: 0000000000000000000000000000000000000000000000000000000000000000
"""


def write_sources(facts: Path, urls: dict[str, str]) -> Path:
    for source_id, url in urls.items():
        path = facts / "sources" / f"{source_id}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(SOURCE.format(id=source_id, url=url), encoding="utf-8")
    return facts


@pytest.mark.parametrize(("path", "status", "dead"), [
    ("/ok", 200, False),
    ("/missing", 404, True),
    ("/no-head", 200, False),  # HEAD refused (405): retried with GET
    ("/moved", 200, False),  # a redirect is followed
])
def test_each_link_is_requested_and_judged(tmp_path: Path, server: str, local: Reach, path: str, status: int,
                                           dead: bool) -> None:
    link = source_links([write_sources(tmp_path / "facts", {"src-a": server + path})])[0]
    result = check_link(link, timeout=5, reach=local)
    assert (result.status, result.dead) == (status, dead)


def test_a_server_that_does_not_answer_in_time_is_dead(tmp_path: Path, server: str, local: Reach) -> None:
    link = source_links([write_sources(tmp_path / "facts", {"src-a": server + "/slow"})])[0]
    result = check_link(link, timeout=0.5, reach=local)
    assert result.dead and result.status is None
    assert result.error.startswith("no answer:")


def test_a_refused_connection_is_dead(tmp_path: Path) -> None:
    port = _closed_port()
    link = source_links([write_sources(tmp_path / "facts", {"src-a": f"http://127.0.0.1:{port}/x"})])[0]
    result = check_link(link, timeout=2, reach=Reach(local_servers=frozenset({("127.0.0.1", port)})))
    assert result.dead and result.error.startswith("no answer:")


def test_the_report_locates_dead_links_and_exits_0_unless_strict(
        tmp_path: Path, server: str, local: Reach, capsys: pytest.CaptureFixture[str]) -> None:
    facts = write_sources(tmp_path / "facts", {"src-a": server + "/ok", "src-b": server + "/missing"})
    assert main([str(facts), "--timeout", "5"], reach=local) == 0
    out, err = capsys.readouterr()
    assert out == (f"{facts / 'sources' / 'src-b.yaml'}:9: dead link for source 'src-b': "
                   f"{server}/missing (HTTP 404)\n")
    assert err == "2 source URLs checked, 1 dead\n"
    assert main([str(facts), "--timeout", "5", "--strict"], reach=local) == 1


def test_strict_passes_when_every_link_answers(tmp_path: Path, local: Reach, server: str) -> None:
    facts = write_sources(tmp_path / "facts", {"src-a": server + "/ok"})
    assert main([str(facts), "--strict"], reach=local) == 0


def test_github_format_gives_warning_annotations(tmp_path: Path, server: str, local: Reach,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    facts = write_sources(tmp_path / "facts", {"src-b": server + "/missing"})
    main([str(facts), "--format", "github"], reach=local)
    out = capsys.readouterr().out
    assert out.startswith("::warning file=")
    assert ",line=9,title=dead link::dead link for source 'src-b'" in out


def test_only_http_urls_are_requested(tmp_path: Path) -> None:
    link = source_links([write_sources(tmp_path / "facts", {"src-a": "file:///etc/passwd"})])[0]
    result = check_link(link, timeout=1)
    assert result.dead and result.error == "it is not an http(s) URL: not requested"


def test_without_a_named_local_server_loopback_is_never_requested(
        tmp_path: Path, server: str, capsys: pytest.CaptureFixture[str]) -> None:
    facts = write_sources(tmp_path / "facts", {"src-a": server + "/ok?from=cli"})
    assert main([str(facts), "--strict"]) == 1  # the command line's reach: public addresses only
    assert "127.0.0.1' is an IP address, not a registered name: not requested" in capsys.readouterr().out
    assert "/ok?from=cli" not in REQUESTS


@pytest.mark.parametrize("target", sorted(REDIRECTS))
def test_a_redirect_is_followed_only_to_a_public_http_address(tmp_path: Path, server: str, local: Reach,
                                                              target: str) -> None:
    link = source_links([write_sources(tmp_path / "facts", {"src-a": server + target})])[0]
    result = check_link(link, timeout=5, reach=local)
    assert result.dead and result.error.startswith(f"refused: redirect to {REDIRECTS[target]}: ")


@pytest.mark.parametrize(("url", "says"), [
    ("http://localhost/", "is not a registered public name"),
    ("http://[::1]/", "is an IP address"),
    ("http://192.168.0.1/", "is an IP address"),
    ("http://2130706433/", "is not a registered public name"),
    ("https://user:secret@example.com/", "holds a user name"),
    ("https://rebound.example.com/", "resolves to the non-public address 127.0.0.1"),
    ("https://inside.example.com/", "resolves to the non-public address 10.1.2.3"),
])
def test_the_public_reach_refuses_local_and_private_targets(monkeypatch: pytest.MonkeyPatch, url: str,
                                                            says: str) -> None:
    answers = {"rebound.example.com": "127.0.0.1", "inside.example.com": "10.1.2.3"}
    monkeypatch.setattr(socket, "getaddrinfo", lambda host, port, **_: [
        (socket.AF_INET, socket.SOCK_STREAM, 6, "", (answers[host], port))])
    refusal = PUBLIC.refusal(url)
    assert refusal is not None and says in refusal


@pytest.mark.parametrize("arguments", [["nowhere"], ["--timeout", "0"]])
def test_usage_errors_exit_2(tmp_path: Path, arguments: list[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main([str(tmp_path / a) if a == "nowhere" else a for a in arguments])
    assert stopped.value.code == 2
