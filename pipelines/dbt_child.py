"""`narcowatch-dbt`: dbt, started so that it dies with the process that started it.

A run killed with SIGKILL cannot stop its children; an orphaned dbt would go on writing the
build file and hold its lock against the next run. On Linux the kernel can send the child
SIGKILL when its parent dies (PR_SET_PDEATHSIG), a setting that survives the exec into dbt.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
from pathlib import Path

PR_SET_PDEATHSIG = 1


def main() -> None:
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    dbt = Path(sys.executable).parent / "dbt"
    os.execv(dbt, [str(dbt), *sys.argv[1:]])
