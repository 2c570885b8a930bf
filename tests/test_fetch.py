"""URL fetching against a real HTTP server on 127.0.0.1 (no other network)."""

import http.server
import threading

import pytest

from selon import limits
from selon.errors import FetchError, ForbiddenAddressError, InputTooLargeError
from selon.fetch import check_address, fetch, read_url
from selon.inputs import ArticleInput, InputFailure

PAGE = (
    "<html><head><title>Frappes sur Kharkiv</title></head><body><article>"
    + "<p>Des frappes russes ont visé Kharkiv dans la nuit, selon le gouverneur de la région.</p>"
    * 8
    + "</article></body></html>"
).encode()


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/article":
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(PAGE)
        elif self.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", "/article")
            self.end_headers()
        elif self.path == "/big":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            self.wfile.write(b"a" * 5000)
        elif self.path == "/json":
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(
                b'{"id": "j1", "text": "Les manifestants ont defile a Tbilissi mardi soir."}'
            )
        else:
            self.send_response(404)
            self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_fetch_refuses_loopback_without_permission(server):
    with pytest.raises(ForbiddenAddressError, match="--allow-private"):
        fetch(server + "/article")


@pytest.mark.parametrize(
    "url", ["http://10.0.0.1/x", "http://192.168.1.1/", "http://[::1]/", "http://169.254.169.254/"]
)
def test_fetch_refuses_private_addresses(url):
    with pytest.raises(ForbiddenAddressError):
        check_address(url, allow_private=False)


def test_fetch_refuses_other_schemes():
    with pytest.raises(FetchError):
        check_address("file:///etc/passwd", allow_private=True)


def test_fetch_html_article_with_permission(server):
    results = list(read_url(server + "/redirect", allow_private=True))
    assert len(results) == 1 and isinstance(results[0], ArticleInput)
    assert results[0].title == "Frappes sur Kharkiv"
    assert results[0].url.endswith("/article")


def test_fetch_json_article(server):
    [item] = read_url(server + "/json", allow_private=True)
    assert isinstance(item, ArticleInput) and item.id == "j1"


def test_fetch_size_limit(server, monkeypatch):
    monkeypatch.setattr(limits, "MAX_FETCH_BYTES", 1000)
    with pytest.raises(InputTooLargeError):
        fetch(server + "/big", allow_private=True)


def test_fetch_http_error_is_a_failure_not_a_crash(server):
    [result] = read_url(server + "/missing", allow_private=True)
    assert isinstance(result, InputFailure) and "HTTP 404" in str(result.error)
