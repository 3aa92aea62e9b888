"""Real servers on loopback for the tests and benchmarks: `policykg serve` and `oxigraph serve`."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import IO

REPO = Path(__file__).resolve().parent.parent
OXIGRAPH = Path(sys.executable).with_name("oxigraph")  # installed by the dev extras


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for_port(
    process: subprocess.Popen, port: int, seconds: float, log: IO[str] | None = None
) -> None:
    """Return once ``port`` accepts connections; raise if the process dies or time runs out."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            output = ""
            if log is not None:
                log.seek(0)
                output = log.read()[-2000:]
            raise RuntimeError(f"the server exited at start: {output}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError(f"the server did not start within {seconds:g} s")


def start_policykg(
    data_dir: Path, *extra: str, program: Sequence[str] = (), cwd: Path = REPO
) -> tuple[subprocess.Popen, str]:
    """``policykg serve`` on a free loopback port (the first start ingests corpus/).

    ``program`` replaces ``python -m policykg.ui.cli`` (e.g. another venv's console script).
    """
    port = free_port()
    env = {**os.environ, "GRADIO_ANALYTICS_ENABLED": "False", "PYTHONWARNINGS": "ignore"}
    program = program or (sys.executable, "-m", "policykg.ui.cli")
    command = [*program, "serve", "--data-dir", str(data_dir)]
    # A file, not a pipe: a long-running server must never block on a full pipe.
    log = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115 - lives with the server
    process = subprocess.Popen(
        [*command, "--port", str(port), *extra],
        cwd=cwd,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    wait_for_port(process, port, 180, log)
    return process, f"http://127.0.0.1:{port}/"


def start_oxigraph(location: Path, port: int | None = None) -> tuple[subprocess.Popen, str]:
    """``oxigraph serve`` over ``location``, answering over the union of its named graphs."""
    port = port or free_port()
    command = [str(OXIGRAPH), "serve", "--location", str(location)]
    process = subprocess.Popen(
        [*command, "--bind", f"127.0.0.1:{port}", "--union-default-graph"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wait_for_port(process, port, 30)
    return process, f"sparql+http://127.0.0.1:{port}"


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
