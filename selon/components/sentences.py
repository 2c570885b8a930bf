"""selon_sentences: forbids sentence breaks the parser would make inside a phrase.

Runs before the parser (after selon_paragraphs); the parser never starts a sentence on a token
marked ``is_sent_start = False``. Left alone it sometimes cuts inside a hyphenated compound
("poste | - | frontière"), before a comma ("Fondatrice du site X | , elle a été arrêtée") or
right after an opening quote ("« | Nous ne céderons pas"), and the event of one half loses its
place or date to the other. So a sentence never starts on a hyphen glued to both words, on the
word after it, on punctuation that closes a phrase, nor right after punctuation that opens one;
a line break still ends a sentence (selon_paragraphs).

Not forbidden, though also wrong when the parser does it: a break between two words on one
line ("le Premier ministre Irakli | Kobakhidzé"). Forbidding it gives longer sentences that the
event and place rules, tuned on the parser's sentences, read worse for now.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

HYPHENS = frozenset("-‐‑")
#: Punctuation that closes a phrase: never the first token of a sentence.
CLOSING = frozenset(",;:)]}»”%")
#: Punctuation that opens a phrase: never the last token of a sentence.
OPENING = frozenset({"«", "“", "(", "["})


def _is_joining_hyphen(token: Token) -> bool:
    """A hyphen glued to a word on both sides ("poste-frontière", "cease-fire")."""
    doc = token.doc
    if token.text not in HYPHENS or token.whitespace_ or not 0 < token.i < len(doc) - 1:
        return False
    before, after = doc[token.i - 1], doc[token.i + 1]
    return not before.whitespace_ and before.text[-1:].isalnum() and after.text[:1].isalnum()


def cannot_start(token: Token) -> bool:
    """Whether ``token`` may not be the first of a sentence."""
    if token.i == 0 or token.is_space:
        return False
    previous = token.doc[token.i - 1]
    if "\n" in previous.text_with_ws:
        return False
    if _is_joining_hyphen(token) or _is_joining_hyphen(previous):
        return True
    return (token.is_punct and token.text[:1] in CLOSING) or previous.text in OPENING


@Language.component("selon_sentences")
def selon_sentences(doc: Doc) -> Doc:
    for token in doc:
        if not token.is_sent_start and cannot_start(token):
            token.is_sent_start = False
    return doc
