"""selon_dates: every date expression of the article, resolved against its publication day (or
the day its dateline names, for the expressions after it)."""

from __future__ import annotations

import datetime as dt

from spacy.language import Language
from spacy.tokens import Doc

from selon.components import DateMention, meta, text_of
from selon.records import Date
from selon.temporal import find_dates


@Language.component("selon_dates", assigns=["doc._.selon_dates"], requires=["doc._.selon_meta"])
def selon_dates(doc: Doc) -> Doc:
    # The aware publication time, not just its day: zoned clock times ("0400 GMT") use it.
    published: dt.datetime | None = meta(doc).get("published")
    dateline: tuple[int, int] | None = meta(doc).get("dateline")
    mentions = []
    for found in find_dates(text_of(doc), doc.lang_, published, dateline=dateline):
        date = Date(
            start=found.first.isoformat(),
            end=found.last.isoformat(),
            precision=found.precision,
            text=text_of(doc)[found.start : found.end],
            start_offset=found.start,
            end_offset=found.end,
            anchor=found.anchor,
        )
        mentions.append(DateMention(found.start, found.end, date))
    doc._.selon_dates = mentions
    return doc
