from pathlib import Path

from desktop import paths
from desktop.settings import Settings


def test_directories_follow_the_environment(isolated_dirs: Path):
    assert paths.data_dir() == isolated_dirs / "data"
    assert paths.config_dir() == isolated_dirs / "config"
    assert paths.default_db_path() == isolated_dirs / "data" / paths.DB_FILE_NAME
    assert paths.backup_dir() == isolated_dirs / "data" / "backups"


def test_kumppani_db_overrides_the_database(monkeypatch, tmp_path):
    monkeypatch.setenv(paths.ENV_DB, str(tmp_path / "other.sqlite3"))
    assert paths.default_db_path() == tmp_path / "other.sqlite3"


def test_portable_mode_keeps_everything_together(monkeypatch, tmp_path):
    for env in (paths.ENV_DATA, paths.ENV_CONFIG):
        monkeypatch.delenv(env)
    monkeypatch.setenv(paths.ENV_PORTABLE, str(tmp_path / "stick"))
    assert paths.data_dir() == tmp_path / "stick" / "data"
    assert paths.config_dir() == tmp_path / "stick" / "config"
    assert paths.log_dir() == tmp_path / "stick" / "logs"


def test_shipped_reference_data_and_catalogues_are_found():
    assert (paths.resources_dir() / "reference" / "municipalities.csv").is_file()
    assert (paths.i18n_dir() / "fi" / "LC_MESSAGES" / "kumppani.po").is_file()


def test_settings_round_trip_and_survive_a_damaged_file(tmp_path):
    path = tmp_path / "settings.json"
    settings = Settings(language="sv", officer_name="Åsa Öberg")
    settings.remember_database(Path("/a.sqlite3"))
    settings.remember_database(Path("/b.sqlite3"))
    settings.remember_database(Path("/a.sqlite3"))
    settings.save(path)
    loaded = Settings.load(path)
    assert loaded == settings
    assert loaded.recent_databases == ["/a.sqlite3", "/b.sqlite3"]
    path.write_text("{not json")
    assert Settings.load(path) == Settings()


def test_the_version_comes_from_pyproject():
    import tomllib

    import desktop

    pyproject = tomllib.loads((Path(desktop.__file__).parents[1] / "pyproject.toml").read_text())
    assert desktop.__version__ == pyproject["project"]["version"]
