"""Qt's own strings (standard buttons, dialogs) in the chosen language, from PySide6's qtbase_*.qm."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop.i18n import LANGUAGES

_installed: list[QTranslator] = []


def install_qt_translator(language: str) -> bool:
    app = QCoreApplication.instance()
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    QLocale.setDefault(QLocale(LANGUAGES[language][0]))
    if language == "en":
        return True
    translator = QTranslator(app)
    directory = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load(f"qtbase_{language}", directory):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    return True
