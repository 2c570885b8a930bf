"""Who speaks: the speaker of a reporting verb or of a quote, given as first written in full.

- The subject of a reporting verb (``data/lexicon/speech_*.tsv``), through participles,
  coordinated verbs and relative pronouns; a name in apposition ("Le médiateur ..., Dmytro
  Loubinets, a prévenu"); an inverted subject (", a indiqué X", ", said X", "a-t-il dit"); a
  passive's agent ("par ses détracteurs"); "a-t-on appris auprès de X"; a document's issuer
  ("le communiqué précise", "its statement read": whose it is; "the resolution urges": who
  adopted it, named before as its verb's subject).
- Pronouns ("il", "she", "selon lui") take up the last compatible speaker, or the last
  compatible actor who acted if nearer (number, and in French gender, agree), never one
  named inside what someone said ("X said that Y had no mandate. « … », she added": X). Speakers found
  are remembered in reading order in ``doc.user_data["selon_speakers"]``.
- "selon X", "d'après X", "according to X", "in the words of X" ("selon son communiqué":
  the possessive's owner), and "Pour X, « ... »"; "a-t-on appris auprès de X" (the ``learnt`` rows).
- A speaker as first written in full: a title with a name apposed or following is the person;
  a bare title is the person named earlier who holds it; "le chef du Kremlin" (the ``leader``
  rows of ``data/lexicon/attribution_*.tsv``) the person of that country named before; an
  acronym the name it abbreviates; "le mouvement", "the agency" (``anaphor`` rows) the body
  named before; "the official" (``person`` rows) the last one who spoke; "his spokesman"
  the one he speaks for; "a spokesman for Hamas" keeps the body; a title written again as it
  was first written with a name ("Iran's top diplomat, X") is X; a body keeps the acronym
  written with it ("Full Name (OCHA)"). A day or a time ("a annoncé hier soir X") is no one.
  A title written another way (the ``title`` rows: "chef de la diplomatie" is a foreign
  minister) and "his Iraqi counterpart, X" (the ``counterpart`` rows: X holds the title of
  the one named before, for Iraq) count for the bare title that takes them up.
- The speaker of a direct quote (its verb, "selon X", the clause before a colon, the previous
  quote's speaker for a continuation unless the sentence just before is about another
  person, the subject of the sentence before, for a quote alone in the first paragraph the
  subject of the next one) and of a partial
  quote (a relative clause that judges it, "un bilan que l'opposition juge « … »"; "contre
  « … » pour X"; the reporting verb or the noun for something said above it, "la menace de
  Séoul", the ``utterance`` rows, or the spokesperson of an incise that ends the sentence,
  "…, its spokesman, X, said"; an incise, "selon X" in the same sentence, the clause above
  it).

``selon_quotes`` (``quotes.py``) finds the quotes and asks this module who says each.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from spacy.attrs import IDX, POS
from spacy.symbols import AUX, VERB
from spacy.tokens import Doc, Span, Token

from selon.components import ActorMention, QuoteMention, doc_cache, span_containing, text_of
from selon.components.actors import actor_at, dateline_end, phrase_actor, prefer_person
from selon.lexicon import read_tsv, speech_verbs, split_cell
from selon.phrases import fold
from selon.records import Actor
from selon.temporal import WEEKDAYS_EN, WEEKDAYS_FR

ACCORDING = {
    "fr": (
        "selon",
        "d'après",
        "d’après",
        "pour reprendre les mots de",
        "pour reprendre les termes de",
    ),
    "en": ("according to", "in the words of"),
}
RELATIVE_PRONOUNS = {"qui", "who", "which", "that", "lequel", "laquelle"}
SUBJECT_DEPS = {"nsubj", "nsubj:pass", "expl:subj", "csubj", "nsubjpass"}
AGENT_DEPS = {"obl:agent", "agent"}
#: Pronouns of a speaker, with (number, gender); "-t-il" and "lui" ("selon lui") included.
SPEAKER_PRONOUNS: dict[str, dict[str, tuple[str, str | None]]] = {
    "fr": {
        "il": ("s", "Masc"),
        "elle": ("s", "Fem"),
        "ils": ("p", "Masc"),
        "elles": ("p", "Fem"),
        "lui": ("s", "Masc"),
        "eux": ("p", "Masc"),
    },
    "en": {
        "he": ("s", None),
        "she": ("s", None),
        "him": ("s", None),
        "her": ("s", None),
        "they": ("p", None),
        "them": ("p", None),
        "it": ("n", None),
    },
}
#: Kinds of actor mentions that name an institution (not a person, not an adjective).
BODY_KINDS = {"seat", "igo", "country", "capital", "group", "phrase"}
QUOTE_MARKS = {"«", "»", '"', "“", "”", "‹", "›"}
#: The pronoun after an inverted verb: "lance-t-elle", "dit-il".
#: Every one opens on "-" (``_reporting_lemma`` relies on it).
CLITICS = {"-t", "-il", "-elle", "-ils", "-elles", "-on", "-t-il", "-t-elle"}
ACRONYM_RE = re.compile(r"[A-Z][A-Z0-9&]{1,7}")
#: How far (characters) a speaker's name may stand from its reporting verb, and how far back
#: a bare title looks for who holds it.
INVERTED_REACH = 60
BEFORE_REACH = 40
TITLE_LOOKBACK = 3000


@lru_cache(maxsize=2)
def attribution_words(lang: str) -> dict[str, tuple[str, frozenset[str]]]:
    """``data/lexicon/attribution_*.tsv``: word -> (use, sectors); uses are directive,
    document, anaphor (with the sectors of what it takes up) and latter."""
    return {
        fold(row["word"]): (row["use"], frozenset(split_cell(row.get("sectors", ""))))
        for row in read_tsv(f"lexicon/attribution_{lang}.tsv")
    }


@lru_cache(maxsize=64)
def attribution_uses(lang: str, use: str) -> frozenset[str]:
    """The words of ``data/lexicon/attribution_*.tsv`` with one use (a word may have several:
    "report" is a document and a toll verb)."""
    return frozenset(
        fold(row["word"])
        for row in read_tsv(f"lexicon/attribution_{lang}.tsv")
        if row["use"] == use
    )


@lru_cache(maxsize=2)
def title_aliases(lang: str) -> tuple[tuple[str, str], ...]:
    """The ``title`` rows of ``data/lexicon/attribution_*.tsv``: (another way to write a
    title, the title it means), folded, longest first ("chef de la diplomatie" -> "ministre
    des affaires étrangères", "top diplomat" -> "foreign minister")."""
    rows = [
        (fold(row["word"]), fold(row.get("means", "")))
        for row in read_tsv(f"lexicon/attribution_{lang}.tsv")
        if row["use"] == "title" and row.get("means")
    ]
    return tuple(sorted(rows, key=lambda row: -len(row[0])))


@lru_cache(maxsize=4096)
def _plain_title(lang: str, title: str) -> str:
    """A title with its other ways of writing replaced by the title they mean (kept: the same
    titles are compared again for every bare title of an article)."""
    folded = fold(title)
    for alias, means in title_aliases(lang):
        found = re.search(rf"\b{re.escape(alias)}\b", folded)
        if found is not None:
            return folded[: found.start()] + means + folded[found.end() :]
    return title


@lru_cache(maxsize=2)
def _phrasal_verbs(lang: str) -> dict[str, tuple[str, ...]]:
    """Multi-word reporting verbs by their verb: "faire savoir" -> {"faire": ("savoir",)}."""
    found: dict[str, tuple[str, ...]] = {}
    for lemma in speech_verbs(lang):
        parts = lemma.split()
        if len(parts) > 1:
            found[parts[0]] = (*found.get(parts[0], ()), parts[-1])
    return found


def reporting_lemma(token: Token) -> str | None:
    """The reporting verb a token is, as written in the lexicon ("indiquer", "faire savoir",
    "point out"), or None."""
    cache = doc_cache(token.doc, "reporting_lemma")
    if token.i not in cache:
        cache[token.i] = _reporting_lemma(token)
    found: str | None = cache[token.i]
    return found


def _reporting_lemma(token: Token) -> str | None:
    # Every clitic opens on "-": look at the text before building the next Token.
    after = token.idx + len(token.text_with_ws)
    inverted = (
        text_of(token.doc)[after : after + 1] == "-"
        and token.i + 1 < len(token.doc)
        and token.doc[token.i + 1].lower_ in CLITICS
    )
    if token.pos_ not in ("VERB", "AUX") and not inverted:
        return None  # "lance-t-elle" may be tagged a proper noun
    lemma = token.lemma_.lower()
    verbs = speech_verbs(token.doc.lang_)
    if lemma in verbs and " " not in lemma:
        return lemma
    if lemma in attribution_uses(token.doc.lang_, "learnt") and _on_subject(token):
        return lemma  # "a-t-on appris auprès de l'état-major"
    if token.doc.lang_ == "fr" and lemma == token.lower_ and lemma + "r" in verbs:
        return lemma + "r"  # the lemmatiser left the form: "estime", "souligne", "juge"
    for particle in _phrasal_verbs(token.doc.lang_).get(lemma, ()):
        # "a fait savoir" is parsed either way round: "savoir" under "fait" or above it.
        around = [*token.children, token.head]
        if any(t.lemma_.lower() == particle or t.lower_ == particle for t in around):
            return f"{lemma} {particle}"
    return None


def _on_subject(verb: Token) -> bool:
    """A verb whose subject is "on", inverted ("a-t-on appris") or not."""
    doc = verb.doc
    after = [t.lower_ for t in doc[verb.i + 1 : verb.i + 3]]
    before = [t.lower_ for t in doc[max(0, verb.i - 3) : verb.i]]
    return (
        any(c.lower_ in ("on", "-on") and c.dep_ in SUBJECT_DEPS for c in verb.children)
        or "-on" in after
        or "-on" in before
    )


# --- who said it -------------------------------------------------------------------------------


def speakers_before(doc: Doc, offset: int) -> list[tuple[int, ActorMention]]:
    """The speakers found so far, before a character offset, in reading order."""
    known: list[tuple[int, ActorMention]] = doc.user_data.get("selon_speakers", [])
    return [(at, mention) for at, mention in known if at < offset]


def remember(doc: Doc, at: int, mention: ActorMention | None) -> None:
    if mention is not None:
        known = doc.user_data.setdefault("selon_speakers", [])
        known.append((at, mention))
        known.sort(key=lambda item: item[0])


def _gender(doc: Doc, mention: ActorMention) -> str | None:
    """The grammatical gender a French mention carries ("la porte-parole", "une mère"), read on
    the determiners of its heads (a person's title is one of them); None when unknown."""
    if doc.lang_ != "fr":
        return None
    heads = [m.head for m in doc._.selon_actors or [] if m.actor.name == mention.actor.name]
    for i in [mention.head, *heads]:
        head = doc[i]
        if head.pos_ != "NOUN":
            continue
        for child in head.children:
            if child.dep_ == "det" and child.morph.get("Gender"):
                return str(child.morph.get("Gender")[0])
        if head.morph.get("Gender") and mention.kind != "person":
            return str(head.morph.get("Gender")[0])
    return None


def _plural(doc: Doc, mention: ActorMention) -> bool:
    return "Plur" in doc[mention.head].morph.get("Number", []) and mention.kind != "person"


def _compatible(doc: Doc, mention: ActorMention, number: str, gender: str | None) -> bool:
    """Whether a pronoun of that number and gender may take up a mention."""
    if mention.kind in ("demonym", "place"):
        return False
    if number == "n":  # "it": an institution
        return mention.kind in BODY_KINDS and not _plural(doc, mention)
    if number == "p":
        if mention.kind == "person":
            return False
        if mention.kind in ("group", "phrase") and not _plural(doc, mention) and doc.lang_ == "fr":
            return False  # "ils", "elles": a plural group, or a body
    elif _plural(doc, mention):
        return False
    elif (
        doc.lang_ == "en"
        and mention.kind != "person"
        and mention.actor.role is None
        and fold(doc[mention.head].lemma_) not in attribution_uses("en", "person")
    ):
        return False  # "he", "she": a person, a title ("the minister"), "an official"
    found = _gender(doc, mention)
    return gender is None or found is None or found == gender


def resolve_speaker_pronoun(doc: Doc, token: Token, word: str) -> ActorMention | None:
    """Who a pronoun stands for: the last compatible speaker, or the last compatible actor who
    acted, a subject, if that one is nearer: a person or a group of people, a body for "it",
    "they" and the French pronouns (a country or a capital only for "it" and "they")."""
    number, gender = SPEAKER_PRONOUNS[doc.lang_].get(word, ("s", None))
    return _antecedent_speaker(doc, token, number, gender)


def _antecedent_speaker(
    doc: Doc, token: Token, number: str, gender: str | None
) -> ActorMention | None:
    candidates = [
        (at, m) for at, m in speakers_before(doc, token.idx) if _compatible(doc, m, number, gender)
    ]
    kinds = {"person", "group"}
    if number in ("n", "p"):
        kinds |= {"seat", "igo", "country", "capital"}
    elif doc.lang_ == "fr":
        kinds |= {"seat", "igo"}
    # Who is named inside what someone said ("X said that Y had no mandate. « ... », she
    # added") is not who goes on speaking.
    said = doc.user_data.get("selon_reported", []) + doc.user_data.get("selon_quote_marks", [])
    before = [
        m
        for m in doc._.selon_actors or []
        if m.end <= token.idx
        and m.kind in kinds
        and _compatible(doc, m, number, gender)
        and not _possessed(doc, m)
        and not span_containing(m.start, [s for s in said if not s[0] <= token.idx < s[1]])
    ]
    # "un responsable du Hamas": the one person the phrase names, not the body inside it.
    people = [
        o
        for o in before
        if o.kind == "person" or fold(doc[o.head].lemma_) in attribution_uses(doc.lang_, "person")
    ]
    before = [
        m
        for m in before
        if not any(
            o.start <= m.start and m.end <= o.end and (o.start, o.end) != (m.start, m.end)
            for o in people
        )
    ]
    subjects = [m for m in before if _is_subject(doc, m)]
    candidates += [(m.start, m) for m in subjects or before[-1:]]
    if not candidates:
        return None
    return max(candidates, key=lambda item: item[0])[1]


#: How a noun hangs on another noun as its complement ("le chef | de la CFDT").
COMPLEMENT_DEPS = {"nmod", "pobj", "poss", "nmod:poss"}


def _is_subject(doc: Doc, mention: ActorMention) -> bool:
    """A mention that is a subject, or opens its sentence before a verb (the parser sometimes
    cuts "Le Premier ministre | Irakli Kobakhidzé a écarté..."), or is the name apposed to a
    title that opens it ("Le maire de Kherson, Roman Mrotchko, est sorti...")."""
    head = doc[mention.head]
    if head.dep_ in COMPLEMENT_DEPS and not mention.start <= head.head.idx < mention.end:
        return False  # "le numéro un de la CFDT": the subject is the one who heads it
    chain = [head, *list(head.ancestors)[:2]]
    if any(t.dep_ in SUBJECT_DEPS for t in chain):
        return True
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or span.end >= len(doc):
        return False
    opening = doc[head.sent.start : span.start]
    if (
        len(opening) <= 3
        and all(t.pos_ in ("DET", "ADJ", "NOUN") for t in opening)
        and doc[span.end].pos_ in ("VERB", "AUX")
    ):
        return True
    if len(opening) <= 1 and all(t.pos_ == "DET" for t in opening) and doc[span.end].text == ",":
        # "Le M23, de son côté, administre...": the first verb after the aside has no subject
        verb = next((t for t in doc[span.end : span.end + 8] if t.pos_ in ("VERB", "AUX")), None)
        if verb is not None and not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
            return True
    after = span.end + 1 if doc[span.end].text == "," else span.end
    return (
        mention.kind == "person"
        and 2 <= len(opening) <= 8
        and opening[-1].text == ","
        and not any(t.pos_ in ("VERB", "AUX") or t.text in ".;:" for t in opening)
        and after < len(doc)
        and doc[after].pos_ in ("VERB", "AUX")
    )


#: Possessive determiners: "son bureau", "its statement" name something of someone else's.
POSSESSIVES: dict[str, dict[str, str]] = {
    "fr": {"son": "s", "sa": "s", "ses": "s", "leur": "p", "leurs": "p"},
    "en": {"his": "s", "her": "s", "its": "n", "their": "p"},
}


def _possessed(doc: Doc, mention: ActorMention) -> bool:
    """A mention opened by a possessive ("son bureau", "his office"): not an antecedent."""
    first = text_of(doc)[mention.start : mention.end].split()[:1]
    before = text_of(doc)[max(0, mention.start - 8) : mention.start].split()[-1:]
    return any(w.lower() in POSSESSIVES.get(doc.lang_, {}) for w in first + before)


def _pronoun_word(token: Token) -> str | None:
    """The speaker pronoun a token is ("-t-il" -> "il", "She" -> "she"), else None."""
    if token.lower_ in ("-t", "-t-", "t") and token.i + 1 < len(token.doc):
        token = token.doc[token.i + 1]  # "a-t-elle": the parser may take "-t" as the subject
    text = token.lower_.strip("-").replace("t-", "")
    return text if text in SPEAKER_PRONOUNS.get(token.doc.lang_, {}) else None


def _non_finite(verb: Token) -> bool:
    """A participle, gerund or infinitive with no auxiliary: it has no subject of its own."""
    if any(c.dep_.startswith("aux") for c in verb.children):
        return False
    forms = set(verb.morph.get("VerbForm", []))
    return bool(forms & {"Inf", "Ger", "Part"}) or verb.tag_ in ("VBG", "VBN", "VB")


def _clause_with_subject(verb: Token, skip: tuple[int, int]) -> tuple[Token, list[Token]]:
    """The verb whose subject a reporting verb shares, and that subject: a participle or an
    infinitive takes its governor's ("affirmant que", "saying", "pour demander à être reçue"),
    so does a verb coordinated with another ("a confirmé ... et a ajouté")."""
    clause = verb
    for _ in range(4):
        subjects = [
            c for c in clause.children if c.dep_ in SUBJECT_DEPS and not skip[0] <= c.idx < skip[1]
        ]
        if subjects or any(c.dep_ in AGENT_DEPS for c in clause.children):
            return clause, subjects
        if skip[0] <= clause.head.idx < skip[1] or (clause.dep_ == "conj" and inverted(clause)):
            return clause, subjects  # never into the quote: ", a écrit X" is no conjunct of it
        if clause.head is not clause and clause.head.pos_ in ("NOUN", "PROPN") and _gerund(clause):
            # "exigé sa « libération », dénonçant une « vengeance »": the participle hangs on
            # a noun; its subject is that of the noun's verb.
            clause = clause.head
            while clause.head is not clause and clause.pos_ not in ("VERB", "AUX"):
                clause = clause.head
            continue
        if clause.head is clause or clause.head.pos_ not in ("VERB", "AUX"):
            return clause, subjects
        if (
            clause.dep_ == "conj"
            and reporting_lemma(clause)
            and clause.head.dep_ == "ccomp"
            and reporting_lemma(clause.head.head)
        ):
            # "a affirmé que ces attaques visaient ... et a promis": the parser joins the
            # second reporting verb to the reported clause; it shares the first one's subject.
            clause = clause.head.head
            continue
        if clause.dep_ == "xcomp":
            objects = [c for c in clause.head.children if c.dep_ in ("obj", "dobj")]
            if objects and objects[0].i < clause.i:
                return clause.head, objects[:1]  # "prompting Tehran to announce"
        if clause.dep_ in ("conj", "xcomp") or (
            clause.dep_ in ("advcl", "acl", "ccomp", "parataxis") and _non_finite(clause)
        ):
            clause = clause.head
            continue
        return clause, subjects
    return clause, []


def _gerund(verb: Token) -> bool:
    """A present participle or gerund: "affirmant", "saying"."""
    return verb.tag_ == "VBG" or (
        "Part" in verb.morph.get("VerbForm", []) and "Pres" in verb.morph.get("Tense", [])
    )


def _antecedent(subject: Token) -> Token | None:
    """What a relative pronoun stands for: "le gouverneur, qui a fait état de..."; an actor
    named right before ", qui" when the parser hung the clause on a noun whose number the verb
    does not agree with ("une médiation d'Oman, selon les houthis, qui affirment...")."""
    doc = subject.doc
    clause = subject.head
    while clause.dep_ == "conj" and clause.head is not clause:
        clause = clause.head
    parsed = None
    if clause.dep_ in ("acl:relcl", "relcl", "acl") and clause.head.pos_ in ("NOUN", "PROPN"):
        parsed = clause.head
    mentions: list[ActorMention] = doc._.selon_actors or []
    comma = doc[subject.i - 1] if subject.i > 0 else None
    if comma is not None and comma.text == "," and comma.i > 0:
        named = next((m for m in mentions if m.start <= doc[comma.i - 1].idx < m.end), None)
        agrees = (
            parsed is None
            or any(m.start <= parsed.idx < m.end for m in mentions)
            or not clause.morph.get("Number", [])
            or not parsed.morph.get("Number", [])
            or parsed.morph.get("Number", []) == clause.morph.get("Number", [])
        )
        if named is not None and not agrees:
            return doc[named.head]
    if parsed is not None:
        return parsed
    return None if subject.lower_ != "that" else subject


def _apposed(doc: Doc, token: Token) -> ActorMention | None:
    """A person named in apposition to a subject: "Le médiateur ..., Dmytro Loubinets, a
    prévenu", "Jean-Luc Melenchon, the leader of ..., went further"."""
    mentions: list[ActorMention] = doc._.selon_actors or []
    text = text_of(doc)
    for child in [token, *(c for c in token.children if c.dep_ == "appos")]:
        for mention in mentions:
            if mention.kind == "person" and mention.start <= child.idx < mention.end:
                return mention
    region = list(token.subtree)
    for mention in mentions:
        if (
            mention.kind == "person"
            and region[0].idx < mention.start <= region[-1].idx
            # ", Name" or ", l'ayatollah Name": an apposition, maybe with a title of its own
            and re.search(r",\s*(?:[\w'’-]+\s+){0,2}$", text[: mention.start]) is not None
        ):
            return mention
    return None


def speaker_of(verb: Token, skip: tuple[int, int] = (0, 0)) -> ActorMention | None:
    """The subject of a reporting verb, as an actor given as first written in full (pronouns
    resolved to the last compatible speaker or person). ``skip`` is the span of the quote the
    verb reports: nothing inside it is the speaker."""
    found = _subject_actor(verb, skip)
    return canonical_speaker(verb.doc, found) if found is not None else None


def _subject_actor(verb: Token, skip: tuple[int, int]) -> ActorMention | None:
    doc = verb.doc
    clause, parsed = _clause_with_subject(verb, skip)
    resolved = [_antecedent(s) if s.lower_ in RELATIVE_PRONOUNS else s for s in parsed]
    # The nearest subject first: "The rounds hit the sites, witnesses said" may come with
    # the clause taken for a second subject.
    # "Samedi, une marche avait réuni...": a day taken for the subject is no one.
    subjects = sorted(
        (s for s in resolved if s is not None and fold(s.lower_) not in TIME_WORDS),
        key=lambda s: abs(s.i - verb.i),
    )
    for subject in subjects:
        word = _pronoun_word(subject)
        if word is not None:
            return _incise_host(doc, clause, subject) or resolve_speaker_pronoun(doc, subject, word)
        latter = _latter(doc, subject)
        if latter is not None:
            return latter
        if subject.lower_.strip("-") == "on":
            # "a-t-on appris auprès de l'état-major", "À l'Élysée, on assurait que...": the
            # body it was learnt from, else the one named at the head of the clause.
            return _learnt_from(doc, clause) or _opening_mention(doc, clause)
        found = _apposed(doc, subject) or _actor_of(doc, subject)
        if found is not None:
            return found
    for subject in subjects:
        if fold(subject.lower_) in attribution_uses(doc.lang_, "document"):
            # "the statement said", "le communiqué précise", "its statement read": who issued it.
            issuer = (
                _issuer(doc, subject)
                or _document_owner(doc, subject)
                or _document_maker(doc, subject)
                or _last_body_speaker(doc, subject.idx)
            )
            if issuer is not None:
                return issuer
        found = phrase_actor(doc, subject) or _words_actor(doc, subject)
        if found is not None:
            return found
    agents = [c for c in clause.children if c.dep_ in AGENT_DEPS]
    for agent in agents:  # "rebaptisé « loi russe » par ses détracteurs"; "by X"
        noun = next((c for c in agent.children if c.dep_ == "pobj"), agent)
        found = actor_at(doc, noun) or phrase_actor(doc, noun)
        if found is not None:
            return found
    if subjects:
        return None
    return _unparsed_subject(doc, clause, skip)


def _document_owner(doc: Doc, document: Token) -> ActorMention | None:
    """Whose document "its statement", "son communiqué" is: the one the possessive takes up."""
    for child in document.children:
        number = POSSESSIVES.get(doc.lang_, {}).get(child.lower_)
        if number is not None and child.i < document.i:
            found = _antecedent_speaker(doc, child, number, None)
            return canonical_speaker(doc, found) if found is not None else None
    return None


def _document_maker(doc: Doc, document: Token) -> ActorMention | None:
    """Who made a document named before as an object ("the board passed a resolution ...
    The resolution urges"): the subject of that verb, in the last ``TITLE_LOOKBACK``
    characters."""
    for token in reversed(doc[: document.i]):
        if document.idx - token.idx > TITLE_LOOKBACK:
            return None
        if token.lemma_.lower() != document.lemma_.lower() or token.dep_ not in ("obj", "dobj"):
            continue
        verb = token.head
        for subject in (c for c in verb.children if c.dep_ in SUBJECT_DEPS):
            found = _apposed(doc, subject) or _actor_of(doc, subject)
            if found is not None and found.kind not in ("demonym", "place"):
                return canonical_speaker(doc, found)
        return None
    return None


def _latter(doc: Doc, subject: Token) -> ActorMention | None:
    """ "cette dernière a annoncé", "the latter said": the last actor named before."""
    words = attribution_uses(doc.lang_, "latter")
    following = doc[subject.i + 1] if subject.i + 1 < len(doc) else subject
    if fold(subject.lower_) not in words and not (
        subject.pos_ in ("DET", "PRON") and fold(following.lower_) in words
    ):
        return None
    before = [
        m
        for m in doc._.selon_actors or []
        if m.end <= subject.idx and m.kind not in ("demonym", "place")
    ]
    return canonical_speaker(doc, before[-1]) if before else None


def _incise_host(doc: Doc, verb: Token, pronoun: Token) -> ActorMention | None:
    """The pronoun of an incise inside a sentence about someone takes up that sentence's
    subject: "cette dernière avait annoncé ..., afin, disait-elle, de « ... »"."""
    host = verb.head
    if host is verb or host.pos_ not in ("VERB", "AUX") or not inverted(verb):
        return None
    subjects = [c for c in host.children if c.dep_ in SUBJECT_DEPS and c.i < verb.i]
    if not subjects or _pronoun_word(subjects[0]) is not None:
        return None
    gender = pronoun.morph.get("Gender", [])
    theirs = subjects[0].morph.get("Gender", [])
    if gender and theirs and gender != theirs:
        return None
    return _latter(doc, subjects[0]) or _actor_of(doc, subjects[0])


#: How a word may hang on a subject and still name it: "le gouvernement ukrainien", "Russia's
#: foreign ministry", "Jean-Luc Melenchon, the leader of ...".
NAMING_DEPS = {"amod", "compound", "flat", "flat:name", "appos", "poss", "nmod:poss", "nmod"}


def _actor_of(doc: Doc, subject: Token) -> ActorMention | None:
    """The actor a subject names, if the mention ``actor_at`` finds is the subject itself or
    a word that names it; a mention met deeper ("Reporters sans frontières et le Comité
    pour la protection des journalistes") or after another preposition ("le numéro un de la
    CFDT sur France Inter") is not it. A name whose apposition is the actor keeps its name
    ("Jean-Luc Melenchon, the leader of ...")."""
    found = actor_at(doc, subject)
    if found is None or found.start <= subject.idx < found.end:
        return found
    if found.kind == "person" and fold(subject.lemma_) in attribution_uses(doc.lang_, "anaphor"):
        return None  # "Joseph Kamau, the ministry said": the ministry is no title of his
    if found.head == subject.i:
        return found
    head = doc[found.head]
    link = next((t for t in [head, *head.ancestors] if t.head.i == subject.i), None)
    if link is None or link.dep_ not in NAMING_DEPS or (link is not head and link.dep_ != "appos"):
        return None
    case = [c.lower_ for c in link.children if c.dep_ in ("case", "prep")]
    if link.dep_ == "nmod" and case and case[0] not in ("de", "du", "des", "d'", "d’", "of"):
        return None
    if link.dep_ == "appos" and subject.pos_ == "PROPN":
        named = phrase_actor(doc, subject)
        if named is not None:
            actor = found.actor.model_copy(
                update={"name": named.actor.name, "start": named.start, "end": named.end}
            )
            return ActorMention(named.start, named.end, actor, "person", subject.i)
    return found


def _learnt_from(doc: Doc, verb: Token) -> ActorMention | None:
    for token in doc[verb.i + 1 : min(verb.i + 4, verb.sent.end)]:
        if token.lower_ in ("auprès", "from", "de"):
            for noun in doc[token.i + 1 : min(token.i + 5, verb.sent.end)]:
                if noun.pos_ in ("NOUN", "PROPN"):
                    return actor_at(doc, noun) or phrase_actor(doc, noun)
    return None


def _opening_mention(doc: Doc, verb: Token) -> ActorMention | None:
    start = max(sentence_start(verb), text_of(doc).rfind("\n", 0, verb.idx) + 1)
    before = [
        m
        for m in doc._.selon_actors or []
        if start <= m.start and m.end <= verb.idx and m.kind != "demonym"
    ]
    return before[0] if before else None


def _last_body_speaker(doc: Doc, offset: int) -> ActorMention | None:
    for _, spoke in reversed(speakers_before(doc, offset)):
        if spoke.kind != "person":
            return spoke
    return None


def _words_actor(doc: Doc, subject: Token) -> ActorMention | None:
    """A subject no lexicon knows and that is not a noun, kept by its words: "one of them",
    "l'un d'eux"."""
    if subject.pos_ not in ("NUM", "PRON") or subject.lower_ in RELATIVE_PRONOUNS:
        return None
    region = list(subject.subtree)
    if len(region) < 2 or len(region) > 6:
        return None
    start, end = region[0].idx, region[-1].idx + len(region[-1])
    name = text_of(doc)[start:end]
    actor = Actor(name=name, country=None, sector=None, code=None, role=None, start=start, end=end)
    return ActorMention(start, end, actor, "phrase", subject.i)


def _unparsed_subject(doc: Doc, verb: Token, skip: tuple[int, int]) -> ActorMention | None:
    """No subject in the parse: a mention opening the clause ("Moscou, de son côté, affirme"),
    else an inverted subject after the verb ("a expliqué le porte-parole, X"), else an
    inverted pronoun ("a-t-il dit")."""
    mentions: list[ActorMention] = [
        m for m in doc._.selon_actors or [] if not skip[0] <= m.start < skip[1]
    ]
    text = text_of(doc)
    clause_start = max(sentence_start(verb), text.rfind("\n", 0, verb.idx) + 1)
    before = [m for m in mentions if clause_start <= m.start and m.end <= verb.idx]
    before = [m for m in before if not _after_preposition(doc, m) and m.kind != "demonym"]
    near = bool(before) and _near(text[before[-1].end : verb.idx])
    if near and not inverted(verb):
        return before[-1]
    for token in doc[verb.i + 1 : min(verb.i + 3, verb.sent.end)]:
        word = _pronoun_word(token)
        if word is not None:
            return resolve_speaker_pronoun(doc, token, word)
    end = min(verb.sent.end_char, verb.idx + INVERTED_REACH)
    newline = text.find("\n", verb.idx)
    end = min(end, newline) if newline >= 0 else end
    objects = [
        c.idx
        for c in verb.children
        if c.dep_ in ("obj", "dobj", "iobj")
        # "a annoncé le gouverneur X": the title parsed as an object is the subject's
        and not any(m.head == c.i or m.start <= c.idx < m.end for m in mentions)
    ]
    # A subject after its verb: an incise (", a annoncé le gouverneur X") or a verb that opens
    # its clause ("Ont témoigné des habitants"); else what follows is its object.
    opening = doc.char_span(clause_start, verb.idx, alignment_mode="contract") or ()
    # "« Une marche » avait réuni des milliers de personnes": no incise, the mark is a subject's.
    incise = inverted(verb) and (
        reporting_lemma(verb) is not None or _mark_before(verb).text not in QUOTE_MARKS
    )
    after_verb = incise or all(
        t.pos_ in ("AUX", "ADV", "PUNCT", "SPACE", "CCONJ") or t.dep_.startswith("aux")
        for t in opening
    )
    for mention in mentions:
        if (
            after_verb
            and verb.idx < mention.start < end
            and not _after_preposition(doc, mention)
            and mention.kind != "demonym"
            # "a exigé la démission du Premier ministre X": X is in the object, not the subject
            and not any(at < mention.start for at in objects)
        ):
            return mention
    if near:
        return before[-1]
    if incise:
        # "a indiqué le département d'État dans un communiqué": a body no lexicon knows.
        particles = _phrasal_verbs(doc.lang_).get(verb.lemma_.lower(), ())
        for token in doc[verb.i + 1 : min(verb.i + 6, verb.sent.end)]:
            if fold(token.lower_) in TIME_WORDS or token.lemma_.lower() in particles:
                continue  # "a annoncé hier soir le ministère": when, not who; "fait savoir"
            if token.pos_ in ("NOUN", "PROPN") and not skip[0] <= token.idx < skip[1]:
                return phrase_actor(doc, token)
            if token.pos_ not in ("DET", "ADV"):
                break
    return None


#: Words for a time of day or a day: "a annoncé hier soir X", "said on Monday evening".
TIME_WORDS = {
    "hier", "aujourd'hui", "matin", "soir", "midi", "nuit", "soiree", "matinee", "journee",
    "yesterday", "today", "tonight", "morning", "evening", "night", "afternoon",
    *WEEKDAYS_FR, *WEEKDAYS_EN,
}  # fmt: skip


def _near(gap: str) -> bool:
    """Whether a subject stands near enough its verb: within ``BEFORE_REACH`` characters, or
    with an apposition between ("Une source au sein du SBU, le service de sécurité ukrainien,
    a toutefois indiqué")."""
    return len(gap) < BEFORE_REACH or (
        re.fullmatch(r",[^,.;:«»\"]{1,80},\s*(?:[\w'’-]+\s+){0,3}", gap) is not None
    )


def sentence_start(token: Token) -> int:
    """Where a token's sentence starts, joining a sentence the parser cut after a word that
    does not end one ("Moscou | , de son côté, affirme")."""
    sent = token.sent
    while sent.start > 0:
        last = token.doc[sent.start - 1]
        if last.text in (".", "!", "?", "»", "”", '"', ":", ";") or "\n" in last.text_with_ws:
            break
        sent = token.doc[sent.start - 1].sent
    return sent.start_char


def _after_preposition(doc: Doc, mention: ActorMention) -> bool:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    previous = doc[span.start - 1]
    if previous.pos_ == "DET" and span.start > 1:
        previous = doc[span.start - 2]
    return previous.pos_ == "ADP" and previous.lower_ not in ("selon", "according")


# --- speakers as first written in full -----------------------------------------------------------


def canonical_speaker(doc: Doc, mention: ActorMention) -> ActorMention:
    """A speaker as first written in full: an apposed or following name for a title, the
    holder named earlier for a bare title, the full name for an acronym, the organisation
    named before for "le mouvement" / "the agency"; a body keeps the acronym written with
    its name ("Bureau de coordination des affaires humanitaires de l'ONU (OCHA)")."""
    found = _in_full(doc, mention)
    if found is mention:
        found = _with_body(doc, mention)
    return _with_acronym(doc, found)


def _with_body(doc: Doc, mention: ActorMention) -> ActorMention:
    """A word for one person kept with the body it speaks for: "a spokesperson | for the
    United Nations" is "spokesperson for the United Nations"."""
    if mention.kind not in ("group", "phrase") or fold(doc[mention.head].lemma_) not in (
        attribution_uses(doc.lang_, "person")
    ):
        return mention
    text = text_of(doc)
    link = re.match(r"\s+(?:for|of|with)\s+", text[mention.end :])
    if link is None:
        return mention
    at = mention.end + link.end()
    body = next(
        (
            m
            for m in doc._.selon_actors or []
            if m.kind in BODY_KINDS and m.kind != "phrase" and at <= m.start <= at + 4
        ),
        None,
    )
    if body is None or re.search(r"[,.;:]", text[at : body.start]):
        return mention
    actor = mention.actor.model_copy(update={"name": text[mention.start : body.end]})
    return ActorMention(mention.start, body.end, actor, mention.kind, mention.head)


#: An acronym given with a body's name: "Full Name (OCHA)", "the U.N. office, OCHA, said".
GIVEN_ACRONYM_RE = re.compile(r"\s*\(([A-Z][A-Za-z0-9&-]{1,9})\)|,\s*([A-Z][A-Z0-9&-]{1,9}),")


def _with_acronym(doc: Doc, mention: ActorMention) -> ActorMention:
    if mention.kind in ("person", "country", "capital", "demonym", "place"):
        return mention
    text = text_of(doc)
    given = GIVEN_ACRONYM_RE.match(text, mention.end)
    if given is None or not ACRONYM_RE.fullmatch(given.group(1) or given.group(2)):
        return mention
    acronym = given.group(1) or given.group(2)
    if acronym in mention.actor.name.split():
        return mention
    name = f"{mention.actor.name} ({acronym})"
    actor = mention.actor.model_copy(update={"name": name})
    return ActorMention(mention.start, mention.end, actor, mention.kind, mention.head)


def _in_full(doc: Doc, mention: ActorMention) -> ActorMention:
    if mention.kind in ("group", "phrase"):
        principal = _principal(doc, mention)
        if principal is not None:
            return principal
        person = prefer_person(doc, mention)
        if person is not mention:
            return person
        named = _name_after_title(doc, mention)
        if named is not None:
            return named
        mention = _cut_name(doc, mention)
        found = (
            _same_title(doc, mention)
            or _title_holder(doc, mention)
            or _leader(doc, mention)
            or _anaphor_body(doc, mention)
            or _last_person_speaker(doc, mention)
            or _leader_named_after(doc, mention)
        )
        if found is not None:
            return found
    if ACRONYM_RE.fullmatch(mention.actor.name):
        return _expanded(doc, mention) or mention
    last = mention.actor.name.split()[-1] if mention.actor.name.split() else ""
    if mention.kind in ("group", "phrase") and ACRONYM_RE.fullmatch(last):
        # "l'agence officielle IRNA": the body's own name is the acronym.
        end = mention.end
        start = end - len(last)
        if text_of(doc)[start:end] == last:
            actor = mention.actor.model_copy(update={"name": last, "start": start})
            return ActorMention(start, end, actor, mention.kind, mention.head)
    return mention


def _principal(doc: Doc, mention: ActorMention) -> ActorMention | None:
    """Who "his spokesman", "son porte-parole" speaks for, when no name follows: the one the
    possessive takes up ("Guterres condemned the attack, his spokesman said")."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or len(span) > 3 or span.start == len(doc):
        return None
    number = POSSESSIVES.get(doc.lang_, {}).get(span[0].lower_)
    if number is None or fold(doc[mention.head].lemma_) not in attribution_uses(
        doc.lang_, "person"
    ):
        return None
    if _name_after_title(doc, mention) is not None:
        return None
    found = _antecedent_speaker(doc, span[0], number, None)
    return canonical_speaker(doc, found) if found is not None and found is not mention else None


#: Prepositions that end a speaker's noun phrase: what follows says where or how it spoke
#: ("le président ukrainien | sur X", "the minister | on Tuesday"), not who it is.
CUT_PREPOSITIONS = {
    "sur", "dans", "en", "lors", "depuis", "après", "avant", "devant", "via", "sous",
    "on", "in", "at", "during", "after", "before", "from",
}  # fmt: skip


def _cut_name(doc: Doc, mention: ActorMention) -> ActorMention:
    """A body's name cut where its noun phrase ends: at a comma, a parenthesis or a
    preposition that does not say whose it is."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    head = doc[mention.head]
    if span is None or not span.start <= head.i < span.end:
        return mention
    for token in span[head.i - span.start + 1 :]:
        if (token.pos_ == "ADP" and token.lower_ in CUT_PREPOSITIONS) or token.text in (
            ",",
            ";",
            "(",
        ):
            end = len(text_of(doc)[: token.idx].rstrip())
            if end <= mention.start:
                return mention
            name = text_of(doc)[mention.start : end]
            actor = mention.actor.model_copy(update={"name": name, "end": end})
            return ActorMention(mention.start, end, actor, mention.kind, mention.head)
    return mention


def _leader(doc: Doc, mention: ActorMention) -> ActorMention | None:
    """The person a "chef du Kremlin", "dirigeant nord-coréen", "Kremlin leader" names: the
    last person of that country (and sector) named before; "le chef de l'État", of no
    country, is the last person of its sector who spoke or acted."""
    if fold(doc[mention.head].lower_) not in attribution_uses(doc.lang_, "leader"):
        return None
    country = mention.actor.country
    if country is None:
        if mention.actor.sector is None or _mentions_in(doc, mention):
            return None
        spoke = [m for _, m in speakers_before(doc, mention.start)]
        acted = [
            m
            for m in doc._.selon_actors or []
            if m.end <= mention.start and (_is_subject(doc, m) or any(m is s for s in spoke))
        ]
        heads = [
            m
            for m in acted
            if m.kind == "person"
            and m.actor.sector == mention.actor.sector
            and mention.start - m.start <= TITLE_LOOKBACK
        ]
        return heads[-1] if heads else None
    persons = [
        m
        for m in doc._.selon_actors or []
        if m.kind == "person"
        and m.end <= mention.start
        and m.actor.country == country
        and m.actor.sector in (mention.actor.sector, None, "GOV")
    ]
    return persons[-1] if persons else None


#: How far after "the head of the U.N. nuclear watchdog" its holder may be named (characters).
LEADER_LOOKAHEAD = 600


def _leader_named_after(doc: Doc, mention: ActorMention) -> ActorMention | None:
    """A head of a body named by title only, in an article's opening ("The head of the U.N.
    nuclear watchdog warned ..."), and by name just after: the first person of the same
    sector (and country) named within ``LEADER_LOOKAHEAD`` characters, when none was before."""
    if fold(doc[mention.head].lower_) not in attribution_uses(doc.lang_, "leader"):
        return None
    article = re.search(r"(\w+)['’]?\s*$", text_of(doc)[max(0, mention.start - 6) : mention.start])
    if article is None or fold(article.group(1)) not in ("the", "le", "la", "l"):
        return None  # "a civil society leader" is someone else
    if mention.actor.sector is None or any(m.kind == "person" for m in _mentions_in(doc, mention)):
        return None
    persons = [m for m in doc._.selon_actors or [] if m.kind == "person"]
    if any(m.end <= mention.start for m in persons):
        return None
    for other in persons:
        if (
            mention.end <= other.start <= mention.end + LEADER_LOOKAHEAD
            and other.actor.sector == mention.actor.sector
            and other.actor.country in (mention.actor.country, None)
        ):
            return other
    return None


def _last_person_speaker(doc: Doc, mention: ActorMention) -> ActorMention | None:
    """ "The official", "le responsable": the last one who spoke and is a person, or a group
    named by a word for one person ("a senior official")."""
    words = text_of(doc)[mention.start : mention.end].split()
    head = fold(doc[mention.head].lemma_)
    if len(words) > 3 or head not in attribution_uses(doc.lang_, "person"):
        return None
    article = re.search(r"(\w+)['’]?\s*$", text_of(doc)[max(0, mention.start - 6) : mention.start])
    if article is None or fold(article.group(1)) not in ("the", "le", "la", "l"):
        return None
    for _, spoke in reversed(speakers_before(doc, mention.start)):
        if spoke.kind == "person" or fold(doc[spoke.head].lemma_) in attribution_uses(
            doc.lang_, "person"
        ):
            return spoke
    return None


def _name_after_title(doc: Doc, mention: ActorMention) -> ActorMention | None:
    """A person named right after a title, without a comma: "le lieutenant-colonel Guillaume
    Ndjike Kaiko", "la porte-parole de Nikol Pachinian, Nazeli Baghdassarian", or with a
    title of their own after the comma ("le porte-parole de l'armée, le colonel Olivier Rey")."""
    text = text_of(doc)
    for other in doc._.selon_actors or []:
        if other.kind not in ("person", "seat", "igo") or not (
            mention.end <= other.start <= mention.end + 25
        ):
            continue
        if other.kind != "person" and text[mention.end : other.start].strip():
            continue  # "l'agence officielle nord-coréenne KCNA": the name right after
        gap = text[mention.end : other.start]
        between = doc.char_span(mention.end, other.start, alignment_mode="contract")
        if "\n" in gap or any(t.pos_ in ("VERB", "AUX") for t in between or ()):
            continue  # "the leaders of the unions sent Macron a letter"
        if (
            (len(gap) <= 12 and re.fullmatch(r"[\s,]*(?:-?\w+)?[\s,]*", gap))
            or re.fullmatch(r",\s*(?:le|la|l['’]|the)\s*[\w-]+\s+", gap)
            # "European Commissioner for Enlargement Marta Kos": a capitalised portfolio
            or re.fullmatch(r"\s+(?:for|of)\s+(?:(?:and\s+)?[A-Z][\w'’-]*\s+){1,4}", gap)
        ):
            return other
    return None


def _title_words(doc: Doc, mention: ActorMention) -> tuple[str, ...]:
    found = re.findall(r"\w+", fold(text_of(doc)[mention.start : mention.end]))
    while found and found[0] in ("the", "le", "la", "l", "les", "a", "an", "un", "une"):
        found = found[1:]
    return tuple(found)


def _same_title(doc: Doc, mention: ActorMention) -> ActorMention | None:
    """A title written again as it was first written with a name ("Iran's top diplomat,
    Abbas Araghchi, ... Iran's top diplomat said"): the person named with it then."""
    own = _title_words(doc, mention)
    if len(own) < 2:
        return None
    for other in reversed(doc._.selon_actors or []):
        if (
            other.end <= mention.start
            and other.kind in ("group", "phrase")
            and mention.start - other.start <= TITLE_LOOKBACK
            and _title_words(doc, other) == own
        ):
            named = _name_after_title(doc, other)
            if named is not None and named.kind == "person":
                return named
    return None


@lru_cache(maxsize=4096)
def _content_words(text: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"\w+", fold(text)) if len(w) > 2) - {
        "les",
        "des",
        "the",
        "and",
        "une",
        "son",
        "sa",
        "ses",
        "its",
        "his",
        "her",
    }


def _title_holder(doc: Doc, mention: ActorMention) -> ActorMention | None:
    """The person who holds a bare title ("le président ukrainien", "le ministre de
    l'Intérieur", "le numéro un de la CFDT"), named before it: the last person whose title
    has the same first word and nothing the bare title does not say, or who shares a named
    body with it, in a compatible country."""
    role = mention.actor.role or doc[mention.head].text
    inside = _mentions_in(doc, mention)
    if not role.split() or any(m.kind == "person" for m in inside):
        return None  # "la porte-parole de Nikol Pachinian" is not Nikol Pachinian
    text = text_of(doc)
    own = text[mention.start : mention.end]
    head = fold(role.split()[0])
    described = {
        w
        for m in inside
        if m.kind in ("demonym", "country")
        for w in _content_words(text[m.start : m.end])
    }
    extra = _content_words(own) - {head} - described
    named = {fold(w) for w in re.findall(r"\b[A-Z][\w-]+", own[1:])} - {"premier", "prime"}
    last = fold(role.split()[-1])
    best: ActorMention | None = None
    for other in doc._.selon_actors or []:
        if other.kind != "person" or other.start >= mention.start:
            continue
        if mention.start - other.start > TITLE_LOOKBACK:
            continue
        title = _role(doc, other)
        theirs_country = other.actor.country
        counterpart = _counterpart(doc, other)
        if counterpart is not None:  # "his Latvian counterpart, X": a defence minister
            title, theirs_country = counterpart[0], counterpart[1] or theirs_country
        if title is None:
            continue
        title = _plain_title(doc.lang_, title)
        country = mention.actor.country
        if country and theirs_country and country != theirs_country:
            continue
        theirs = _content_words(title)
        # The title's head comes first in French ("ministre de la Défense"), last in English
        # ("Defence Minister"); a rank it does not say is another title ("Prime Minister").
        heads = (fold(title.split()[0]), fold(title.split()[-1]) if doc.lang_ == "en" else "")
        same_title = (
            mention.actor.role is not None
            and (head == heads[0] or last == heads[1])
            and extra <= theirs
            and not (theirs & RANKS) - _content_words(own)
        )
        if same_title or (named and named & theirs):
            best = other
    return best


#: Words that make a title another one: "the minister" is not the "Prime Minister".
RANKS = {"premier", "prime", "vice", "deputy", "adjoint", "adjointe", "former", "ancien"}


def _role(doc: Doc, person: ActorMention) -> str | None:
    """A person's title: the one the actor carries, else a title apposed before the name
    ("Le ministre de la Défense, Paul Girard") or after it ("Paul Girard, le ministre...")."""
    if person.actor.role is not None:
        return person.actor.role
    text = text_of(doc)
    for other in doc._.selon_actors or []:
        if other.kind != "group":
            continue
        # "Poland's top diplomat, X": a title written another way is a title too
        role = other.actor.role
        if (
            role is None
            and _plain_title(doc.lang_, text[other.start : other.end])
            != (text[other.start : other.end])
        ):
            role = text[other.start : other.end]
        if role is None:
            continue
        before = text[other.end : person.start]
        after = text[person.end : other.start]
        if (0 <= len(before) <= 3 and before.strip() == ",") or re.fullmatch(
            r",\s*(?:the|le|la|l['’])?\s*", after
        ):
            return role
    return None


#: "son homologue égyptien, X", "his Iraqi counterpart, X": a possessive, a counterpart word
#: (the ``counterpart`` rows) with a demonym before or after it, then the name.
COUNTERPART_RE = re.compile(
    r"\b(?:his|her|their|son|sa|leur)\s+((?:[\w-]+\s+){0,2}[\w-]+)\s*,?\s*$", re.I
)


def _counterpart(doc: Doc, person: ActorMention) -> tuple[str, str | None] | None:
    """The title and country of a person named as someone's counterpart ("Pete Hegseth met
    his Iraqi counterpart, X"): the title of the last person named before with one, and the
    country of the demonym beside the counterpart word."""
    text = text_of(doc)
    lead = max(0, person.start - 60)
    found = COUNTERPART_RE.search(text[lead : person.start])
    words = attribution_uses(doc.lang_, "counterpart")
    if found is None or not any(fold(w) in words for w in found.group(1).split()):
        return None
    start = lead + found.start()
    mentions = doc._.selon_actors or []
    country = next(
        (
            m.actor.country
            for m in mentions
            if m.kind == "demonym" and start <= m.start < person.start
        ),
        None,
    )
    for other in reversed(mentions):
        if other.kind != "person" or other.end > start or start - other.end > 200:
            continue
        if other.actor.role is not None:
            return other.actor.role, country
    return None


def _mentions_in(doc: Doc, mention: ActorMention) -> list[ActorMention]:
    return [
        m
        for m in doc._.selon_actors or []
        if mention.start <= m.start and m.end <= mention.end and m is not mention
    ]


def _anaphor_body(doc: Doc, mention: ActorMention) -> ActorMention | None:
    """The organisation "le mouvement", "l'agence", "the agency" takes up: the last one named
    before whose name has that noun, else the last one of a fitting sector that spoke or
    acted."""
    noun = fold(doc[mention.head].lower_)
    use, sectors = attribution_words(doc.lang_).get(noun, ("", frozenset()))
    words = text_of(doc)[mention.start : mention.end].split()
    if use != "anaphor" or len(words) > 3 or any(w[:1].isupper() for w in words[1:]):
        return None  # "l'Agence nationale d'information" has a name of its own
    if _mentions_in(doc, mention) or any(
        fold(w) in ("de", "du", "des", "d", "of") or w[:2] in ("d'", "d’") for w in words[1:]
    ):
        return None  # "Iran's foreign ministry", "le ministère de l'Intérieur": named
    quoted: list[tuple[int, int]] = doc.user_data.get("selon_quote_marks", [])
    named = [
        m
        for m in doc._.selon_actors or []
        if m.end <= mention.start and _named_body(doc, m) and not span_containing(m.start, quoted)
    ]
    with_noun = [m for m in named if noun in fold(text_of(doc)[m.start : m.end])]
    if with_noun:
        return with_noun[-1]
    fitting = [m for m in named if m.actor.sector in sectors]
    spoke = [
        (at, m)
        for at, m in speakers_before(doc, mention.start)
        if m.actor.sector in sectors and _named_body(doc, m)
    ]
    acted = [(m.start, m) for m in fitting if _is_subject(doc, m)]
    candidates = [(at, m) for at, m in spoke + acted if fold(doc[m.head].lower_) != noun]
    return max(candidates, key=lambda item: item[0])[1] if candidates else None


def _named_body(doc: Doc, mention: ActorMention) -> bool:
    """An organisation named by a proper name ("le Hezbollah", "Bureau de coordination ...
    de l'ONU"), not a common noun ("nos combattants")."""
    if mention.kind in ("seat", "igo", "capital", "country"):
        return True
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return (
        mention.kind == "group"
        and span is not None
        and any(t.pos_ == "PROPN" and t.text[:1].isupper() for t in span)
    )


def _expanded(doc: Doc, mention: ActorMention) -> ActorMention | None:
    """The full name an acronym abbreviates: written before it as "Full Name (ACRONYM)", else
    an earlier name whose capitalised words' initials end with it ("South Korea's Joint
    Chiefs of Staff" for "JCS")."""
    text = text_of(doc)
    acronym = mention.actor.name
    mentions: list[ActorMention] = doc._.selon_actors or []
    at = text.find(f"({acronym})")
    if 0 <= at < mention.start:
        for other in reversed(mentions):
            gap = text[other.end : at]
            if other.end > at or len(gap) > 40 or re.search(r"[.,;:()]", gap):
                continue
            if other.kind != "demonym":
                end = len(text[:at].rstrip())
                actor = other.actor.model_copy(update={"name": text[other.start : end], "end": end})
                return ActorMention(other.start, end, actor, other.kind, other.head)
    for other in reversed(mentions):
        if other.end > mention.start or other.kind in ("demonym", "person"):
            continue
        initials = "".join(w[0] for w in re.findall(r"\b[A-Z][\w'’-]*", other.actor.name))
        if len(initials) > 1 and initials.endswith(acronym) and initials != acronym:
            return other
    return None


# --- selon X ----------------------------------------------------------------------------------


def according_to_in(
    doc: Doc, start: int, end: int, skip: tuple[int, int] = (0, 0)
) -> ActorMention | None:
    """Who "selon X" / "d'après X" / "according to X" names between two offsets: a pronoun
    ("selon lui") is resolved, "ce dernier" is the last one named, a document ("selon les
    chiffres compilés par X", "selon un communiqué de X") stands for who issued it, an
    unknown body is kept by its words."""
    for at in according_cues(doc, start, end):
        if skip[0] <= at < skip[1]:
            continue
        found = according_at(doc, at, end)
        if found is not None:
            return found
    return None


def according_cues(doc: Doc, start: int, end: int) -> list[int]:
    """Offsets just after each "selon" / "d'après" / "according to" between two offsets."""
    lower = text_of(doc)[start:end].lower()
    found = []
    for cue in ACCORDING[doc.lang_]:
        for m in re.finditer(r"\b" + re.escape(cue) + r"\b", lower):
            found.append(start + m.end())
    return sorted(found)


def according_at(doc: Doc, at: int, end: int) -> ActorMention | None:
    following = doc.char_span(at, min(end, at + 80), alignment_mode="expand")
    if following is None:
        return None
    words = [t for t in following if not t.is_space and t.pos_ not in ("DET", "PUNCT")]
    if not words:
        return None
    first = words[0]
    pronoun = _pronoun_word(first)
    if pronoun is not None:
        return resolve_speaker_pronoun(doc, first, pronoun)
    if fold(first.lower_) in attribution_uses(doc.lang_, "latter"):
        before = [m for m in doc._.selon_actors or [] if m.end <= first.idx]
        return before[-1] if before else None
    found = _possessor(doc, following, first)
    if found is not None:
        return found
    if fold(first.lower_) in attribution_uses(doc.lang_, "document"):
        issuer = _issuer(doc, first)
        if issuer is not None:
            return canonical_speaker(doc, issuer)
    found = actor_at(doc, first, depth=1)
    if found is None or found.start > first.idx + 40:
        found = phrase_actor(
            doc,
            first.head if first.head.pos_ in ("NOUN", "PROPN") and first.head.i > at else first,
        )
    if found is None:
        return None
    if found.start < at <= doc[found.head].idx and found.kind != "person":
        # "245 000 selon les syndicats": the parser may take the figure into the name.
        name = doc.char_span(at, found.end, alignment_mode="expand")
        start = next(
            (t.idx for t in name or () if t.idx >= at and t.pos_ not in ("DET", "SPACE")), at
        )
        actor = found.actor.model_copy(
            update={"name": text_of(doc)[start : found.end], "start": start}
        )
        found = ActorMention(start, found.end, actor, found.kind, found.head)
    return canonical_speaker(doc, _trimmed(doc, found))


def _possessor(doc: Doc, following: Span, first: Token) -> ActorMention | None:
    """Whose words "selon son communiqué", "selon sa propre terminologie", "according to its
    figures" give: the one the possessive takes up; not "selon son avocat" (a person)."""
    lead = next((t for t in following if not t.is_space), None)
    number = POSSESSIVES.get(doc.lang_, {}).get(lead.lower_) if lead is not None else None
    if lead is None or number is None:
        return None
    word = fold(first.lower_)
    if word not in attribution_uses(doc.lang_, "document") and (
        fold(first.lemma_) in attribution_uses(doc.lang_, "person")
        or actor_at(doc, first, depth=1) is not None
    ):
        return None
    return _antecedent_speaker(doc, lead, number, None)


def _issuer(doc: Doc, document: Token) -> ActorMention | None:
    """Who issued a document: "chiffres compilés par X", "un communiqué de X", "a report by
    X", "the army's figures"."""
    for token in document.subtree:
        if token.i <= document.i:
            continue
        if token.lower_ in ("par", "de", "du", "by", "from", "of") and token.i - document.i <= 4:
            after = doc[token.i + 1 : min(len(doc), token.i + 6)]
            for candidate in after:
                if candidate.pos_ in ("NOUN", "PROPN"):
                    return actor_at(doc, candidate, depth=1) or phrase_actor(doc, candidate)
    return None


def _trimmed(doc: Doc, mention: ActorMention) -> ActorMention:
    """A body's name cut at the first comma or semicolon after its head ("la police, 245 000
    selon les syndicats" is "la police")."""
    text = text_of(doc)
    head_end = doc[mention.head].idx + len(doc[mention.head])
    cut = re.search(r"\s*[,;(]", text[head_end : mention.end])
    if mention.kind == "person" or cut is None:
        return mention
    end = head_end + cut.start()
    actor = mention.actor.model_copy(update={"name": text[mention.start : end], "end": end})
    return ActorMention(mention.start, end, actor, mention.kind, mention.head)


def reporting_verbs(window: Span, skip: tuple[int, int]) -> list[Token]:
    return [
        t for t in maybe_reporting(window) if reporting_lemma(t) and not skip[0] <= t.idx < skip[1]
    ]


def maybe_reporting(span: Span | Doc) -> list[Token]:
    """The tokens of a span that may be reporting verbs, in order: its verbs and auxiliaries,
    and the words a clitic follows ("lance-t-elle"); ``reporting_lemma`` is None for all the
    others, which are not built as Token objects at all."""
    doc = span if isinstance(span, Doc) else span.doc
    cache = doc_cache(doc, "maybe_reporting")
    candidates: list[int] | None = cache.get(None)
    if candidates is None:
        text = text_of(doc)
        rows = doc.to_array([POS, IDX]).tolist()
        after = [idx for _, idx in rows[1:]]
        candidates = cache[None] = [
            i
            for i, (pos, _) in enumerate(rows)
            if pos in (VERB, AUX) or (i < len(after) and text[after[i] : after[i] + 1] == "-")
        ]
    if isinstance(span, Doc):
        return [doc[i] for i in candidates]
    first = bisect_left(candidates, span.start)
    last = bisect_left(candidates, span.end, first)
    return [doc[i] for i in candidates[first:last]]


# --- incises ----------------------------------------------------------------------------------


def is_incise(verb: Token) -> bool:
    """A reporting verb set off after what it reports: ", a indiqué X", ", a-t-il dit",
    ", X said", ", said X", ", précise l'agence"."""
    return incise_mark(verb) is not None


def incise_mark(verb: Token) -> Token | None:
    """The comma (or dash, or closing quotation mark) that sets an incise off, else None."""
    doc = verb.doc
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if verb.dep_ in ("acl:relcl", "relcl", "acl", "amod") or any(
        c.lower_ in RELATIVE_PRONOUNS for c in subjects
    ):
        return None
    if _gerund(verb):
        return None  # "…, saying that": a participle, not an incise
    if verb.i + 1 < len(doc) and doc[verb.i + 1].text == ":":
        return None  # "X, [apposition], a déclaré : « … »" introduces what follows
    subject = {t.i for c in subjects for t in c.subtree}
    i = verb.i
    while i > verb.sent.start:
        previous = doc[i - 1]
        if previous.i in subject and not (previous.is_punct and previous.text == ","):
            i -= 1
            continue
        if previous.is_punct:
            break
        if (
            previous.dep_.startswith("aux")
            or previous.text.startswith("-")
            or (previous.head.i == verb.i and previous.dep_ in ("advmod", "neg"))
        ):
            i -= 1
            continue
        break
    if i > verb.sent.start and doc[i - 1].text in (",", "–", "—", "»", "”", '"'):
        return doc[i - 1]
    return None


def inverted(verb: Token) -> bool:
    """An incise whose subject follows the verb: ", a indiqué X", ", said X"."""
    mark = _mark_before(verb)
    return mark.i < verb.i and mark.text in (",", "–", "—", "»", "”", '"')


def _mark_before(verb: Token) -> Token:
    """The token before a verb and its auxiliaries (the verb itself at its sentence's start)."""
    doc = verb.doc
    i = verb.i
    while i > verb.sent.start and (
        doc[i - 1].dep_.startswith("aux") or doc[i - 1].is_space or doc[i - 1].lower_ in CLITICS
    ):
        i -= 1  # "a-t-il dit": the clitic stands between the auxiliary and the verb
    return doc[i - 1] if i > verb.sent.start else verb


# --- the speaker of a quote -------------------------------------------------------------------


@dataclass
class QuoteSite:
    """A quote found, waiting for its speaker (speakers are resolved in reading order)."""

    start: int
    end: int
    kind: str
    marks: tuple[int, int]  # the quotation marks; the clause itself for indirect speech
    verb: Token | None
    window: Span | None = None
    before: str = ""


#: "Pour X, « ... »", "For X, ...": whose view a sentence opening gives.
FOR_WHOM = {"fr": ("pour",), "en": ("for",)}


def _for_whom(doc: Doc, window: Span, skip: tuple[int, int]) -> ActorMention | None:
    """The X of "Pour le ministre, « ... »", when the sentence opens with it."""
    text = text_of(doc)
    opening = re.match(r"\s*(\w+)\s+", text[window.start_char : skip[0]])
    if opening is None or opening.group(1).lower() not in FOR_WHOM[doc.lang_]:
        return None
    comma = text.find(",", window.start_char, skip[0])
    if comma < 0:
        return None
    found = according_at(doc, window.start_char + opening.end(), comma)
    return found if found is not None and found.start < skip[0] else None


def direct_speaker(
    doc: Doc,
    item: QuoteSite,
    previous: QuoteMention | None,
    previous_end: int,
    previous_verb: int,
) -> ActorMention | None:
    assert item.window is not None
    window, skip, verb = item.window, item.marks, item.verb
    speaker = speaker_of(verb, skip) if verb is not None else None
    if speaker is None:
        speaker = according_to_in(doc, window.start_char, window.end_char, skip)
    text = text_of(doc)
    lead_end = len(text[: skip[0]].rstrip())
    if speaker is None and verb is None and text[:lead_end].endswith(":"):
        # "X went further in a post on X: « ... »": the subject of the clause before, in the
        # same paragraph or the one before ("a déclaré :¶« ... »").
        colon = doc.char_span(lead_end - 1, lead_end, alignment_mode="expand")
        lead_start = window.start_char if colon is None else sentence_start(colon[0])
        lead = doc.char_span(lead_start, lead_end - 1, alignment_mode="contract")
        if lead is not None and len(lead):
            roots = [
                t for t in lead if t.dep_ == "ROOT" or t.head.i >= lead.end or t.head.i < lead.start
            ]
            verbs = [t for t in roots if t.pos_ in ("VERB", "AUX")]
            speaker = speaker_of(verbs[0], skip) if verbs else None
    if speaker is None and verb is None and previous is not None:
        # A continuation: the previous quote's speaker when nothing was said by anyone else
        # since, else the last one who spoke in between.
        gap = doc.char_span(previous_end, skip[0], alignment_mode="expand")
        others = [v for v in reporting_verbs(gap, skip) if v.i != previous_verb] if gap else []
        spoke = [m for at, m in speakers_before(doc, skip[0]) if at >= previous_end]
        speaker = spoke[-1] if others and spoke else previous.speaker if not others else None
        if not item.before:
            # "« A », a dit X. Son homologue, Y, a jugé l'accord équilibré.¶« B »": a person
            # the sentence just before is about, someone other than X, says B.
            subject = _previous_subject(doc, skip[0], previous_end)
            if (
                subject is not None
                and subject.kind == "person"
                and (speaker is None or subject.actor.name != speaker.actor.name)
            ):
                speaker = subject
    if speaker is None and verb is None and not item.before:
        speaker = _previous_subject(doc, skip[0])
    if speaker is None and verb is None and previous is None and not item.before:
        speaker = _headline_speaker(doc, skip)
    return speaker


def _headline_speaker(doc: Doc, skip: tuple[int, int]) -> ActorMention | None:
    """A quote that is the whole first paragraph, like a headline ("« Nous reconstruirons
    tout. »¶Le maire d'Odessa, X, a fait cette promesse lundi"): the subject of the first
    sentence of the next paragraph, when it names someone."""
    text = text_of(doc)
    opening = text[dateline_end(doc) : skip[0]].strip(" \t\n-—–:")
    rest_of_paragraph = text[skip[1] :].split("\n")[0].strip(" .!")
    if opening or rest_of_paragraph:
        return None
    rest = text[skip[1] :].lstrip(" .!")
    start = skip[1] + len(text[skip[1] :]) - len(rest)
    while start < len(text) and text[start].isspace():
        start += 1
    first = doc.char_span(start, min(len(text), start + 1), alignment_mode="expand")
    if first is None or not len(first):
        return None
    sent = first[0].sent
    roots = [t for t in sent if t.head.i == t.i or not sent.start <= t.head.i < sent.end]
    for root in roots:
        if root.pos_ in ("VERB", "AUX") and any(c.dep_ in SUBJECT_DEPS for c in root.children):
            found = speaker_of(root)
            if found is not None and found.kind in ("person", "group", "seat", "igo"):
                return found
    return None


def _previous_subject(doc: Doc, offset: int, after: int = 0) -> ActorMention | None:
    """A quote standing alone after a sentence about someone ("Dmytro Kuleba was blunt.¶«
    ... »"): the subject of that sentence, when it names an actor (and the sentence starts
    at or after ``after``)."""
    text = text_of(doc)
    end = len(text[:offset].rstrip())
    if end == 0 or text[end - 1] not in ".!:":
        return None
    last = doc.char_span(end - 1, end, alignment_mode="expand")
    if last is None:
        return None
    start = sentence_start(last[0])
    if start < after:
        return None
    sent = doc[_token_at(doc, start) : last.end]
    if any(t.text in QUOTE_MARKS for t in sent):
        return None
    roots = [t for t in sent if t.head.i == t.i or not sent.start <= t.head.i < sent.end]
    for root in roots:
        subjects = [c for c in root.children if c.dep_ in SUBJECT_DEPS]
        if subjects and root.pos_ in ("VERB", "AUX", "ADJ", "NOUN"):
            found = speaker_of(root)
            if found is not None and found.kind in ("person", "group", "seat", "igo"):
                return found
    return None


def _token_at(doc: Doc, offset: int) -> int:
    span = doc.char_span(offset, min(len(text_of(doc)), offset + 1), alignment_mode="expand")
    return span.start if span is not None else 0


def _utterance_owner(doc: Doc, noun: Token, skip: tuple[int, int]) -> ActorMention | None:
    """Who said what a noun for something said (the ``utterance`` rows) names: "la menace de
    Séoul de prendre des mesures « insupportables »", "Seoul's warning of « ... »"."""
    words = attribution_uses(doc.lang_, "utterance")
    if noun.pos_ != "NOUN" or (fold(noun.lower_) not in words and fold(noun.lemma_) not in words):
        return None
    for child in noun.children:
        if child.dep_ not in ("nmod", "poss", "nmod:poss") or skip[0] <= child.idx < skip[1]:
            continue
        if child.dep_ == "nmod" and not any(
            c.lower_ in ("de", "du", "des", "d'", "d’", "by") for c in child.children
        ):
            continue
        found = actor_at(doc, child)
        if found is not None and found.kind != "demonym":
            return canonical_speaker(doc, found)
    return None


def _utterance_before(doc: Doc, verb: Token, skip: tuple[int, int]) -> ActorMention | None:
    """An infinitive the parser hung away from the noun for something said just before it:
    "la menace de Séoul | de prendre des mesures « ... »" -> who made the threat."""
    if verb.pos_ != "VERB" or not any(
        c.dep_ == "mark" and c.lower_ in ("de", "d'", "d’", "to") for c in verb.children
    ):
        return None
    first = min(t.i for t in verb.subtree)
    for token in reversed(doc[max(0, first - 5) : first]):
        if token.is_punct or token.pos_ in ("VERB", "AUX"):
            return None
        found = _utterance_owner(doc, token, skip)
        if found is not None:
            return found
    return None


#: What opens an aside that names a thing rather than reports a view: "as residents call
#: it", "comme l'appellent les habitants".
ASIDE_MARKS = {"as", "comme"}


def _aside(verb: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in ASIDE_MARKS for c in verb.children)


@lru_cache(maxsize=2)
def _present_forms(lang: str) -> frozenset[str]:
    """The third-person present (and English past) of the one-word reporting verbs:
    "juge", "jugent", "calls", "called"."""
    forms: set[str] = set()
    for lemma in speech_verbs(lang):
        if " " in lemma:
            continue
        if lang == "fr" and lemma.endswith("er"):
            forms |= {lemma[:-2] + "e", lemma[:-2] + "ent"}
        elif lang == "en":
            forms |= {lemma + "s", lemma + "es", lemma + "d", lemma + "ed"}
    return frozenset(fold(f) for f in forms)


#: "un bilan que l'opposition juge « … »", "a toll which the opposition calls "…"": a
#: relative pronoun, a short noun phrase, a verb right before the opening mark.
RELATIVE_JUDGE_RE = re.compile(
    r"\b(?:que|qu['’]|that|which)\s*((?:[\w'’-]+\s+){1,5}?)([\w-]+)\s*$", re.I
)


def _relative_judge(doc: Doc, skip: tuple[int, int]) -> ActorMention | None:
    """Who judges in a relative clause that ends with the fragment: "un bilan que
    l'opposition juge « largement sous-estimé »" -> l'opposition (the parser often reads
    such a verb as a noun or an adjective)."""
    text = text_of(doc)
    lead = max(0, skip[0] - 80)
    found = RELATIVE_JUDGE_RE.search(text[lead : skip[0]])
    if found is None or fold(found.group(2)) not in _present_forms(doc.lang_):
        return None
    start, end = lead + found.start(1), lead + found.start(2)
    inside = [
        m
        for m in doc._.selon_actors or []
        if m.start < end and start < m.end and m.kind not in ("demonym", "place")
    ]
    if not inside:
        return None
    mention = inside[0]
    if mention.start < start or mention.end > end:
        # "que l'opposition juge": the parser took the pronoun or the verb into the name
        first, cut = max(mention.start, start), len(text[: min(mention.end, end)].rstrip())
        name = text[first:cut]
        actor = mention.actor.model_copy(update={"name": name, "start": first, "end": cut})
        mention = ActorMention(first, cut, actor, mention.kind, mention.head)
    return canonical_speaker(doc, mention)


#: "…, its spokesman, X, said": the person who speaks for a body named before.
SPOKESPERSON_RE = re.compile(r"\b(?:its|their|son|sa|leur)\s+[\w-]+\s*,\s*$", re.I)


def _spokesperson_after(doc: Doc, item: QuoteSite) -> ActorMention | None:
    """A body's words that its spokesperson reports in an incise ending the sentence: "The
    Kremlin accused the West of « interfering », its spokesman, X, said" -> X."""
    assert item.window is not None
    text = text_of(doc)
    for verb in reporting_verbs(item.window, item.marks):
        if verb.idx < item.marks[1] or not is_incise(verb) or _aside(verb):
            continue
        found = speaker_of(verb, item.marks)
        if (
            found is not None
            and found.kind == "person"
            and SPOKESPERSON_RE.search(text[max(0, found.start - 30) : found.start])
        ):
            return found
    return None


#: "32 000 manifestants, contre « plus de 50 000 » pour les syndicats": a figure set
#: against another one, and whose it is.
AGAINST = {"fr": (r"\bcontre\s*$", r"\s*pour\s+"), "en": (r"\bagainst\s*$", r"\s*for\s+")}


def _set_against(doc: Doc, skip: tuple[int, int]) -> ActorMention | None:
    text = text_of(doc)
    before, after = AGAINST[doc.lang_]
    if not re.search(before, text[max(0, skip[0] - 12) : skip[0]], re.I):
        return None
    whose = re.match(after, text[skip[1] :], re.I)
    if whose is None:
        return None
    return according_at(doc, skip[1] + whose.end(), min(len(text), skip[1] + whose.end() + 80))


def partial_speaker(doc: Doc, item: QuoteSite) -> ActorMention | None:
    """Who says a quoted fragment: "selon X" right after it, else the subject of the
    reporting verb above it ("told reporters that U.S. forces had acted « in self-defense »"),
    else an incise in its sentence ("…, précise l'agence", "afin, disait-elle, de « … »"),
    else the subject of the nearest clause above it; words inside the quote itself are never
    the speaker."""
    assert item.window is not None
    skip = item.marks
    text = text_of(doc)
    after = re.match(r"[ \t,]*", text[skip[1] :])
    right_after = skip[1] + (after.end() if after else 0)
    # Not across a paragraph, nor after a fragment that ends its sentence ('… "for others."
    # According to X, …'): that "according to" opens the next sentence.
    ended = re.search(r"[.!?]\s*$", text[item.start : item.end]) is not None
    cues = [] if ended else according_cues(doc, right_after, min(len(text), right_after + 15))
    for at in cues:
        if at - right_after <= len("according to") and not re.search(
            r"[.!?\n]", text[skip[1] : at]
        ):
            found = according_at(doc, at, min(len(text), at + 80))
            if found is not None:
                return found
    found = _relative_judge(doc, skip) or _set_against(doc, skip)
    if found is not None:
        return found
    inner = doc.char_span(item.start, item.end, alignment_mode="expand")
    outside: list[Token] = []
    # Above the fragment's root, else above its first word that hangs outside it ("[…]" may
    # split the parse).
    for token in [inner.root, *inner] if inner is not None and len(inner) else []:
        outside = [a for a in token.ancestors if not skip[0] <= a.idx < skip[1]]
        if outside:
            break
    outside = [a for a in outside if not _aside(a)]
    for ancestor in outside:
        if reporting_lemma(ancestor):
            found = speaker_of(ancestor, skip)
        else:
            found = _utterance_owner(doc, ancestor, skip) or _utterance_before(doc, ancestor, skip)
        if found is not None:
            return _spokesperson_after(doc, item) or found
    incises = [v for v in reporting_verbs(item.window, skip) if is_incise(v) and not _aside(v)]
    for verb in sorted(incises, key=lambda v: abs(v.idx - skip[0])):
        found = speaker_of(verb, skip)
        if found is not None:
            return found
    found = according_to_in(doc, item.window.start_char, item.window.end_char, skip)
    if found is not None:
        return found
    found = _for_whom(doc, item.window, skip)
    if found is not None:
        return found
    for ancestor in outside:
        if ancestor.pos_ in ("VERB", "AUX") or any(
            c.dep_ in SUBJECT_DEPS for c in ancestor.children
        ):
            found = speaker_of(ancestor, skip)
            if found is not None:
                return found
    return None
