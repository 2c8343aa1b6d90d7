"""Team mode: connecting to the county's PostgreSQL server, its password in the keyring."""
