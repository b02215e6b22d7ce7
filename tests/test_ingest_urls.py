"""curator ingest URL: against a local HTTP server on 127.0.0.1 that each test starts and stops, never the internet."""

from __future__ import annotations

import socket
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from curator.cli import cli
from curator.ingest.fetch import FetchError, fetch, read_url, read_url_list, url_problem
from curator.store import open_store

NEWS = Path(__file__).parent / "data" / "news"
PAGE = (NEWS / "en_nature_telescope.html").read_bytes()
LISTING = (
    b'<html><head><title>Directory listing for /</title></head><body><h1>Directory listing for /</h1><hr>'
    b'<ul><li><a href="a.html">a.html</a></li><li><a href="sub/">sub/</a></li></ul><hr></body></html>'
)
ZH = "<html><body><h1>软银成立新公司</h1><p>日本政府将提供最高1万亿日元的资金，软银、索尼和本田成立了新公司。</p></body></html>"


class Handler(BaseHTTPRequestHandler):
    routes: dict[str, tuple[int, str, bytes]] = {
        "/article.html": (200, "text/html; charset=utf-8", PAGE),
        "/gbk.html": (200, "text/html; charset=gbk", ZH.encode("gbk")),
        "/data.json": (200, "application/json", b'{"text": "x"}'),
        "/big.html": (200, "text/html", b"<p>" + b"a" * 5000 + b"</p>"),
        "/listing/": (200, "text/html", LISTING),
        "/missing.html": (404, "text/html", b"<p>not here</p>"),
    }

    def do_GET(self) -> None:  # noqa: N802 - the http.server name
        if self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/article.html")
            self.end_headers()
            return
        if self.path == "/slow.html":
            time.sleep(1.5)
        status, kind, body = self.routes.get(self.path, (200, "text/html", b"<p>slow</p>"))
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the http.server signature
        pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)


def test_a_page_is_fetched_through_redirects_and_records_its_url(server: str) -> None:
    [article], problems = read_url(f"{server}/moved")
    assert not problems
    assert article.url == f"{server}/article.html" and article.source == f"{server}/moved"
    assert article.reader == "trafilatura" and "largest single-dish radio observatory" in article.text
    assert "Skip to main content" not in article.text


def test_the_http_charset_decodes_the_page(server: str) -> None:
    [article], _ = read_url(f"{server}/gbk.html")
    assert "日本政府将提供最高1万亿日元的资金" in article.text


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/missing.html", "the server answered HTTP 404 Not Found"),
        ("/data.json", "is not an HTML page (the server says application/json)"),
    ],
)
def test_http_failures_in_one_sentence(server: str, path: str, reason: str) -> None:
    articles, [problem] = read_url(f"{server}{path}")
    assert articles == [] and problem.reason == reason and problem.source == f"{server}{path}"


def test_a_directory_listing_is_not_an_article(server: str) -> None:
    articles, [problem] = read_url(f"{server}/listing/")
    assert articles == []
    assert str(problem) == f"{server}/listing/: a page of links and headings (an index or directory listing), not an article"


def test_too_large_and_too_slow(server: str) -> None:
    _, [problem] = read_url(f"{server}/big.html", max_bytes=1000)
    assert problem.reason == "too large (5,007 bytes; the limit is 1,000)"
    with pytest.raises(FetchError, match=r"^no answer within 0.3 seconds$"):
        fetch(f"{server}/slow.html", timeout=0.3)


def test_refused_and_unknown_host() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    _, [refused] = read_url(f"http://127.0.0.1:{port}/")
    assert refused.reason == "the connection to 127.0.0.1 was refused (nothing listens there)"
    _, [unknown] = read_url("http://curator-test.invalid/page.html")
    assert unknown.reason == "the host curator-test.invalid was not found (DNS lookup failed)"


def test_cli_ingests_urls_and_a_url_file(server: str, tmp_path: Path) -> None:
    listing = tmp_path / "urls.txt"
    listing.write_text(f"# today's pages\n\n{server}/article.html\n  {server}/gbk.html  \nnot a url\n", encoding="utf-8")
    urls, problems = read_url_list(listing)
    assert urls == [f"{server}/article.html", f"{server}/gbk.html"]
    assert [(p.source, p.reason) for p in problems] == [(f"{listing}:5", "'not a url' is not an http(s) URL")]
    db = tmp_path / "u.db"
    runner = CliRunner()
    result = runner.invoke(cli, ["--db", str(db), "ingest", "--urls", str(listing), f"{server}/missing.html"])
    assert result.exit_code == 1
    assert "Ingested 2 new article(s)" in result.output and "2 skipped" in result.output
    assert f"skipped {server}/missing.html: the server answered HTTP 404 Not Found" in result.output
    again = runner.invoke(cli, ["--db", str(db), "ingest", f"{server}/moved"])
    assert again.exit_code == 0 and "(1 already there, 0 skipped)" in again.output
    with open_store(db) as store:
        assert {a.url for a in store.articles()} == {f"{server}/article.html", f"{server}/gbk.html"}


def test_cli_needs_something_to_ingest(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "n.db"), "ingest"])
    assert result.exit_code == 1 and "give a file, folder or URL to ingest" in result.output


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://127.0.0.1:8765/a b.html", "contains a space or control character (write a space as %20)"),
        ("http://[::1", "is not a valid address (Invalid IPv6 URL)"),
        ("http://127.0.0.1:99999/x", "is not a valid address (Port out of range 0-65535)"),
        ("http://user@/x", "names no host"),
        ("https://", "names no host"),
    ],
)
def test_an_address_that_cannot_be_fetched_as_written_is_named_before_any_connection(url: str, reason: str,
                                                                                      tmp_path: Path) -> None:
    articles, skipped = read_url(url)
    assert articles == [] and [(s.source, s.reason) for s in skipped] == [(url, reason)]
    listed = tmp_path / "urls.txt"
    listed.write_text(f"{url}\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "c.db"), "ingest", "--urls", str(listed)])
    assert result.exit_code == 1
    assert f"skipped {listed}:1: '{url}' {reason}" in result.output


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_any_text_after_the_scheme_gets_a_reason_or_a_fetchable_address(rest: str) -> None:
    url = "http://" + rest
    reason = url_problem(url)
    if reason is None:
        parts = urllib.parse.urlsplit(url)
        assert parts.hostname and 0 <= (parts.port or 80) <= 65535
        urllib.request.Request(url)
    else:
        assert reason and "\n" not in reason
