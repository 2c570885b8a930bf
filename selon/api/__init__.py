"""The HTTP API and the UI, served by one FastAPI app: ``create_app(db_path)``."""

from selon.api.app import create_app

__all__ = ["create_app"]
