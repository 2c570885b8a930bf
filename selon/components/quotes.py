"""selon_quotes: direct, partial and indirect quotes with a resolved speaker.

1. Quotation marks: « », “ ”, " ", ‹ ›, ‘ ’ (outermost pairs; a quote may span paragraphs).
2. Attribution, looked for around each quote in its sentence(s), outside the quote:
   a reporting verb (``data/lexicon/speech_*.tsv``) after the quote, then before it; its subject
   is the speaker ("a indiqué X", "X said", inverted "a-t-il précisé" -> the last person);
   else "selon X" / "d'après X" / "according to X"; else a quote standing alone keeps the
   previous quote's speaker (a continuation) when no other statement came between.
3. A quote inside a clause that is not a statement of its own ("a dénoncé une « provocation »")
   is partial; its speaker is the clause's subject.
4. Indirect speech: a reporting verb with a complement clause ("X a annoncé que ...").
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from selon.components import ActorMention, QuoteMention, text_of
from selon.components.actors import (
    PRONOUNS,
    actor_at,
    phrase_actor,
    prefer_person,
    resolve_pronoun,
)
from selon.lexicon import channels, speech_verbs

QUOTE_RES = [
    re.compile(r"«\s*(?P<q>[^«»]{1,4000}?)\s*»", re.S),
    re.compile(r"“\s*(?P<q>[^“”]{1,4000}?)\s*”", re.S),
    re.compile(r"‹\s*(?P<q>[^‹›\n]{1,2000}?)\s*›"),
    re.compile(r"(?<![\w])\"(?P<q>[^\"\n]{1,2000}?)\"(?![\w])"),
    re.compile(r"(?<![\w])‘(?P<q>[^‘’\n]{1,600}?)’(?![\w])"),
]
ACCORDING = {"fr": ("selon", "d'après", "d’après"), "en": ("according to",)}
RELATIVE_PRONOUNS = {"qui", "who", "which", "that"}


def according_to_in(
    doc: Doc, start: int, end: int, skip: tuple[int, int] = (0, 0)
) -> ActorMention | None:
    """Who "selon X" / "d'après X" / "according to X" names between two offsets: a pronoun
    ("selon lui") is resolved, an unknown body is kept by its words."""
    lower = text_of(doc)[start:end].lower()
    for cue in ACCORDING[doc.lang_]:
        for m in re.finditer(r"\b" + re.escape(cue) + r"\b", lower):
            at = start + m.end()
            if skip[0] <= at < skip[1]:
                continue
            following = doc.char_span(at, min(end, at + 80), alignment_mode="expand")
            if following is None:
                continue
            words = [t for t in following if not t.is_space and t.pos_ not in ("DET", "PUNCT")]
            if not words:
                continue
            first = words[0]
            if first.lower_ in PRONOUNS.get(doc.lang_, {}) or first.lower_ in (
                "lui",
                "elle",
                "eux",
                "him",
                "her",
                "them",
            ):
                pronoun = {
                    "lui": "il",
                    "eux": "ils",
                    "him": "he",
                    "her": "she",
                    "them": "they",
                }.get(first.lower_, first.lower_)
                return _resolve_named(doc, first, pronoun)
            found = actor_at(doc, first, depth=1)
            if found is None or found.start > first.idx + 40:
                found = phrase_actor(
                    doc,
                    first.head
                    if first.head.pos_ in ("NOUN", "PROPN") and first.head.i > at
                    else first,
                )
            if found is not None:
                return prefer_person(doc, found)
    return None


def _resolve_named(doc: Doc, token: Token, pronoun: str) -> ActorMention | None:
    mentions: list[ActorMention] = doc._.selon_actors or []
    before = [m for m in mentions if m.end <= token.idx]
    if pronoun in ("il", "elle", "he", "she"):
        persons = [m for m in before if m.kind == "person"]
        return persons[-1] if persons else None
    return before[-1] if before else None


SUBJECT_DEPS = {"nsubj", "nsubj:pass", "expl:subj", "csubj"}


def find_quote_spans(text: str) -> list[tuple[int, int, int, int]]:
    """(mark start, mark end, content start, content end) of the outermost quotes."""
    found = []
    for pattern in QUOTE_RES:
        for m in pattern.finditer(text):
            found.append((m.start(), m.end(), m.start("q"), m.end("q")))
    found.sort(key=lambda f: (f[0], -f[1]))
    outer: list[tuple[int, int, int, int]] = []
    for item in found:
        if outer and item[0] < outer[-1][1]:
            continue
        outer.append(item)
    return outer


def _window(doc: Doc, start: int, end: int, content_start: int) -> Span:
    """The sentences around a quote (start, end: character offsets of its marks).

    The parser often ends a sentence after an opening mark ("… Synehoubov. «"): the window
    starts with the sentence of the first quoted word, or at the mark if that is later.
    """
    marks = doc.char_span(start, end, alignment_mode="expand")
    content = doc.char_span(content_start, end, alignment_mode="expand")
    assert marks is not None and content is not None
    sent_start = doc[content.start].sent.start
    if doc[sent_start].idx > start:
        sent_start = marks.start
    sent_end = doc[max(marks.end - 1, marks.start)].sent.end
    # Never across a paragraph break: the parser does not always split there.
    paragraph_start = text_of(doc).rfind("\n", 0, start) + 1
    paragraph_end = text_of(doc).find("\n", end)
    paragraph_end = len(text_of(doc)) if paragraph_end < 0 else paragraph_end
    while sent_start < marks.start and doc[sent_start].idx < paragraph_start:
        sent_start += 1
    while sent_end > marks.end and doc[sent_end - 1].idx >= paragraph_end:
        sent_end -= 1
    return doc[sent_start:sent_end]


def _pronoun_token(token: Token) -> str | None:
    text = token.lower_.strip("-").replace("t-", "")
    return text if text in PRONOUNS.get(token.doc.lang_, {}) else None


def speaker_of(verb: Token, skip: tuple[int, int] = (0, 0)) -> ActorMention | None:
    """The subject of a reporting verb, as an actor (pronouns resolved to the last person)."""
    doc = verb.doc
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if not subjects and verb.dep_ in ("conj", "xcomp") and verb.head.pos_ in ("VERB", "AUX"):
        subjects = [c for c in verb.head.children if c.dep_ in SUBJECT_DEPS]
    for subject in subjects:
        if subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ in ("acl:relcl", "relcl", "acl"):
            subject = verb.head  # "le gouverneur, qui a fait état de..."
        if _pronoun_token(subject):
            return (
                resolve_pronoun(doc, subject)
                if subject.lower_ in PRONOUNS[doc.lang_]
                else _resolve_inverted(doc, subject)
            )
        found = actor_at(doc, subject)
        if found is not None:
            return prefer_person(doc, found)
        found = phrase_actor(doc, subject)
        if found is not None:
            return found
    # No subject in the parse. A mention opening the clause ("Moscou, de son côté, affirme"),
    # else an inverted subject after the verb ("a expliqué le porte-parole, X").
    mentions: list[ActorMention] = [
        m for m in doc._.selon_actors or [] if not skip[0] <= m.start < skip[1]
    ]
    clause_start = max(verb.sent.start_char, text_of(doc).rfind("\n", 0, verb.idx) + 1)
    before = [m for m in mentions if clause_start <= m.start and m.end <= verb.idx]
    before = [m for m in before if not _after_preposition(doc, m)]
    if before and not subjects and (verb.idx - before[-1].end) < 40:
        return prefer_person(doc, before[-1])
    for mention in mentions:
        if verb.idx < mention.start < verb.sent.end_char and mention.start - verb.idx < 60:
            return prefer_person(doc, mention)
    for token in doc[verb.i + 1 : min(verb.i + 3, verb.sent.end)]:
        if _pronoun_token(token):
            return _resolve_inverted(doc, token)
    return None


def _after_preposition(doc: Doc, mention: ActorMention) -> bool:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    previous = doc[span.start - 1]
    if previous.pos_ == "DET" and span.start > 1:
        previous = doc[span.start - 2]
    return previous.pos_ == "ADP"


def _resolve_inverted(doc: Doc, token: Token) -> ActorMention | None:
    mentions: list[ActorMention] = doc._.selon_actors or []
    before = [m for m in mentions if m.end <= token.idx and m.kind == "person"]
    return before[-1] if before else None


def _according_to(doc: Doc, window: Span, skip: tuple[int, int]) -> ActorMention | None:
    return according_to_in(doc, window.start_char, window.end_char, skip)


def _channel(doc: Doc, window: Span) -> str | None:
    for match in channels(doc.lang_).find(window.text):
        return match.values[0]
    return None


def _reporting_verbs(window: Span, skip: tuple[int, int]) -> list[Token]:
    verbs = speech_verbs(window.doc.lang_)
    return [
        t
        for t in window
        if t.pos_ in ("VERB", "AUX")
        and t.lemma_.lower() in verbs
        and not skip[0] <= t.idx < skip[1]
    ]


def _subject_of_clause(token: Token, skip: tuple[int, int]) -> ActorMention | None:
    """Who says a quoted fragment: the subject of the reporting verb above it if there is one
    ("told reporters that U.S. forces had acted « in self-defense »"), else of the nearest
    verb above it; words inside the quote itself are never the speaker."""
    outside = [a for a in token.ancestors if not skip[0] <= a.idx < skip[1]]
    speech = speech_verbs(token.doc.lang_)
    for ancestor in outside:
        if ancestor.pos_ in ("VERB", "AUX") and ancestor.lemma_.lower() in speech:
            found = speaker_of(ancestor, skip)
            if found is not None:
                return found
    for ancestor in outside:
        if ancestor.pos_ in ("VERB", "AUX"):
            found = speaker_of(ancestor, skip)
            if found is not None:
                return found
    return None


@Language.component("selon_quotes", assigns=["doc._.selon_quotes"], requires=["doc._.selon_actors"])
def selon_quotes(doc: Doc) -> Doc:
    quotes: list[QuoteMention] = []
    previous: QuoteMention | None = None
    previous_end = -1
    previous_verb = -1
    for mark_start, mark_end, start, end in find_quote_spans(text_of(doc)):
        window = _window(doc, mark_start, mark_end, start)
        skip = (mark_start, mark_end)
        words = len(text_of(doc)[start:end].split())
        before = text_of(doc)[min(window.start_char, mark_start) : mark_start].strip()
        verbs = _reporting_verbs(window, skip)
        verbs_after = [v for v in verbs if v.idx >= mark_end]
        verbs_before = [v for v in verbs if v.idx < mark_start]
        statement = not before or before.endswith((":", "—", "–", "-"))
        kind = "direct" if statement and words > 2 else "partial"
        speaker: ActorMention | None = None
        verb: Token | None = None
        if kind == "direct":
            if verbs_after and (not before or not verbs_before):
                verb = verbs_after[0]
            elif verbs_before:
                verb = verbs_before[-1]
            speaker = speaker_of(verb, skip) if verb is not None else None
            if speaker is None:
                speaker = _according_to(doc, window, skip)
            if speaker is None and verb is None and before.endswith(":"):
                # "X went further in a post on X: « ... »": the subject of the clause before.
                lead = doc.char_span(window.start_char, mark_start, alignment_mode="contract")
                if lead is not None and len(lead):
                    roots = [
                        t
                        for t in lead
                        if t.dep_ == "ROOT" or t.head.i >= lead.end or t.head.i < lead.start
                    ]
                    verbs = [t for t in roots if t.pos_ in ("VERB", "AUX")]
                    speaker = speaker_of(verbs[0], skip) if verbs else None
            if speaker is None and verb is None and previous is not None:
                # A continuation: nothing was said by anyone else since the last quote.
                gap = doc.char_span(previous_end, mark_start, alignment_mode="expand")
                others = (
                    [v for v in _reporting_verbs(gap, skip) if v.i != previous_verb] if gap else []
                )
                if not others:
                    speaker = previous.speaker
        else:
            inner = doc.char_span(start, end, alignment_mode="expand")
            if inner is not None and len(inner):
                speaker = _subject_of_clause(inner.root, (mark_start, mark_end))
            if speaker is None:
                speaker = _according_to(doc, window, skip)
        quote = QuoteMention(
            start=start,
            end=end,
            kind=kind,
            speaker=speaker,
            verb=verb.lemma_.lower() if verb is not None else None,
            channel=_channel(doc, window),
        )
        if verb is not None and quote.channel is None:
            quote.channel = speech_verbs(doc.lang_).get(verb.lemma_.lower())
        quotes.append(quote)
        if kind == "direct":
            previous, previous_end = quote, mark_end
            previous_verb = verb.i if verb is not None else -1
    quotes.extend(_indirect(doc, quotes))
    quotes.sort(key=lambda q: q.start)
    doc._.selon_quotes = quotes
    return doc


def _incise_content(verb: Token) -> tuple[Token, Token] | None:
    """The clause an incise reports: what stands before ", a indiqué X" / ", X said" in its
    sentence, when the reporting verb has no complement clause of its own."""
    doc = verb.doc
    sent = verb.sent
    start = verb.i
    # Walk back over the auxiliary and an English subject: ", a précisé" / ", officials said".
    while start > sent.start and (
        doc[start - 1].dep_.startswith("aux")
        or doc[start - 1].dep_ in ("nsubj", "det", "compound", "amod")
        or doc[start - 1].pos_ in ("PROPN",)
    ):
        start -= 1
    if start <= sent.start + 2 or doc[start - 1].text not in (",", "–", "—"):
        return None
    content_end = doc[start - 2]
    return doc[sent.start], content_end


def _indirect(doc: Doc, direct: list[QuoteMention]) -> list[QuoteMention]:
    """Reported speech: a reporting verb with a complement clause, outside direct quotes."""
    found = []
    verbs = speech_verbs(doc.lang_)
    covered = [(q.start - 2, q.end + 2) for q in direct]
    for token in doc:
        if token.pos_ != "VERB" or token.lemma_.lower() not in verbs:
            continue
        if any(a <= token.idx < b for a, b in covered):
            continue
        clauses = [
            c
            for c in token.children
            if c.dep_ in ("ccomp", "xcomp") and c.i > token.i and c.pos_ in ("VERB", "AUX")
        ]
        if clauses:
            subtree = list(clauses[0].subtree)
            first, last = subtree[0], subtree[-1]
            if first.lower_ in ("que", "qu'", "qu’", "that"):
                first = doc[first.i + 1]
        else:
            # An incise after what was said: "Quatre morts ont été recensés, a précisé X."
            span = _incise_content(token)
            if span is None:
                continue
            first, last = span
        while last.is_punct and last.i > first.i:
            last = doc[last.i - 1]
        start, end = first.idx, last.idx + len(last)
        if end - start < 8 or any(a < end and start < b for a, b in covered):
            continue
        speaker = speaker_of(token)
        found.append(
            QuoteMention(
                start,
                end,
                "indirect",
                speaker,
                token.lemma_.lower(),
                _channel(doc, token.sent) or verbs.get(token.lemma_.lower()),
            )
        )
        covered.append((start, end))
    return found
