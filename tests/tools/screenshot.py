"""The README's screenshots: the main window over the demo database, offscreen.

    python .ci/tasks.py screenshot [--out DIR]   (default: installer/screenshots)
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[2]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=REPO / "installer" / "screenshots")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="kumppani-shot-"))
    os.environ["KUMPPANI_DATA_DIR"] = str(work / "data")
    os.environ["KUMPPANI_CONFIG_DIR"] = str(work / "config")

    from desktop.i18n import set_language
    from desktop.services.demo import create_demo
    from desktop.settings import Settings
    from desktop.storage.store import Store
    from desktop.ui.application import application
    from desktop.ui.mainwindow import MainWindow
    from desktop.ui.translator import install_qt_translator

    app = application()
    store = Store.open(work / "demo.sqlite3")
    create_demo(store)
    args.out.mkdir(parents=True, exist_ok=True)
    for language in ("fi", "sv", "en"):
        set_language(language)
        install_qt_translator(language)
        window = MainWindow(store, Settings(language=language))
        window.resize(1280, 760)
        window.show()
        for page in range(window.nav.count()):
            window.nav.setCurrentRow(page)
            app.processEvents()
            name = f"{language}-{page + 1}.png" if page else f"main-window-{language}.png"
            window.grab().save(str(args.out / name))
        window.close()
    store.close()
    print(f"screenshots in {args.out}")


if __name__ == "__main__":
    main()
