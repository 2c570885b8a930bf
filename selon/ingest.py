"""Ingesting articles into the store: read, skip what is unchanged, extract, save, report.

Each article is saved in its own transaction, so a crash mid-batch loses nothing that was
saved and a re-run resumes: unchanged articles (same id and content hash) are skipped before
any NLP. Failures are recorded in the ``errors`` table with their reason; the batch goes on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from selon.inputs import ArticleInput, ReadResult, read_inputs
from selon.pipeline import Failure, extract_many
from selon.store import Store


@dataclass
class IngestReport:
    saved: int = 0
    unchanged: int = 0
    failed: int = 0
    events: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.saved + self.unchanged + self.failed

    def summary(self) -> str:
        line = f"{self.total} articles: {self.saved} saved ({self.events} events), {self.unchanged} unchanged, {self.failed} failed"
        return line


def ingest(
    store: Store,
    names: Iterable[str],
    *,
    lang: str | None = None,
    published: dt.datetime | None = None,
    allow_private: bool = False,
    progress: Callable[[], None] | None = None,
) -> IngestReport:
    """Ingest every article named by paths, folders, ``-`` and URLs into the store."""
    report = IngestReport()

    def pending(items: Iterable[ReadResult]) -> Iterator[ReadResult]:
        for item in items:
            if isinstance(item, ArticleInput):
                if published is not None:
                    item.published = published
                if store.content_hash(item.article_id) == item.content_hash:
                    report.unchanged += 1
                    if progress:
                        progress()
                    continue
            yield item

    for item, result in extract_many(
        pending(read_inputs(names, allow_private=allow_private)), lang=lang
    ):
        if isinstance(result, Failure):
            store.record_error(result.origin, result.error, result.article_id)
            report.failed += 1
            report.failures.append((result.origin, result.error.message))
        else:
            assert item is not None
            store.save(result, content_hash=item.content_hash, origin=item.origin)
            report.saved += 1
            report.events += len(result.events)
        if progress:
            progress()
    return report
