"""The ``store`` setting, parsed once into a typed value: embedded, or a SPARQL server.

``embedded`` keeps the graph in the data dir. ``sparql+http://host:port/path``
names a SPARQL 1.1 server whose endpoints are ``…/path/query`` and
``…/path/update``; other layouts name theirs:
``sparql+http://host/repositories/r?query=/repositories/r&update=/repositories/r/statements``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

SCHEME = "sparql+"
EMBEDDED = "embedded"
ACCEPTED = f"'{EMBEDDED}' or sparql+http://HOST:PORT/…"


@dataclass(frozen=True, slots=True)
class Endpoints:
    query: str
    update: str


@dataclass(frozen=True, slots=True)
class StoreTimeouts:
    """How long to wait for a SPARQL server, in seconds: to connect, then for each read.

    ``read_s`` bounds every wait for bytes of an answer (and for the server to take
    a request's bytes), so a server that accepts and never answers fails, not hangs.
    """

    connect_s: float = 10.0
    read_s: float = 60.0

    def __post_init__(self) -> None:
        for name in ("connect_s", "read_s"):
            value = getattr(self, name)
            if not (isinstance(value, int | float) and math.isfinite(value) and value > 0):
                raise ValueError(f"store timeout {name} must be a positive number, not {value!r}")


@dataclass(frozen=True, slots=True)
class EmbeddedStore:
    """The graph in the data dir (embedded Oxigraph)."""

    def __str__(self) -> str:
        return EMBEDDED


@dataclass(frozen=True, slots=True)
class RemoteStore:
    """The graph on a SPARQL server; ``url`` as the user wrote it."""

    url: str
    endpoints: Endpoints

    @classmethod
    def from_url(cls, url: str) -> RemoteStore:
        """Parse a ``sparql+http(s)://…`` URL; ``ValueError`` (one line) otherwise."""
        return cls(url, parse_store_url(url))

    def __str__(self) -> str:
        return self.url


StoreSetting = EmbeddedStore | RemoteStore


def parse_store(value: str) -> StoreSetting:
    """``'embedded'`` or a ``sparql+http(s)://…`` URL; ``ValueError`` (one line) otherwise.

    Example:
        >>> parse_store("sparql+http://127.0.0.1:7878").endpoints.query
        'http://127.0.0.1:7878/query'
    """
    if value == EMBEDDED:
        return EmbeddedStore()
    return RemoteStore.from_url(value)


def parse_store_url(store: str) -> Endpoints:
    """``sparql+http://host:port/path`` → ``…/path/query`` and ``…/path/update``."""
    parts = urlsplit(store.removeprefix(SCHEME))
    if not store.startswith(SCHEME) or parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"unknown store {store!r}: use {ACCEPTED}")
    root = f"{parts.scheme}://{parts.netloc}"
    base = root + parts.path.rstrip("/")
    options = parse_qs(parts.query)
    query = options.get("query", [None])[0]
    update = options.get("update", [None])[0]
    return Endpoints(
        query=root + query if query else base + "/query",
        update=root + update if update else base + "/update",
    )
