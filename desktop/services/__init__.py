"""Domain services: the rules of the application. No Qt here; the UI and the CLI call these."""
