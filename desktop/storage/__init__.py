"""The store: SQLAlchemy models over SQLite (and later PostgreSQL), migrations, backups."""
