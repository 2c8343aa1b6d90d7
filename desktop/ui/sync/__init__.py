"""The Sync page's parts: export, import, the shared folder, history and conflicts."""
