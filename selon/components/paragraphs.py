"""selon_paragraphs: a line break ends a sentence.

Runs before the parser, which respects boundaries set beforehand. Without it the parser often
joins the last sentence of a paragraph to the first of the next ("...évacuées.\\n\\nTéhéran a
dénoncé..."), and a verb of one paragraph takes its subject or object from the other.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.attrs import IDX, IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc

from selon.components import text_of


@Language.component("selon_paragraphs")
def selon_paragraphs(doc: Doc) -> Doc:
    # The token whose text or trailing space holds each line break (a space token's trailing
    # space is at most " "), found from the offsets without building every token.
    text = text_of(doc)
    rows = doc.to_array([IDX, IS_SPACE]).tolist()
    starts = [idx for idx, _ in rows]
    at = text.find("\n")
    while at >= 0:
        token = bisect_right(starts, at) - 1
        if 0 <= token < len(rows) - 1 and not rows[token + 1][1]:
            doc[token + 1].is_sent_start = True
        at = text.find("\n", at + 1)
    return doc
