"""selon_paragraphs: a line break ends a sentence.

Runs before the parser, which respects boundaries set beforehand. Without it the parser often
joins the last sentence of a paragraph to the first of the next ("...évacuées.\\n\\nTéhéran a
dénoncé..."), and a verb of one paragraph takes its subject or object from the other.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("selon_paragraphs")
def selon_paragraphs(doc: Doc) -> Doc:
    for token in doc[:-1]:
        if ("\n" in token.text_with_ws and not token.is_space) or (
            token.is_space and "\n" in token.text
        ):
            following = doc[token.i + 1]
            if not following.is_space:
                following.is_sent_start = True
    return doc
