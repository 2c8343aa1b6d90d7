"""Every developer command in one place.

    python .ci/tasks.py lint          ruff, and mypy over the non-UI layers
    python .ci/tasks.py extract       source strings -> i18n/kumppani.pot
    python .ci/tasks.py update        merge the .pot into i18n/{fi,sv}/LC_MESSAGES/kumppani.po
    python .ci/tasks.py compile       .po -> .mo
    python .ci/tasks.py bench         the benchmarks (one line per figure)
    python .ci/tasks.py screenshot    the README's screenshots (offscreen)
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "i18n"
POT = I18N / "kumppani.pot"
TRANSLATED = ("fi", "sv")  # English is the source language


def _pybabel(*args: str) -> None:
    from babel.messages.frontend import CommandLineInterface

    os.chdir(ROOT)  # relative paths in the catalogues' location comments
    CommandLineInterface().run(["pybabel", "-q", *args])


def extract() -> None:
    _pybabel(
        "extract", "-F", "i18n/babel.cfg", "-o", "i18n/kumppani.pot", "--add-location=file",
        "--sort-by-file", "--project=Kumppani", "--copyright-holder=Kumppani developers",
        "-c", "TRANSLATORS:", "-k", "NP_:1c,2", ".",
    )


def update() -> None:
    for lang in TRANSLATED:
        po = I18N / lang / "LC_MESSAGES" / "kumppani.po"
        if po.exists():
            _pybabel("update", "-i", str(POT), "-d", str(I18N), "-D", "kumppani", "-l", lang,
                     "--no-fuzzy-matching", "--ignore-obsolete")
        else:
            _pybabel("init", "-i", str(POT), "-d", str(I18N), "-D", "kumppani", "-l", lang)


def compile_() -> None:
    for lang in TRANSLATED:
        if (I18N / lang / "LC_MESSAGES" / "kumppani.po").exists():
            _pybabel("compile", "-d", str(I18N), "-D", "kumppani", "-l", lang)


def lint() -> None:
    subprocess.run([sys.executable, "-m", "ruff", "check", "desktop", "tests", ".ci"], check=True, cwd=ROOT)
    subprocess.run([sys.executable, "-m", "mypy"], check=True, cwd=ROOT)


def bench() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    subprocess.run([sys.executable, "-m", "tests.benchmarks.run", *sys.argv[2:]], check=True, cwd=ROOT)


def screenshot() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    subprocess.run([sys.executable, "-m", "tests.tools.screenshot", *sys.argv[2:]], check=True,
                   cwd=ROOT)


TASKS = {
    "extract": extract,
    "update": update,
    "compile": compile_,
    "lint": lint,
    "bench": bench,
    "screenshot": screenshot,
}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in TASKS:
        print(__doc__)
        raise SystemExit(2)
    TASKS[sys.argv[1]]()
