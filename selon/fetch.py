"""Fetching articles over HTTP(S), safely.

Addresses are resolved before connecting and refused when private, loopback, link-local,
multicast or reserved, unless ``allow_private`` is given (``--allow-private`` on the command
line, for intranets and tests). Redirects are followed by hand so that every hop is checked.
Bodies are streamed and cut at ``limits.MAX_FETCH_BYTES``.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterator
from urllib.parse import urljoin, urlsplit

import httpx

from selon import __version__, limits
from selon.errors import FetchError, ForbiddenAddressError, InputError, InputTooLargeError
from selon.inputs import InputFailure, ReadResult, _guarded, decode_bytes, from_html, sniff

USER_AGENT = f"selon/{__version__} (+offline news event extraction)"


def check_address(url: str, *, allow_private: bool) -> None:
    """Refuse URLs that are not http(s) or that resolve to a non-public address."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(f"not an http(s) URL: {url!r}", origin=url)
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or 443, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise FetchError(f"cannot resolve {parts.hostname!r}: {exc.strerror}", origin=url) from exc
    for info in infos:
        address = ipaddress.ip_address(info[4][0])
        if not address.is_global or address.is_multicast:
            raise ForbiddenAddressError(
                f"{parts.hostname} resolves to {address}, a private or loopback address; "
                "pass --allow-private to fetch it",
                origin=url,
            )


def fetch(
    url: str,
    *,
    allow_private: bool = False,
    transport: httpx.BaseTransport | None = None,
) -> tuple[str, bytes, str]:
    """GET a URL: returns (final URL, body, content type). Raises FetchError."""
    headers = {"User-Agent": USER_AGENT, "Accept": "text/html,application/json,text/plain;q=0.9"}
    timeout = httpx.Timeout(limits.FETCH_TIMEOUT)
    with httpx.Client(timeout=timeout, headers=headers, transport=transport) as client:
        current = url
        for _ in range(limits.MAX_REDIRECTS + 1):
            check_address(current, allow_private=allow_private)
            try:
                with client.stream("GET", current, follow_redirects=False) as response:
                    if response.is_redirect:
                        location = response.headers.get("location")
                        if not location:
                            raise FetchError("redirect without a Location header", origin=url)
                        current = urljoin(current, location)
                        continue
                    if response.status_code >= 400:
                        raise FetchError(f"HTTP {response.status_code}", origin=url)
                    body = bytearray()
                    for chunk in response.iter_bytes():
                        body.extend(chunk)
                        if len(body) > limits.MAX_FETCH_BYTES:
                            raise InputTooLargeError(
                                f"response over {limits.MAX_FETCH_BYTES} bytes", origin=url
                            )
                    return current, bytes(body), response.headers.get("content-type", "")
            except httpx.TimeoutException as exc:
                raise FetchError(f"timed out after {limits.FETCH_TIMEOUT:g} s", origin=url) from exc
            except httpx.HTTPError as exc:
                raise FetchError(f"request failed: {exc}", origin=url) from exc
        raise FetchError(f"more than {limits.MAX_REDIRECTS} redirects", origin=url)


def read_url(
    url: str, *, allow_private: bool = False, transport: httpx.BaseTransport | None = None
) -> Iterator[ReadResult]:
    """The article(s) at a URL, by content type."""
    try:
        final, body, content_type = fetch(url, allow_private=allow_private, transport=transport)
        text = decode_bytes(body, url)
    except InputError as exc:
        yield InputFailure(url, exc)
        return
    kind = content_type.split(";")[0].strip().lower()
    if kind in ("text/html", "application/xhtml+xml"):
        result = _guarded(url, from_html, text, url, url=final)
        if not isinstance(result, InputFailure):
            result.url = final
        yield result
    else:
        for result in sniff(text, url, url=final):
            if not isinstance(result, InputFailure) and not result.url:
                result.url = final
            yield result
