"""The stamp names every module whose output the store keeps."""

from __future__ import annotations

import subprocess
import sys

from policykg.ingest.stamp import DERIVING_MODULES

# Imported by the pipeline, but their output is not derived data the store keeps: the
# stored text is what the readers made, and the rest store, configure or group versions.
NOT_DERIVING = frozenset(
    [
        "readers.py",
        "settings.py",
        "stamp.py",
        "store.py",
        "store_schema.py",
        "storeurl.py",
        "versions.py",
    ]
)


def test_every_module_the_pipeline_runs_is_in_the_stamp() -> None:
    listing = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, policykg.ingest.pipeline; print('\\n'.join(sys.modules))",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    modules = {
        name.rsplit(".", 1)[-1] + ".py"
        for name in listing
        if name.startswith("policykg.ingest.") and name.count(".") == 2
    }
    unstamped = modules - set(DERIVING_MODULES) - NOT_DERIVING
    assert not unstamped, unstamped
