"""The SQLite store: one writer, one transaction per article, migrations in code."""

from selon.store.database import Store, default_db_path

__all__ = ["Store", "default_db_path"]
