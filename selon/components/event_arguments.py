"""Readings of a trigger that depend on its arguments, and arguments that are not targets.

- ``sending_type``: "send" / "envoyer" / "dispatch" move forces (MOBILIZE) or give aid (AID)
  according to what they send; sending a letter, an envoy or a message is no event;
- ``moved_forces``: the object of a mobilisation verb is the force moved ("a déployé des
  navires", "massed troops"), never its target; in the passive it is the one mobilised;
- ``origin_place``: a place an act comes from ("fired from near Sunan", "tirés depuis Gaza")
  is not the place it is aimed at;
- ``unnamed_people``: the people an arrest or an attack is done to when the text does not
  name them ("70 personnes", "dozens of protesters"): civilians;
- ``recipients``: who aid goes to: the "à / to" complement of the verb or of what it gives
  ("a envoyé des tentes et des médicaments à la Syrie");
- ``locative``: a place named as where something happens ("à Doha", "in Prague") is no
  party to the act, even when the place is a capital that can stand for a government;
- ``conditional_clause``: a trigger verb with an "if / si / unless" clause of its own is
  conditional ("L'armée frappera si les négociations échouent");
- ``addressee_object``: the people a call is made to ("urged allies", "a exhorté toutes les
  parties", "called on their members"), when the verb's object names them;
- ``own_people``: an object that is the actor's own ("their members", "ses militants").

The word lists live in ``data/events/cue_words.tsv`` (lists ``sending``, ``envoy``, ``force``,
``aid``, ``weapon`` and ``people``), so a user extends them without touching the code.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from selon.lexicon import read_tsv

OBJECT_DEPS = ("obj", "dobj", "nsubj:pass", "nsubjpass")
ORIGIN_PREPS = {"from", "depuis"}
RECIPIENT_PREPS = {"à", "au", "aux", "to", "for"}
LOCATIVE_PREPS = {"à", "en", "dans", "in", "at"}
CONDITION_MARKS = {"fr": {"si"}, "en": {"if", "unless"}}
ADDRESSEE_PREPS = {"on", "upon"}
OWN_POSSESSIVES = {"leur", "leurs", "son", "sa", "ses", "their", "its", "his", "her"}


@lru_cache(maxsize=1)
def cue_words() -> dict[str, frozenset[str]]:
    """The word lists of data/events/cue_words.tsv, by list name."""
    lists: dict[str, set[str]] = {}
    for row in read_tsv("events/cue_words.tsv"):
        lists.setdefault(row["list"], set()).add(row["word"].lower())
    return {name: frozenset(words) for name, words in lists.items()}


def _sent_things(token: Token) -> list[Token]:
    """What a verb sends: its object (or passive subject) and the nouns under it
    ("a package of military aid", "des milliers de soldats")."""
    out: list[Token] = []
    for child in token.children:
        if child.dep_ in OBJECT_DEPS:
            out.append(child)
            for grand in child.children:
                if grand.dep_ in ("nmod", "pobj", "compound", "amod"):
                    out.append(grand)
                elif grand.dep_ == "prep":
                    out.extend(g for g in grand.children if g.dep_ == "pobj")
    return out


def sending_type(token: Token, default: str) -> str | None:
    """The type of a sending verb by what it sends: forces -> MOBILIZE, aid or weapons ->
    AID, anything else (a letter, a delegation) -> no event. Other verbs keep ``default``."""
    cues = cue_words()
    if token.lemma_.lower() not in cues["sending"]:
        return default
    lemmas = {t.lemma_.lower() for t in _sent_things(token)} - cues["envoy"]
    if lemmas & cues["force"]:
        return "MOBILIZE"
    if lemmas & (cues["aid"] | cues["weapon"]):
        return "AID"
    return None


def moved_forces(token: Token, target: Token | None) -> bool:
    """Whether a mobilisation verb's would-be target is the force it moves."""
    return target is not None and target.head.i == token.i and target.dep_ in OBJECT_DEPS


def conditional_clause(verb: Token) -> bool:
    """Whether a verb governs a condition clause: "frappera ... si", "will impose ... if"."""
    marks = CONDITION_MARKS.get(verb.doc.lang_, set())
    return any(
        child.dep_ == "advcl" and any(c.lower_ in marks for c in child.children if c.i < child.i)
        for child in verb.children
    )


def origin_place(token: Token) -> bool:
    """Whether a place word is where an act comes from: behind "from" / "depuis", directly
    or through nouns and prepositions ("from near Sunan", "from the Sunan area of Pyongyang")."""
    current = token
    for _ in range(5):
        if current.lower_ in ORIGIN_PREPS or any(
            c.dep_ in ("case", "prep") and c.lower_ in ORIGIN_PREPS for c in current.children
        ):
            return True
        if current.pos_ in ("VERB", "AUX") or current.head.i == current.i:
            return False
        current = current.head
    return False


def unnamed_people(token: Token | None) -> Token | None:
    """The word for people a complement names ("personnes", "dozens of protesters"), if any."""
    if token is None:
        return None
    people = cue_words()["people"]
    if token.lemma_.lower() in people or token.lower_ in people:
        return token
    for child in token.children:
        inner = [child] if child.dep_ == "nmod" else [c for c in child.children if c.dep_ == "pobj"]
        for noun in inner:
            if noun.lemma_.lower() in people or noun.lower_ in people:
                return noun
    return None


def locative(token: Token) -> bool:
    """Whether a word is the complement of a preposition of place ("à Doha", "in Prague")."""
    if token.dep_ == "pobj" and token.head.lower_ in LOCATIVE_PREPS:
        return True
    return any(c.dep_ == "case" and c.lower_ in LOCATIVE_PREPS for c in token.children)


def recipients(verb: Token) -> list[Token]:
    """The "à / to" complements of an aid verb and of the things it gives, nearest first."""
    out: list[Token] = []
    things = [c for c in verb.children if c.dep_ in OBJECT_DEPS]
    for head in [verb, *things, *[c for t in things for c in t.subtree if c.dep_ == "conj"]]:
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in RECIPIENT_PREPS:
                out.extend(c for c in child.children if c.dep_ == "pobj")
            elif any(
                c.dep_ in ("case", "mark") and c.lower_ in RECIPIENT_PREPS for c in child.children
            ):
                out.append(child)
    return out


def addressee_object(verb: Token) -> Token | None:
    """The noun a call is made to: the direct object of "appeler / exhorter / urge / ask"
    or the "on" complement of "call" ("called on their members")."""
    if verb.lemma_.lower() not in cue_words()["addressee"]:
        return None
    for child in verb.children:
        if child.dep_ in ("obj", "dobj") and child.pos_ in ("NOUN", "PROPN", "PRON"):
            return child
        if child.dep_ == "prep" and child.lower_ in ADDRESSEE_PREPS and child.i == verb.i + 1:
            # "called on their members", not "called for protests on Thursday"
            found = next((c for c in child.children if c.dep_ == "pobj"), None)
            if found is not None:
                return found
    return None


def own_people(token: Token) -> bool:
    """Whether a noun is the actor's own people: "leurs adhérents", "its members"."""
    return token.pos_ == "NOUN" and any(
        c.dep_ in ("det", "poss", "nmod:poss") and c.lower_ in OWN_POSSESSIVES
        for c in token.children
    )
