"""Start-up benchmark: the whole application process against a bare PySide6 one.

cold start  time from launching ``kumppani`` over the demo database until its main window has
            been shown (and closed again), against a bare PySide6 script that shows an empty
            QMainWindow, both as whole processes; goal: ratio under 1.5.
peak memory the same two processes' maximum resident set size.
demo data   time to create the demo database.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

BARE = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.show()
QTimer.singleShot(0, window.close)
app.exec()
"""


def _measure(cmd: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Wall seconds and peak RSS (KiB) of one child process."""
    start = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    subprocess.run(cmd, env=env, check=True, cwd=REPO, stdout=subprocess.DEVNULL)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, after if after > before else before


def _peak_rss(cmd: list[str], env: dict[str, str]) -> int:
    # ru_maxrss of RUSAGE_CHILDREN is a maximum over all children: measure each in its own shell.
    code = (
        "import resource, subprocess, sys\n"
        "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    out = subprocess.run([sys.executable, "-c", code, *cmd], env=env, check=True, cwd=REPO,
                         capture_output=True, text=True)
    return int(out.stdout.strip())


def run(args: argparse.Namespace) -> None:
    work = Path(tempfile.mkdtemp(prefix="kumppani-bench-"))
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               KUMPPANI_DATA_DIR=str(work / "data"), KUMPPANI_CONFIG_DIR=str(work / "config"),
               KUMPPANI_EXIT_WHEN_SHOWN="1", PYTHONPATH=str(REPO))
    db = work / "demo.sqlite3"
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "desktop", "demo", "--db", str(db)], env=env, check=True,
                   cwd=REPO, stdout=subprocess.DEVNULL)
    demo_seconds = time.perf_counter() - start

    app_cmd = [sys.executable, "-m", "desktop", "--db", str(db)]
    bare_cmd = [sys.executable, "-c", BARE]
    # One warm-up each so both read from the page cache, then interleave the runs.
    _measure(app_cmd, env)
    _measure(bare_cmd, env)
    app_times, bare_times = [], []
    for _ in range(args.runs):
        app_times.append(_measure(app_cmd, env)[0])
        bare_times.append(_measure(bare_cmd, env)[0])
    app_s, bare_s = statistics.median(app_times), statistics.median(bare_times)
    app_rss, bare_rss = _peak_rss(app_cmd, env), _peak_rss(bare_cmd, env)

    print(f"cold start to shown main window: {app_s * 1000:.0f} ms; bare PySide6 QMainWindow: "
          f"{bare_s * 1000:.0f} ms; ratio {app_s / bare_s:.2f} (goal < 1.50; median of {args.runs})")
    print(f"peak memory: {app_rss / 1024:.1f} MiB; bare PySide6 QMainWindow: {bare_rss / 1024:.1f} MiB; "
          f"ratio {app_rss / bare_rss:.2f}")
    print(f"demo database creation (CLI, whole process): {demo_seconds * 1000:.0f} ms")
