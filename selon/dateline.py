"""Wire-copy datelines: "KHARKIV, 26 mai (Agence X) –", "WASHINGTON, Jan. 7 (Reuters) -".

A dateline says where a story was filed, not where anything happened: its place is never an
event's place and its name is never an actor.
"""

from __future__ import annotations

import re

DATELINE_RE = re.compile(
    r"^\s*(?P<place>[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þa-zà-öø-ÿ'’. -]{1,40}?)"
    r"(?:,\s*(?P<when>[^()\n]{1,30}?))?\s*"
    r"(?:\((?P<agency>[^()\n]{1,60})\)\s*)?[-–—]\s",
)


def find_dateline(text: str) -> tuple[int, int] | None:
    """(start, end) of the dateline opening the text, or None."""
    m = DATELINE_RE.match(text)
    if m is None:
        return None
    place = m["place"].strip()
    # A dateline's place is in capitals ("KYIV", "PARIS") or it carries an agency in brackets.
    if not (place.isupper() or m["agency"]):
        return None
    return m.start("place"), m.end()
