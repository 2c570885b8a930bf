"""selon_quotes: direct, partial and indirect quotes with a resolved speaker.

1. Quotation marks: « », “ ”, " ", ‹ ›, ‘ ’ (outermost pairs). A quote may span paragraphs:
   a paragraph that opens a quote without closing it, followed by a paragraph that opens the
   same mark again, continues into it (the typographic convention of both languages). An
   incise inside the marks ("« Nous ne céderons pas, a déclaré X, tant que... »", with the
   name apposed to its subject: "a assuré le porte-parole, X. Mais ...") splits the quote in
   two around it; a quote resumed after its incise ('"A," X said, "B."') is direct.
2. Attribution, looked for around each quote in its sentence(s), outside the quote:
   a reporting verb (``data/lexicon/speech_*.tsv``, multi-word ones such as "faire savoir"
   included) after the quote, then before it; its subject is the speaker ("a indiqué X",
   "X said", "said X", inverted "a-t-il précisé"); else "selon X" / "d'après X" / "according
   to X"; else the subject of a clause that ends with a colon, in the quote's paragraph or the
   one before ("X went further on X: « … »"); else a quote standing alone keeps the previous
   quote's speaker (a continuation) when no other statement came between, the last one who
   spoke in between otherwise, or the subject of the sentence just before ("X was blunt.¶« … »").
3. A quote inside a clause that is not a statement of its own ("a dénoncé une « provocation »")
   is partial; its speaker is "selon X" right after it, else the subject of the reporting verb
   above it (through participles: "saying it wanted to « terrorise »"; a passive's agent:
   "rebaptisé « loi russe » par ses détracteurs"), else an incise in its sentence ("…, a
   rapporté l'agence KCNA"), else "selon X" or "Pour X," in its sentence, else the subject of
   the clause above it.
4. Indirect speech: a reporting verb with a complement clause ("X a annoncé que ...", "X said
   he would...", "assure avoir repoussé...") or an incise after what was said ("Quatre morts
   ont été recensés, a précisé X", "..., officials said"), not an incise that interrupts a
   phrase ("afin, disait-elle, de « ... »": it reports what follows). Verbs that ask or promise an act
   ("appeler à", "urge to"; the ``directive`` rows of ``data/lexicon/attribution_*.tsv``) do
   not report speech, unless their "que" clause is indicative or conditional ("a promis que
   les aides seraient versées"); the clause stops where a direct quote starts. "told a
   briefing that ..." reports even where the parser reads a relative clause; a negated
   incise (", a number the ministry did not confirm") and an incise right after a quote
   ("« … », a-t-il lancé") report no clause.

Who says each quote is resolved by ``speakers.py``, in reading order (a pronoun takes up the
last compatible speaker); the speaker is given as first written in full.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from selon.components import QuoteMention, text_of
from selon.components.actors import dateline_end
from selon.components.speakers import (
    SUBJECT_DEPS,
    QuoteSite,
    according_at,
    according_cues,
    attribution_uses,
    direct_speaker,
    incise_mark,
    inverted,
    is_incise,
    maybe_reporting,
    partial_speaker,
    remember,
    reporting_lemma,
    reporting_verbs,
    speaker_of,
)
from selon.lexicon import channels, speech_verbs
from selon.phrases import fold

QUOTE_RES = [
    re.compile(r"«\s*(?P<q>[^«»]{1,4000}?)\s*»", re.S),
    re.compile(r"“\s*(?P<q>[^“”]{1,4000}?)\s*”", re.S),
    re.compile(r"‹\s*(?P<q>[^‹›\n]{1,2000}?)\s*›"),
    re.compile(r"(?<![\w])\"(?P<q>[^\"\n]{1,2000}?)\"(?![\w])"),
    re.compile(r"(?<![\w])‘(?P<q>[^‘’\n]{1,600}?)’(?![\w])"),
]
#: A paragraph that opens a quote and does not close it: (opening mark, closing mark).
OPEN_MARKS = {"«": "»", "“": "”", '"': '"'}


# --- finding quotes -----------------------------------------------------------------------------


def find_quote_spans(text: str) -> list[tuple[int, int, int, int]]:
    """(mark start, mark end, content start, content end) of the outermost quotes; a quote
    continued over paragraphs is one span."""
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
    return _join_paragraphs(text, outer)


def _join_paragraphs(
    text: str, spans: list[tuple[int, int, int, int]]
) -> list[tuple[int, int, int, int]]:
    """Join a paragraph that opens a quote without closing it to the quote that opens the next
    paragraph with the same mark."""
    starts = {s[0]: s for s in spans}
    joined: dict[int, tuple[int, int, int, int]] = {}
    offset = 0
    paragraphs = text.split("\n")
    for index, paragraph in enumerate(paragraphs):
        here, offset = offset, offset + len(paragraph) + 1
        for mark, close in OPEN_MARKS.items():
            opened = paragraph.rfind(mark)
            if opened < 0 or (close in paragraph[opened + 1 :]):
                continue
            if mark == '"' and paragraph.count('"') % 2 == 0:
                continue
            nxt = here + len(paragraph) + 1
            for following in paragraphs[index + 1 :]:
                if following.strip():
                    break
                nxt += len(following) + 1
            target = joined.get(nxt) or starts.get(nxt + _indent(text, nxt))
            if target is None or text[target[0]] != mark:
                continue
            content = here + opened + 1
            while content < len(text) and text[content].isspace():
                content += 1
            merged = (here + opened, target[1], content, target[3])
            joined[here + opened] = merged
            joined.pop(target[0], None)
            spans = [s for s in spans if s[0] != target[0]]
    return sorted([*spans, *joined.values()], key=lambda s: s[0])


def _indent(text: str, at: int) -> int:
    return len(text[at:]) - len(text[at:].lstrip(" \t"))


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
    if re.match(r"\s*,\s*[^\W\d_A-Z]", text_of(doc)[end : end + 4]) and sent_end < len(doc):
        # "« ... », relève un politiste": the parser may end the sentence at the mark.
        sent_end = max(sent_end, doc[min(marks.end + 1, len(doc) - 1)].sent.end)
    # Never across a paragraph break: the parser does not always split there.
    paragraph_start = text_of(doc).rfind("\n", 0, start) + 1
    paragraph_end = text_of(doc).find("\n", end)
    paragraph_end = len(text_of(doc)) if paragraph_end < 0 else paragraph_end
    while sent_start < marks.start and doc[sent_start].idx < paragraph_start:
        sent_start += 1
    while sent_end > marks.end and doc[sent_end - 1].idx >= paragraph_end:
        sent_end -= 1
    return doc[sent_start:sent_end]


def _channel(doc: Doc, window: Span) -> str | None:
    # The window's text sliced from the article's, not joined again from its tokens.
    for match in channels(doc.lang_).find(text_of(doc)[window.start_char : window.end_char]):
        return match.values[0]
    return None


#: How long an incise between two parts of a quote may be (characters).
INCISE_REACH = 150


def _direct(doc: Doc) -> list[QuoteSite]:
    found = []
    text = text_of(doc)
    for mark_start, mark_end, start, end in find_quote_spans(text):
        window = _window(doc, mark_start, mark_end, start)
        skip = (mark_start, mark_end)
        words = len(text[start:end].split())
        before = text[min(window.start_char, mark_start) : mark_start].strip()
        # Only the sentence the quote opens counts: the parser may join it to the one before.
        before = re.split(r"(?<=[.!?])\s+(?=\S)", before)[-1] if before else before
        if re.search(r"[.!?]$", before):
            before = ""
        opening = mark_start - len(before) - 1
        verbs = reporting_verbs(window, skip)
        verbs_after = [v for v in verbs if v.idx >= mark_end]
        verbs_before = [v for v in verbs if opening <= v.idx < mark_start]
        statement = not before or before.endswith((":", "—", "–", "-"))
        # A quote resumed after its incise: "« A », a déclaré X, « B »", '"A," X said, "B."'
        closed = max(text.rfind(mark, 0, mark_start) for mark in ("»", "”", '"'))
        incise = doc.char_span(closed + 1, mark_start, alignment_mode="contract")
        resumed = (
            before.endswith(",")
            and closed >= 0
            and 0 <= mark_start - closed < INCISE_REACH
            and incise is not None
            and bool(reporting_verbs(incise, skip))
        )
        if resumed and incise is not None:
            verbs_before = reporting_verbs(incise, skip)
        # A short quote is a statement after a colon ("X said: « Of course. »"), a fragment
        # anywhere else.
        long_enough = words > 2 or (before.endswith(":") and words > 0)
        kind = "direct" if (statement or resumed) and long_enough else "partial"
        verb = None
        if kind == "direct":
            if verbs_after and (not before or not verbs_before):
                verb = verbs_after[0]
            elif verbs_before:
                verb = verbs_before[-1]
        inner = _inner_incise(doc, start, end) if kind == "direct" else None
        if inner is not None:
            # "« A, a déclaré X, B »": the incise inside the marks is no part of the quote.
            incise_start, incise_end, inner_verb = inner
            found.append(
                QuoteSite(
                    start,
                    incise_start,
                    kind,
                    (mark_start, incise_start),
                    inner_verb,
                    window,
                    before,
                )
            )
            found.append(
                QuoteSite(incise_end, end, kind, (incise_end, mark_end), inner_verb, window, before)
            )
            continue
        found.append(QuoteSite(start, end, kind, skip, verb, window, before))
    return found


def _inner_incise(doc: Doc, start: int, end: int) -> tuple[int, int, Token] | None:
    """An incise inside a quote's marks, set off by commas: "« Nous ne céderons pas, a
    déclaré le maire, tant que... »" -> (where it starts, where the quote resumes, its verb)."""
    text = text_of(doc)
    content = doc.char_span(start, end, alignment_mode="contract")
    if content is None:
        return None
    for verb in maybe_reporting(content):
        if not reporting_lemma(verb) or not inverted(verb) or not is_incise(verb):
            continue
        comma = text.rfind(",", start, verb.idx)
        resume = text.find(",", verb.idx, end)
        # The incise ends after a name apposed to its subject: "a assuré le porte-parole de
        # l'armée, Iouri Ihnat. Mais ...".
        named = next(
            (
                m
                for m in doc._.selon_actors or []
                if m.kind == "person" and resume >= 0 and 0 < m.start - resume <= 2
            ),
            None,
        )
        tail = text[named.end : end] if named is not None else ""
        if named is not None and re.match(r"\s*[,.]", tail):
            resume = named.end + len(tail) - len(tail.lstrip())
        if comma < 0 or resume < 0 or text[comma : verb.idx].count(" ") > 3:
            continue
        after = resume + 1
        while after < end and text[after].isspace():
            after += 1
        if after < end and comma > start:
            return len(text[:comma].rstrip()), after, verb
    return None


@Language.component("selon_quotes", assigns=["doc._.selon_quotes"], requires=["doc._.selon_actors"])
def selon_quotes(doc: Doc) -> Doc:
    doc.user_data["selon_speakers"] = []
    doc.user_data["selon_reported"] = []  # the clauses of indirect speech read so far
    # Where the quotation marks are: a body named inside a quote is no one's antecedent.
    doc.user_data["selon_quote_marks"] = [
        (start, end) for start, end, _, _ in find_quote_spans(text_of(doc))
    ]
    direct = _direct(doc)
    pending = sorted([*direct, *_indirect(doc, direct)], key=lambda p: p.start)
    # "selon X" sources are speakers too, for the pronouns that follow them.
    cues = according_cues(doc, 0, len(text_of(doc)))
    quotes: list[QuoteMention] = []
    previous: QuoteMention | None = None
    previous_end = -1
    previous_verb = -1
    for item in pending:
        while cues and cues[0] < item.start:
            at = cues.pop(0)
            remember(doc, at, according_at(doc, at, min(len(text_of(doc)), at + 80)))
        if item.kind == "indirect":
            assert item.verb is not None
            speaker = speaker_of(item.verb)
        elif item.kind == "direct":
            speaker = direct_speaker(doc, item, previous, previous_end, previous_verb)
        else:
            speaker = partial_speaker(doc, item)
        verb = item.verb
        lemma = reporting_lemma(verb) if verb is not None else None
        window = item.window if item.window is not None else (verb.sent if verb else None)
        quote = QuoteMention(
            start=item.start,
            end=item.end,
            kind=item.kind,
            speaker=speaker,
            verb=lemma,
            channel=_channel(doc, window) if window is not None else None,
        )
        if lemma is not None and quote.channel is None:
            quote.channel = speech_verbs(doc.lang_).get(lemma)
        quotes.append(quote)
        remember(doc, verb.idx if verb is not None else item.start, speaker)
        if item.kind == "indirect":
            doc.user_data["selon_reported"].append((item.start, item.end))
        if item.kind == "direct":
            previous, previous_end = quote, item.marks[1]
            previous_verb = verb.i if verb is not None else -1
    for at in cues:
        remember(doc, at, according_at(doc, at, min(len(text_of(doc)), at + 80)))
    doc._.selon_quotes = quotes
    return doc


# --- indirect speech ----------------------------------------------------------------------------


#: Words that leave a phrase open: an incise after them interrupts it ("afin, disait-elle,
#: de ...", "so, he said, that ...").
CUT = {"afin", "pour", "parce", "car", "puisque", "lorsque", "quand", "so", "because", "while"}


#: What negates a verb: a denied incise reports nothing.
NEGATIONS = {"not", "n't", "never", "pas", "jamais", "nullement"}


def incise_content(verb: Token) -> tuple[Token, Token] | None:
    """The clause an incise reports: what stands before ", a indiqué X" / ", X said" in its
    sentence and paragraph (after a dateline). Not when a quotation mark sets the incise off
    (it attributes that quote), nor when what stands before is no clause ("Le même jour, X a
    annoncé des sanctions") or is the verb's own subject with an apposition ("La
    porte-parole, Maria Zakharova, a dénoncé...")."""
    doc = verb.doc
    mark = incise_mark(verb)
    if mark is None or mark.text not in (",", "–", "—"):
        return None
    if any(c.dep_ == "neg" or fold(c.lower_) in NEGATIONS for c in verb.children):
        return None  # "…, a number the ministry did not confirm": no one says it
    if mark.i > 0 and doc[mark.i - 1].text in ("»", "”", '"'):
        return None  # "« … », a-t-il lancé": the incise attributes the quote
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    subject_before = [c for c in subjects if mark.i < c.i < verb.i]
    text = text_of(doc)
    start = max(text.rfind("\n", 0, verb.idx) + 1, dateline_end(doc))
    first = verb.sent.start
    while first < mark.i and doc[first].idx < start:
        first += 1
    while first < mark.i and (doc[first].is_punct or doc[first].is_space):
        first += 1
    if mark.i - first < 2:
        return None
    content = doc[first : mark.i]
    last = content[-1]
    if (
        last.pos_ in ("SCONJ", "CCONJ", "DET")
        or (last.pos_ == "ADP" and last.head.i > last.i)  # not "turned down"
        or fold(last.lower_) in CUT
    ):
        return None  # "afin, disait-elle, de « ... »": the incise reports what follows
    outside = [t for t in content if not first <= t.head.i < mark.i]
    if any(c.dep_ in ("obj", "dobj") and c.i > verb.i for c in verb.children) and not (
        subject_before or inverted(verb)
    ):
        return None
    clause = any(t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "acl") for t in content)
    # "The rounds hit the sites, witnesses said": the parser may take the clause for a second
    # subject of the verb; it is what they said when a subject stands after the comma.
    misparsed = subject_before and any(t.dep_ in SUBJECT_DEPS for t in outside)
    if not clause and not misparsed:
        return None
    if any(t.head.i == verb.i and t.dep_ in SUBJECT_DEPS for t in outside) and not misparsed:
        return None
    return doc[first], doc[mark.i - 1]


def _indirect(doc: Doc, direct: list[QuoteSite]) -> list[QuoteSite]:
    """Reported speech: a reporting verb with a complement clause, outside direct quotes."""
    found: list[QuoteSite] = []
    directives = attribution_uses(doc.lang_, "directive")
    covered = [(q.marks[0], q.marks[1]) for q in direct]
    for token in maybe_reporting(doc):
        if token.pos_ != "VERB":
            continue
        lemma = reporting_lemma(token)
        if lemma is None:
            continue
        if any(a <= token.idx < b for a, b in covered):
            continue
        clause = _complement(token, lemma)
        if fold(lemma) in directives and not _stated(clause):
            continue
        if clause is not None:
            subtree = list(clause.subtree)
            first, last = subtree[0], subtree[-1]
            if first.lower_ in ("que", "qu'", "qu’", "that"):
                first = doc[first.i + 1]
        else:
            # An incise after what was said: "Quatre morts ont été recensés, a précisé X."
            span = incise_content(token)
            if span is None:
                continue
            first, last = span
        start, end = _clause_bounds(doc, first, last, covered)
        if end - start < 8:
            continue
        found.append(QuoteSite(start, end, "indirect", (start, end), token))
        covered.append((start, end))
    return found


THAT = ("que", "qu'", "qu’", "that")


def _stated(clause: Token | None) -> bool:
    """A directive verb's "que" clause in the indicative or conditional states something ("a
    promis que les aides seraient versées"); in the subjunctive ("exige que l'armée se
    retire") or as an infinitive it asks for an act."""
    if clause is None or not any(c.lower_ in THAT for c in clause.children):
        return False
    verbs = [clause, *(c for c in clause.children if c.dep_.startswith("aux"))]
    moods = {m for v in verbs for m in v.morph.get("Mood", [])}
    return bool(moods) and moods <= {"Ind", "Cnd"}


def _complement(verb: Token, lemma: str) -> Token | None:
    """The clause a reporting verb reports: its complement clause (of "faire savoir", the one
    of "savoir"), an infinitive that is no act asked ("assure avoir repoussé"), else a clause
    opened by "que" / "that" that the parser hung elsewhere ("a indiqué à des médias que...")."""
    particle = lemma.split()[-1] if " " in lemma else None
    heads = [verb, *(c for c in [*verb.children, verb.head] if particle and c.lemma_ == particle)]
    for head in heads:
        for child in head.children:
            if child.i <= verb.i or child.lemma_ == particle:
                continue
            marked = any(c.lower_ in THAT for c in child.children)
            has_subject = any(c.dep_ in SUBJECT_DEPS for c in child.children)
            if child.dep_ == "ccomp" and (child.pos_ in ("VERB", "AUX") or marked or has_subject):
                return child
            if (
                child.dep_ == "xcomp"
                and child.pos_ in ("VERB", "AUX")
                and not _marked_infinitive(child)
            ):
                return child
    for token in verb.doc[verb.i + 1 : min(verb.i + 8, verb.sent.end)]:
        if token.lower_ in THAT and token.dep_ == "mark" and token.head.i > token.i:
            clause = token.head
            if verb in clause.ancestors:
                return clause
        if (
            lemma in TELL
            and token.lower_ == "that"
            and token.head.dep_ in ("relcl", "acl:relcl")
            and token.head.head.head.i == verb.i
            and any(c.dep_ in SUBJECT_DEPS and c.i != token.i for c in token.head.children)
        ):
            return token.head  # "told a briefing that ...": not a briefing that they held
        if token.is_punct and token.text != "'":
            break
    return None


#: Verbs told to someone: "that" after their object opens what they report, even where the
#: parser reads a relative clause ("told a briefing that officers had ...").
TELL = {"tell", "inform", "assure", "remind"}


def _marked_infinitive(clause: Token) -> bool:
    """An infinitive introduced by "à", "de", "to": an act asked or promised, mostly."""
    return any(
        c.dep_ in ("mark", "aux") and c.lower_ in ("à", "de", "d'", "to") for c in clause.children
    )


def _clause_bounds(
    doc: Doc, first: Token, last: Token, covered: list[tuple[int, int]]
) -> tuple[int, int]:
    """A reported clause's offsets, cut before a direct quote it runs into ("Russia was ready
    to fight « for as long as it takes »") and at a paragraph break; (0, 0) when it starts
    inside one."""
    text = text_of(doc)
    while last.is_punct and last.i > first.i:
        last = doc[last.i - 1]
    start, end = first.idx, last.idx + len(last)
    newline = text.find("\n", start, end)
    if newline >= 0:
        end = newline
    for a, b in covered:
        if a <= start < b:
            return 0, 0
        if start < a < end:
            end = a
    end = len(text[:end].rstrip(' ,;:«“"‘'))
    return start, end
