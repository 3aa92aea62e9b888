"""HTTP to a SPARQL server with a connect timeout and a read timeout on every request.

rdflib's ``SPARQLConnector`` calls ``urlopen`` with no timeout at all, so a server
that accepts a connection and never answers blocks every command for ever.
``TimedSPARQLStore`` is rdflib's update store with its two request methods sent
through an opener whose connections connect within ``connect_s`` and then wait at
most ``read_s`` for each read (and each send) on the socket.
"""

from __future__ import annotations

import http.client
from collections.abc import Callable
from io import BytesIO
from typing import Any
from urllib.parse import urlencode
from urllib.request import HTTPHandler, HTTPSHandler, OpenerDirector, Request, build_opener

from rdflib.plugins.stores.sparqlstore import SPARQLUpdateStore
from rdflib.query import Result
from rdflib.term import BNode

from policykg.ingest.storeurl import StoreTimeouts


class ConnectTimeout(TimeoutError):
    """The server did not accept the connection within the connect timeout."""


class _HTTPConnection(http.client.HTTPConnection):
    """Connects within the connection's ``timeout``, then waits ``read_s`` per socket read."""

    def __init__(self, host: str, *, read_s: float, **options: Any) -> None:
        super().__init__(host, **options)
        self.read_s = read_s

    def connect(self) -> None:
        _connect(self, super().connect)


class _HTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, host: str, *, read_s: float, **options: Any) -> None:
        super().__init__(host, **options)
        self.read_s = read_s

    def connect(self) -> None:
        _connect(self, super().connect)


def _connect(connection: _HTTPConnection | _HTTPSConnection, connect: Callable[[], None]) -> None:
    try:
        connect()
    except TimeoutError as error:
        raise ConnectTimeout(str(error) or "timed out") from None
    assert connection.sock is not None
    connection.sock.settimeout(connection.read_s)


class _Handler(HTTPHandler):
    def __init__(self, read_s: float) -> None:
        super().__init__()
        self.read_s = read_s

    def http_open(self, req: Request) -> http.client.HTTPResponse:
        # do_open passes extra keywords on to the connection class (typeshed omits it).
        return self.do_open(_HTTPConnection, req, read_s=self.read_s)  # type: ignore[arg-type]


class _SecureHandler(HTTPSHandler):
    def __init__(self, read_s: float) -> None:
        super().__init__()
        self.read_s = read_s

    def https_open(self, req: Request) -> http.client.HTTPResponse:
        context = self._context  # type: ignore[attr-defined]
        return self.do_open(_HTTPSConnection, req, context=context, read_s=self.read_s)  # type: ignore[arg-type]


def timed_opener(timeouts: StoreTimeouts) -> OpenerDirector:
    """An opener whose connections wait ``read_s`` per read; pass ``connect_s`` to ``open``."""
    return build_opener(_Handler(timeouts.read_s), _SecureHandler(timeouts.read_s))


class TimedSPARQLStore(SPARQLUpdateStore):
    """rdflib's SPARQL update store (POST requests), each request bounded by ``timeouts``."""

    def __init__(self, query_endpoint: str, update_endpoint: str, timeouts: StoreTimeouts) -> None:
        super().__init__(
            query_endpoint=query_endpoint,
            update_endpoint=update_endpoint,
            returnFormat="json",
            method="POST",
        )
        self.timeouts = timeouts
        self._opener = timed_opener(timeouts)

    def _open(self, url: str, body: str, content_type: str) -> http.client.HTTPResponse:
        headers = {"Accept": self.response_mime_types(), "Content-Type": content_type}
        request = Request(url, data=body.encode("utf-8"), headers=headers)
        return self._opener.open(request, timeout=self.timeouts.connect_s)

    # The same requests as rdflib's SPARQLConnector.query / .update with method POST.
    def _query(self, query: str, default_graph: str | None = None, **_: Any) -> Result:
        self._queries += 1
        params = {}
        if default_graph is not None and type(default_graph) is not BNode:
            params["default-graph-uri"] = default_graph
        url = f"{self.query_endpoint}?{urlencode(params)}"
        with self._open(url, query, "application/sparql-query") as response:
            body = response.read()
            content_type = response.headers["Content-Type"].split(";")[0]
        return Result.parse(BytesIO(body), content_type=content_type)

    def _update(self, update: str) -> None:
        self._updates += 1
        url = f"{self.update_endpoint}?"
        with self._open(url, update, "application/sparql-update; charset=UTF-8") as response:
            response.read()
