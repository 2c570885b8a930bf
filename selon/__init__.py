"""selon: auditable political and conflict events from French and English news.

    import selon
    record = selon.extract("Des frappes russes ont visé Kharkiv dans la nuit...",
                           published="2024-05-26T09:00:00+03:00")
    for event in record.events:
        print(event.type, event.source, event.target, event.date, event.modality)

The record is the contract of shared/contract.md (``selon.records``), published as a JSON
Schema in ``selon/schema/article.schema.json``.
"""

from __future__ import annotations

__version__ = "0.1.0"

from selon.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    FetchError,
    ForbiddenAddressError,
    GateError,
    InputError,
    InputTooLargeError,
    MalformedInputError,
    NotFoundError,
    SelonError,
    StoreError,
    UnsupportedLanguageError,
)
from selon.records import ArticleRecord


def extract(text: str, **kwargs: object) -> ArticleRecord:
    """Extract one article: see ``selon.pipeline.extract``."""
    from selon.pipeline import extract as _extract

    return _extract(text, **kwargs)  # type: ignore[arg-type]


def extract_many(items, **kwargs):  # type: ignore[no-untyped-def]
    """Stream many articles: see ``selon.pipeline.extract_many``."""
    from selon.pipeline import extract_many as _extract_many

    return _extract_many(items, **kwargs)


__all__ = [
    "ArticleRecord",
    "BinaryInputError",
    "EmptyInputError",
    "EncodingError",
    "FetchError",
    "ForbiddenAddressError",
    "GateError",
    "InputError",
    "InputTooLargeError",
    "MalformedInputError",
    "NotFoundError",
    "SelonError",
    "StoreError",
    "UnsupportedLanguageError",
    "__version__",
    "extract",
    "extract_many",
]
