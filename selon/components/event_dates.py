"""When an event happened.

``date_events`` runs once every event of the article is known and gives each one, in order:

1. Its own date (``attached_date``): the expression attached to its trigger (or following a
   noun trigger as its complement, adjectives between, whatever the parse: "les violentes
   frappes russes de la nuit de samedi à dimanche") or to the noun its phrase hangs on ("une
   journée de grèves le 28 mars"), else to its clause (a noun subject or
   object shares its verb's), else the date of the act it is part of ("met on Friday, agreeing
   to...", "en accusant", "pour réclamer"), else a free date of its sentence on a clause that
   governs it ("On Saturday, the army said its troops had repelled..."). A date attached to
   another event, to a clause of its own (a relative clause, another verb's complement), after
   "until"/"jusqu'à" (a limit), or inside / outside a quote the trigger is not in, is never it.
   A date on a reporting verb dates the report; it dates the reported act only as a last resort
   and never an act inside a direct quote ("«…», a déclaré X mardi").
2. Else, for an act of the narrative, the narrative's current day (``current_scene``): the
   latest day set, before the trigger, by a main clause of its paragraph, else the story's
   first one (see ``scene_dates``). An act of the narrative is asserted or hedged, outside
   quotes, told as done (not in the future, the conditional or the French imperfect, not an
   infinitive hanging on a noun, an adjective or another act: "ready to host", "accusé de
   masser"), not a reference to an earlier act ("en riposte à l'attaque", "a day after the
   bombing") and not a habit ("à plusieurs reprises", "has repeatedly accused"); the cues are
   in ``selon/data/lexicon/undated_cues.tsv``. The date record then points at the expression
   the day came from, in its earlier sentence. No act takes it when it is in the active
   pluperfect ("the group had rejected"), a noun a report names ("a annoncé l'arrestation"),
   a reaction to an act its sentence dates ("condemned Monday's attack"), or in a sentence
   placed relative to another act by words no date resolves ("le lendemain de l'annonce").
   A pluperfect is reported only by a reporting clause after it ("had detained two suspects,
   police said"), not by one before ("did not respond; the group had rejected...").
   The story's day (the first scene) is one at most ``STORY_DAYS`` before publication; an
   earlier one is a flashback that dates only its paragraph. An act named after "au lendemain
   de" / "the day after" is the day before the narrative's (before the publication day, in a
   sentence told in the present).
3. A planned or future act dated by a bare weekday or a day and month already past is the next
   one ("doit rencontrer samedi", "would block the bridges on Saturday", "le 3 janvier"), and
   so is one dated on a participle of plan on its noun ("la grève prévue lundi"); an act told
   as done never takes the day of another clause's plan ("est prévue samedi, et la CGT a
   appelé...").

The dateline's own date ("PARIS, Jan. 7 (Reuters) -") is when the story was filed, never an
event's date; the publication date is never an event's date by default (it only anchors
"au lendemain de" in a present-tense sentence, which is the day before it).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from selon.components import DateMention, EventMention, doc_cache, meta, span_containing, text_of
from selon.lexicon import read_tsv, speech_verbs
from selon.records import Date

#: Dependency relations that make a noun a core argument of its clause: such a noun takes
#: the clause's date ("les frappes ont eu lieu mardi"); a noun in a side phrase does not
#: ("malgré des semaines de manifestations, le Parlement a adopté mardi...").
CORE_DEPS = {"nsubj", "nsubj:pass", "nsubjpass", "obj", "dobj", "ROOT", "obl:arg"}
#: Modalities of acts that took place (or are said to have): only they join the narrative.
REALIS = {"asserted", "hedged"}
#: Clauses of their own inside a clause: their words are not the clause's.
SUBCLAUSE_DEPS = {"ccomp", "xcomp", "advcl", "acl", "acl:relcl", "relcl", "conj", "parataxis"}
#: Links inside a noun phrase: a noun inside the subject or object of a clause shares its time
#: ("announced on Wednesday an extra 1.5 million euros in humanitarian aid").
NOMINAL_DEPS = {"nmod", "pobj", "prep", "compound", "appos", "amod", "conj", "nummod"}
#: Words that name an act some days before the narrative's day: "au lendemain d'un entretien".
DAYS_AFTER = {"lendemain": 1, "surlendemain": 2, "day after": 1}
#: How many days before publication the story's main day may be: an earlier one is a flashback.
STORY_DAYS = 7
#: A date in the possessive names the day of the noun it is on: "Monday's attack".
POSSESSIVE_DEPS = {"poss", "nmod:poss"}
#: Prepositions that put a noun's act at the time of its clause: "lors des pourparlers",
#: "during the protests".
SIMULTANEOUS = {"lors", "pendant", "durant", "during", "amid", "amidst"}
#: Prepositions of the act a verb is done in, at its time: "announced in a joint statement",
#: "tué dans une frappe".
MEANS = {"dans", "in"}
#: Subordinating words of a clause at the time of the one it hangs on: the gérondif, purpose.
SAME_TIME_MARKS = {"en", "pour", "afin"}
#: Prepositions of a time limit: "until Aug. 1", "jusqu'au 8 mai" date no act.
_LIMIT_BEFORE = re.compile(r"\b(?:until|till|jusqu['’](?:à|au|aux)?)\s*$", re.I)


def _limit_before(text: str, end: int) -> bool:
    """Whether ``text[:end]`` ends on a preposition of a time limit, spaces aside: only the
    few characters before the trailing spaces can hold it (nine for "jusqu'aux")."""
    start = end
    while start > 0 and text[start - 1].isspace():
        start -= 1
    return _LIMIT_BEFORE.search(text, max(0, start - 9), end) is not None


#: French future and conditional endings, after the infinitive's stem (or an irregular one).
FR_FUTURE_ENDINGS = ("ai", "as", "a", "ons", "ez", "ont")
FR_CONDITIONAL_ENDINGS = ("ais", "ait", "ions", "iez", "aient")
FR_FUTURE_STEMS = {
    "être": "ser", "avoir": "aur", "faire": "fer", "aller": "ir", "pouvoir": "pourr",
    "devoir": "devr", "vouloir": "voudr", "savoir": "saur", "voir": "verr", "falloir": "faudr",
    "envoyer": "enverr", "recevoir": "recevr", "mourir": "mourr", "courir": "courr",
    "valoir": "vaudr",
}  # fmt: skip
EN_FUTURE_AUX = {"will", "would", "shall", "'ll", "wo"}  # "won't" is "wo" + "n't"
_PAST_WORDS = re.compile(r"\b(dernier|derni[èe]re|last|hier|yesterday)\b", re.I)
_WEEKDAY_RE = re.compile(
    r"\b(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday)\b",
    re.I,
)
_YEAR_RE = re.compile(r"\b(1\d|20)\d\d\b")


@lru_cache(maxsize=2)
def undated_cues(lang: str) -> dict[str, list[tuple[str, ...]]]:
    """The cues of ``undated_cues.tsv`` by kind (background, habit, relative, plan), as word
    sequences."""
    cues: dict[str, list[tuple[str, ...]]] = {
        "background": [], "habit": [], "relative": [], "plan": []
    }  # fmt: skip
    for row in read_tsv("lexicon/undated_cues.tsv"):
        if row["lang"] == lang:
            cues.setdefault(row["kind"], []).append(tuple(row["cue"].lower().split()))
    return cues


def _has_cue(words: list[str], cues: list[tuple[str, ...]]) -> bool:
    """Whether a cue stands among the words (as consecutive words)."""
    if not words or not cues:
        return False
    present = set(words)
    for cue in cues:
        if not cue:
            return True
        if cue[0] not in present:
            continue  # most cues: their first word is not there
        n = len(cue)
        if any(word == cue[0] and tuple(words[i : i + n]) == cue for i, word in enumerate(words)):
            return True
    return False


def is_background(token: Token) -> bool:
    """A mention of an earlier, other act ("en riposte à l'attaque", "a day after the
    bombing"): a background cue among the four words before the trigger."""
    before = [t.lower_ for t in token.doc[max(token.sent.start, token.i - 4) : token.i]]
    return _has_cue(before, undated_cues(token.doc.lang_)["background"])


# --- Clauses and tenses -------------------------------------------------------------------------


def _clause_head(token: Token) -> Token:
    """The verb a token's clause hangs on (the token itself for a verb)."""
    for candidate in [token, *token.ancestors]:
        if candidate.pos_ in ("VERB", "AUX"):
            return candidate
    return token.sent.root


def _event_clause(token: Token) -> Token | None:
    """The verb whose time is the event's: its own for a verb trigger, its clause's for a noun
    in its subject or object or introduced by "lors de", "during"; None for a noun in a side
    phrase ("malgré des semaines de manifestations")."""
    if token.pos_ == "VERB":
        return token
    current = token
    for _ in range(6):
        head = current.head
        if current.lower_ in SIMULTANEOUS or any(
            c.dep_ == "case" and c.lower_ in SIMULTANEOUS for c in current.children
        ):
            return head if head.pos_ in ("VERB", "AUX") else None
        if head.pos_ in ("VERB", "AUX") and (
            current.lower_ in MEANS
            or any(c.dep_ == "case" and c.lower_ in MEANS for c in current.children)
        ):
            return head  # "annoncé jeudi dans une déclaration commune"
        if head.pos_ in ("VERB", "AUX"):
            core = current.dep_ in CORE_DEPS or (
                # "a tiré jeudi une salve", parsed as an oblique: no preposition, an object
                current.dep_.startswith("obl")
                and not any(c.dep_ == "case" for c in current.children)
            )
            return head if core else None
        if current.dep_ not in NOMINAL_DEPS and head.lower_ not in SIMULTANEOUS:
            return None
        current = head
    return None


def _verb_group(verb: Token) -> set[int]:
    """A verb and the infinitives it governs: "doivent débuter", "is due to meet"."""
    group = {verb.i}
    stack = [verb]
    while stack:
        for child in stack.pop().children:
            if child.dep_ == "xcomp" and child.pos_ in ("VERB", "AUX") and child.i not in group:
                group.add(child.i)
                stack.append(child)
    return group


def _forms(verb: Token) -> list[Token]:
    return [verb, *(c for c in verb.children if c.dep_ in ("aux", "aux:tense", "aux:pass"))]


def _french_tense(form: Token) -> str | None:
    """ "future" ("se réunira") or "conditional" ("opposerait", "pourrait"): the infinitive's
    stem and an ending of that tense; None otherwise."""
    word, lemma = form.lower_, form.lemma_.lower()
    stem = FR_FUTURE_STEMS.get(lemma)
    if stem is None and lemma.endswith("enir"):
        stem = lemma[:-4] + "iendr"  # venir -> viendr, obtenir -> obtiendr
    if stem is None and lemma.endswith(("er", "ir", "re")):
        stem = lemma[:-1] if lemma.endswith("re") else lemma
    if stem is None or not word.startswith(stem):
        return None
    ending = word[len(stem) :]
    if ending in FR_CONDITIONAL_ENDINGS or "Cnd" in form.morph.get("Mood", []):
        return "conditional"
    if ending in FR_FUTURE_ENDINGS or "Fut" in form.morph.get("Tense", []):
        return "future"
    return None


def _future_form(verb: Token) -> bool:
    forms = _forms(verb)
    compound = len(forms) > 1 and "Part" in verb.morph.get("VerbForm", [])
    for form in forms:
        if "Fut" in form.morph.get("Tense", []):
            return True
        if form.lang_ == "fr":
            tense = _french_tense(form)
            if tense is None and "Cnd" in form.morph.get("Mood", []):
                tense = "conditional"
            # "auraient frappé", "aurait visé": the conditional of hearsay, about the past.
            hearsay = tense == "conditional" and compound and form is not verb
            if tense is not None and not hearsay:
                return True
        if form.lower_ in EN_FUTURE_AUX and form.tag_ == "MD":
            # "would have done" is about the past.
            return not any(c.lower_ == "have" for c in verb.children if c.dep_ == "aux")
    return False


def is_future(verb: Token) -> bool:
    """A clause in the future or the conditional: "will meet", "would block", "opposerait",
    and an infinitive governed by one: "pourrait être restitué", "would be willing to discuss"."""
    current = verb
    for _ in range(4):
        if _future_form(current):
            return True
        if current.dep_ != "xcomp":
            return False
        current = current.head
        if current.pos_ == "ADJ" and current.head.pos_ in ("VERB", "AUX"):
            current = current.head  # "be willing to", "être prêt à"
    return False


def _nonfinite(verb: Token) -> bool:
    """An infinitive, or a gerund after a preposition ("accused Moscow of targeting")."""
    return (
        "Inf" in verb.morph.get("VerbForm", [])
        or verb.tag_ == "VB"
        or (verb.tag_ == "VBG" and verb.dep_ == "pcomp")
    )


def _told_as_done(verb: Token, triggers_at: set[int]) -> bool:
    """Whether an act is told as done at the narrative's time, not only named: by an infinitive
    hanging on a noun or an adjective ("the challenge to meet him", "ready to host another
    round"), by an infinitive that is what another act is about ("accusé Bakou de masser des
    troupes"), or by a French imperfect, which describes a state in the background ("qui
    effectuait une visite")."""
    if verb.lang_ == "fr" and "Imp" in verb.morph.get("Tense", []) and verb.pos_ == "VERB":
        return False
    current = verb
    for _ in range(4):
        head = current.head
        if head.i == current.i:
            return True
        if not _nonfinite(current):
            return True
        if head.pos_ not in ("VERB", "AUX") or head.i in triggers_at:
            return False
        current = head
    return True


def _is_pluperfect(verb: Token) -> bool:
    """ "avait déjà fait", "avaient été mobilisés", "had pressed": a time before the story's."""
    for aux in verb.children:
        if aux.dep_ not in ("aux", "aux:tense"):
            continue
        if aux.lower_ in ("had", "'d") and verb.tag_ == "VBN":
            return True
        if aux.lemma_ in ("avoir", "être") and "Imp" in aux.morph.get("Tense", []):
            return True
    return False


def _earlier_act(verb: Token) -> bool:
    """An act in the active pluperfect that no reporting verb reports ("the group had rejected
    the army's account", "had earlier put the toll at 23 and accused..."): told as before the
    story's time, on a day the text does not give. A passive one is a state at the story's
    time ("12 000 policiers avaient été mobilisés"), a reported one the report's news ("said
    they had detained two suspects")."""
    speech = speech_verbs(verb.doc.lang_)
    current = verb
    while current.dep_ == "conj" and not any(
        c.dep_ in ("aux", "aux:tense") for c in current.children
    ):
        current = current.head  # "had put ... and accused": the pluperfect of both
    if not _is_pluperfect(current):
        return False
    if any(c.dep_ in ("aux:pass", "auxpass") for c in current.children):
        return False
    if "Pass" in current.morph.get("Voice", []):
        return False
    if current.dep_ == "ccomp" and current.head.lemma_.lower() in speech:
        return False
    # a report comes after what it reports ("had detained two suspects, police said"); a
    # clause before it is another statement ("did not respond; the group had rejected...")
    return not any(
        c.dep_ in ("parataxis", "ccomp") and c.lemma_.lower() in speech and c.i > current.i
        for c in current.children
    )


def _clause_words(verb: Token) -> list[str]:
    """The words of a clause without those of the clauses inside it, in order."""
    cache = doc_cache(verb.doc, "clause_words")
    found: list[str] | None = cache.get(verb.i)
    if found is None:
        skip: set[int] = set()
        for token in verb.subtree:  # also a relative clause on one of its nouns
            if token.i != verb.i and token.dep_ in SUBCLAUSE_DEPS and token.pos_ in ("VERB", "AUX"):
                skip.update(t.i for t in token.subtree)
        found = cache[verb.i] = [t.lower_ for t in verb.subtree if t.i not in skip]
    return list(found)


def is_planned(verb: Token) -> bool:
    """A clause that puts its act ahead: in the future, or with a word of planning ("est
    prévue samedi", "is set for Saturday", "scheduled for")."""
    cache = doc_cache(verb.doc, "planned")
    planned: bool | None = cache.get(verb.i)
    if planned is None:
        planned = cache[verb.i] = is_future(verb) or _has_cue(
            _clause_words(verb), undated_cues(verb.doc.lang_)["plan"]
        )
    return planned


def _unresolved_relative(sent: Span, dates: list[DateMention]) -> bool:
    """Whether a sentence places its acts relative to another act, by a phrase no date
    resolves ("le lendemain de l'annonce", "the day after the vote"): the day is then not the
    narrative's."""
    cues = undated_cues(sent.doc.lang_)["relative"]
    words = [t.lower_ for t in sent]
    firsts = {cue[0] for cue in cues if cue}
    every_word = any(not cue for cue in cues)
    for i, word in enumerate(words):
        if word not in firsts and not every_word:
            continue  # no cue starts here
        for cue in cues:
            if tuple(words[i : i + len(cue)]) != cue:
                continue
            at = sent[i].idx
            if not any(d.start <= at < d.end for d in dates):
                return True
    return False


def _named_after(token: Token) -> int | None:
    """Days from the narrative's day back to an act named in "au lendemain de" / "the day
    after" ("Ces annonces tombent au lendemain d'un entretien"): 1, 2 for "surlendemain"."""
    before = [t.lower_ for t in token.doc[max(token.sent.start, token.i - 4) : token.i]]
    for cue, days in DAYS_AFTER.items():
        if _has_cue(before, [tuple(cue.split())]):
            return days
    return None


def _told_in_the_present(sent: Span) -> bool:
    """A sentence whose main verb is in the present indicative: it tells the story's today."""
    root = sent.root
    return (
        root.pos_ in ("VERB", "AUX")
        and "Pres" in root.morph.get("Tense", [])
        and "Fin" in root.morph.get("VerbForm", [])
        and not any(c.dep_ in ("aux", "aux:tense", "aux:pass") for c in root.children)
    )


def _today(token: Token, day: dt.date) -> DateMention:
    """The publication day as the day a present-tense sentence speaks of, pointing at the words
    that count from it ("au lendemain")."""
    words = token.doc[max(token.sent.start, token.i - 4) : token.i]
    start, end = words.start_char, words.end_char
    record = Date(
        start=day.isoformat(),
        end=day.isoformat(),
        precision="day",
        text=text_of(token.doc)[start:end],
        start_offset=start,
        end_offset=end,
        anchor="published",
    )
    return DateMention(start, end, record)


def _dates_an_argument(token: Token, dates: list[DateMention]) -> bool:
    """Whether a date of the sentence is on a noun the event governs, or on the noun its
    relative clause describes: "condemned Monday's attack", "a dénoncé l'attaque de mardi",
    "the killing ... last Wednesday, which Iran blamed on Israel" name the day of the act
    reacted to, not the reaction's."""
    doc = token.doc
    below = {t.i for t in token.subtree} - {token.i}
    clause = _event_clause(token)
    if clause is not None and clause.dep_ in RELATIVE_DEPS:
        # "the killing of X last Wednesday, which Iran blamed on Israel"
        below |= {clause.head.i} | {t.i for t in clause.head.children}
    sent = token.sent
    for mention in dates:
        if not sent.start_char <= mention.start < sent.end_char:
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        if root.i in below and root.head.i in below and root.head.pos_ in ("NOUN", "PROPN"):
            return True
    return False


def _reported_noun(token: Token) -> bool:
    """A noun that is what a reporting verb reports ("a annoncé l'arrestation de deux
    habitants", "announced the deployment"): the report's day is not the act's."""
    clause = _event_clause(token)
    return (
        token.pos_ not in ("VERB", "AUX")
        and clause is not None
        and clause.lemma_.lower() in speech_verbs(token.doc.lang_)
    )


# --- An event's own date ------------------------------------------------------------------------


def _shares_time(token: Token, owner: Token) -> bool:
    """A participial, coordinated or purpose act is at the time of the act it hangs on: "met
    on Friday, agreeing to...", "On Saturday..., killing several rebels", "en accusant", "ont
    manifesté jeudi pour réclamer"."""
    current = token
    for _ in range(3):
        if current.i == owner.i:
            return True
        if current.dep_ in ("advcl", "conj", "xcomp") and not any(
            c.dep_ == "mark" and c.lower_ not in SAME_TIME_MARKS for c in current.children
        ):
            current = current.head
            continue
        return False
    return current.i == owner.i


#: Relative clauses: they describe a noun.
RELATIVE_DEPS = {"relcl", "acl:relcl", "acl"}
#: Links by which a clause hangs on the clause that governs it, sharing its time.
CLAUSE_LINKS = {"ccomp", "xcomp", "advcl", "conj", "parataxis"}


def _clause_link(clause: Token, head: Token) -> bool:
    """Whether a clause hangs on a governing verb through clauses only ("On Saturday, the army
    said its troops had repelled..."), not through a noun ("mourned the killing, which Iran
    blamed on Israel")."""
    dateline = meta(clause.doc).get("dateline")
    current = clause
    for _ in range(6):
        if current.i == head.i:
            return True
        # A dateline ("TBILISI, April 18 -") is no noun of the sentence, whatever the parse says.
        on_dateline = dateline is not None and current.head.idx < dateline[1]
        if (current.dep_ not in CLAUSE_LINKS and not on_dateline) or current.head.i == current.i:
            return False
        current = current.head
    return False


def _relative_on(root: Token, token: Token) -> bool:
    """Whether the clause that hangs on a date word and holds the event is a relative clause
    whose pronoun is its subject or object ("the killing ... last Wednesday, which Iran blamed
    on Israel"): it describes a noun, not the day ("Saturday, when a march is planned")."""
    link = next((a for a in [token, *token.ancestors] if a.head.i == root.i), None)
    if link is None:
        return False
    return any(
        c.dep_ in CORE_DEPS and ("Rel" in c.morph.get("PronType", []) or c.tag_ in ("WDT", "WP"))
        for c in link.children
    )


def _owner(root: Token, triggers_at: set[int]) -> tuple[Token | None, Token]:
    """The event a date modifies, if any, and the verb of the clause it is in: the nearest
    trigger above it up to that verb ("la frappe du 24 avril", "signed on Wednesday")."""
    for above in root.ancestors:
        if above.i in triggers_at:
            return above, _clause_head(above)
        if above.pos_ in ("VERB", "AUX"):
            return None, above
    return None, _clause_head(root)


#: Words that link a noun to the date after it: "les frappes de la nuit", "l'attaque du 24
#: avril", "the strikes of May 4".
NOUN_DATE_LINKS = {"de", "du", "d'", "d’", "des", "of"}
#: Words that may stand between them: articles ("de la nuit", "of the night").
NOUN_DATE_FILLERS = {"la", "le", "l'", "l’", "the"}


def _complements_noun(token: Token, span: Span) -> bool:
    """Whether a date follows a noun trigger as its complement, only adjectives between
    ("les violentes frappes russes de la nuit de samedi à dimanche"), whatever the parse says.
    """
    if token.pos_ != "NOUN" or span.start <= token.i:
        return False
    words = [*token.doc[token.i + 1 : span.start], *span]
    linked = False
    for word in words:
        if word.lower_ in NOUN_DATE_LINKS:
            linked = True
        elif not (word.lower_ in NOUN_DATE_FILLERS or (not linked and word.pos_ == "ADJ")):
            break
    return linked and span.start - token.i <= 4


def attached_date(
    token: Token,
    dates: list[DateMention],
    sent: Span,
    quote: tuple[int, int] | None,
    quote_spans: list[tuple[int, int]],
    triggers_at: set[int],
) -> DateMention | None:
    """The date of an event found in its own sentence (see the module docstring), or None."""
    doc = token.doc
    speech = speech_verbs(doc.lang_)
    clause = _event_clause(token)
    group = _verb_group(clause) if clause is not None else set()
    governing = {a.i for a in token.ancestors}
    phrase = set()  # the nouns the trigger's noun phrase hangs on: "une journée de grèves"
    # A verb's clause is no noun phrase: a relative clause does not take the date of the noun
    # it describes ("the killing of X last Wednesday, which Iran blamed on Israel").
    for ancestor in token.ancestors if token.pos_ not in ("VERB", "AUX") else ():
        if ancestor.pos_ in ("VERB", "AUX"):
            break
        phrase.add(ancestor.i)
    attached: list[tuple[int, DateMention]] = []
    in_clause: list[tuple[int, DateMention]] = []
    inherited: list[tuple[int, DateMention]] = []  # the date of the act this one is part of
    above: list[tuple[int, DateMention]] = []  # on a clause that governs the event's
    reported: list[tuple[int, DateMention]] = []  # on the verb that reports the event
    for mention in dates:
        if not sent.start_char <= mention.start < sent.end_char:
            continue
        if span_containing(mention.start, quote_spans) != quote:
            continue  # a date inside a quote dates what the quote says, and vice versa
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        distance = abs(root.i - token.i)
        if _complements_noun(token, span):
            attached.append((distance, mention))  # "les frappes russes de la nuit de samedi"
            continue
        on_participle = root.head.dep_ in ("acl", "amod") and _in_phrase(root.head.head, token)
        if (
            (root.i in governing and not _relative_on(root, token))
            or root.head.i in phrase
            or on_participle  # "la grève des audiences prévue lundi"
        ):
            # The event describes it ("Saturday, when ... is planned"), or it dates the noun
            # the event's phrase hangs on ("une journée de grèves le mardi 28 mars").
            attached.append((distance, mention))
            continue
        if _limit_before(text_of(doc), mention.start):
            continue  # "until Aug. 1" is a limit, not when anything happened
        owner, head = _owner(root, triggers_at)
        if owner is not None and owner.i == token.i:
            attached.append((distance, mention))
            continue
        if owner is not None and owner.i not in group:
            if _shares_time(token, owner):
                inherited.append((distance, mention))
            continue  # it dates another event
        if clause is None:
            continue  # a noun in a side phrase takes only its own date
        if head.i in group:
            in_clause.append((distance, mention))
        elif not _clause_link(clause, head):
            continue  # a relative clause does not take the time of its noun's clause
        elif head.lemma_.lower() in speech:
            if quote is None:
                reported.append((distance, mention))
        else:
            above.append((distance, mention))
    for found in (attached, in_clause, inherited, above, reported):
        if found:
            return min(found, key=lambda item: item[0])[1]
    return None


# --- The narrative's current day ----------------------------------------------------------------


def _sets_the_scene(root: Token, speech: dict[str, str | None]) -> bool:
    """A date that modifies the verb of a main clause (or of one coordinated with it, or of
    what a main reporting verb reports), neither in the pluperfect (a time before the story's)
    nor in the future; not a date inside a noun phrase ("since the first day of protests on
    Jan. 19")."""
    head = _clause_head(root)
    # "la journée, jeudi, a rassemblé...", but not the day of a noun ("répondent à l'attaque du
    # dimanche 28 janvier", "condemned Monday's attack"): that dates the noun's act.
    on_argument = (
        root.head.dep_ in CORE_DEPS
        and root.head.head.i == head.i
        and root.dep_ not in POSSESSIVE_DEPS
        and not any(c.dep_ in ("case", "case:poss") for c in root.children)
    )
    if root.head.i != head.i and root.i != head.i and not on_argument:
        return False
    if _is_pluperfect(head) or is_planned(head) or _nonfinite(head):
        return False
    if any(c.dep_ == "mark" for c in head.children):
        return False  # "Depuis que le gouvernement a suspendu, le 28 novembre, ..."
    current = head
    while current.dep_ == "conj" and current.head.i != current.i:
        current = current.head
    if current.dep_ == "ROOT":
        return True
    reporter = current.head
    return (
        current.dep_ == "ccomp"
        and reporter.dep_ == "ROOT"
        and reporter.lemma_.lower() in speech
        and not _is_pluperfect(current)
    )


def scene_dates(
    doc: Doc,
    dates: list[DateMention],
    quote_spans: list[tuple[int, int]],
    published: dt.date | None,
) -> list[DateMention]:
    """The dates that set the narrative's current day, in text order: a day (or a night) on a
    clause that sets the scene, outside quotes, not after publication."""
    speech = speech_verbs(doc.lang_)
    found = []
    for mention in dates:
        record = mention.date
        first, last = dt.date.fromisoformat(record.start), dt.date.fromisoformat(record.end)
        if record.precision != "day" or (last - first).days > 1:
            continue
        if published is not None and first > published:
            continue  # ahead of the story: a plan
        if span_containing(mention.start, quote_spans) is not None:
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None and _sets_the_scene(span.root, speech):
            found.append(mention)
    return found


def continues_narrative(
    token: Token, modality: str, quote: tuple[int, int] | None, triggers_at: set[int]
) -> bool:
    """Whether an event with no date in its sentence is an act of the narrative (see the
    module docstring), which takes the narrative's current day."""
    if modality not in REALIS or quote is not None:
        return False
    clause = _event_clause(token)
    if clause is None or is_planned(clause) or not _told_as_done(clause, triggers_at):
        return False
    if _earlier_act(clause):
        return False
    if is_background(token) or _reported_noun(token):
        return False
    return not _has_cue(_clause_words(clause), undated_cues(token.doc.lang_)["habit"])


def current_scene(
    text: str, scenes: list[DateMention], offset: int, published: dt.date | None = None
) -> DateMention | None:
    """The narrative's day at an offset: the latest scene set before it in its paragraph, else
    the story's: the first scene of the article, when it is recent (``STORY_DAYS`` before
    publication at most). A paragraph that sets no time of its own goes on with the story's
    main time ("Zelensky a dénoncé..." after the night's strikes); a day weeks before the
    story ("arrêtée une première fois le 11 janvier") is a flashback that stays in its
    paragraph."""
    paragraph = text.rfind("\n\n", 0, offset)
    latest = [m for m in scenes if paragraph < m.start < offset]
    if latest:
        return latest[-1]
    if not scenes or scenes[0].start >= offset:
        return None
    story = scenes[0]
    recent = published is None or (
        (published - dt.date.fromisoformat(story.date.end)).days <= STORY_DAYS
    )
    return story if recent else None


# --- Planned acts -------------------------------------------------------------------------------


def towards_future(date: DateMention, published: dt.datetime | None) -> DateMention:
    """A planned act dated by a bare weekday or a day and month before publication is the next
    one: "doit rencontrer samedi", "will meet on Friday", "prévue le 18 août" (the resolver
    reads them as past)."""
    record = date.date
    if published is None or record.anchor not in ("published", "dateline"):
        return date
    text = record.text or ""
    if record.precision != "day" or _PAST_WORDS.search(text) or _YEAR_RE.search(text):
        return date
    first, last = dt.date.fromisoformat(record.start), dt.date.fromisoformat(record.end)
    if last >= published.date():
        return date
    if _WEEKDAY_RE.search(text) and not re.search(r"\d", text):
        first, last = first + dt.timedelta(days=7), last + dt.timedelta(days=7)
    elif re.search(r"\d", text) and first == last:
        try:
            first = last = first.replace(year=first.year + 1)
        except ValueError:  # 29 February
            return date
    else:
        return date
    moved = record.model_copy(update={"start": first.isoformat(), "end": last.isoformat()})
    return DateMention(date.start, date.end, moved, date.clock)


# --- All events of an article -------------------------------------------------------------------


def date_events(
    doc: Doc,
    events: list[EventMention],
    dates: list[DateMention],
    quote_spans: list[tuple[int, int]],
    published: dt.datetime | None,
) -> None:
    """Set every event's date ("attached to another event" means to one of the events kept,
    not to any word of the trigger lexicon)."""
    dateline = meta(doc).get("dateline")
    if dateline:
        dates = [d for d in dates if d.start >= dateline[1]]  # when the story was filed
    kept_triggers = {e.trigger for e in events}
    day = published.date() if published else None
    scenes = scene_dates(doc, dates, quote_spans, day)
    for event in events:
        token = doc[event.trigger]
        quote = span_containing(token.idx, quote_spans)
        date = attached_date(token, dates, token.sent, quote, quote_spans, kept_triggers)
        clause = _event_clause(token)
        planned = event.modality == "planned" or (clause is not None and is_planned(clause))
        back = _named_after(token) if event.modality in REALIS and quote is None else None
        if date is None and back is not None:
            scene = current_scene(text_of(doc), scenes, token.idx, day)
            if scene is None and day is not None and _told_in_the_present(token.sent):
                scene = _today(
                    token, day
                )  # "Au lendemain d'une mobilisation, les syndicats dressent"
            date = _days_before(scene, back) if scene is not None else None
        elif date is None:
            if (
                continues_narrative(token, event.modality, quote, kept_triggers)
                and not _dates_an_argument(token, dates)
                and not _unresolved_relative(token.sent, dates)
            ):
                date = current_scene(text_of(doc), scenes, token.idx, day)
        elif clause is not None and not is_planned(clause) and _on_a_plan(doc, date, clause):
            if _describes(doc, date, token):
                date = towards_future(date, published)  # "la grève prévue lundi"
            else:
                date = None  # another clause's plan is not the day of an act told as done
        elif planned:
            date = towards_future(date, published)
        event.date = date


def _days_before(date: DateMention, days: int) -> DateMention:
    record = date.date
    step = dt.timedelta(days=days)
    first = dt.date.fromisoformat(record.start) - step
    last = dt.date.fromisoformat(record.end) - step
    moved = record.model_copy(update={"start": first.isoformat(), "end": last.isoformat()})
    return DateMention(date.start, date.end, moved, date.clock)


def _describes(doc: Doc, date: DateMention, token: Token) -> bool:
    """Whether a date is on a participle that describes the trigger: "la grève prévue lundi"."""
    span = doc.char_span(date.start, date.end, alignment_mode="expand")
    return span is not None and _in_phrase(span.root.head.head, token)


def _in_phrase(word: Token, token: Token) -> bool:
    """Whether a word is a noun trigger or a noun of its phrase ("la grève des audiences")."""
    if token.pos_ in ("VERB", "AUX"):
        return False
    return word.i == token.i or (word.pos_ in ("NOUN", "PROPN") and word.head.i == token.i)


def _on_a_plan(doc: Doc, date: DateMention, clause: Token) -> bool:
    """Whether a date is on another clause than ``clause``, one that puts its act ahead
    ("Une nouvelle journée est prévue samedi, et la police a arrêté...")."""
    span = doc.char_span(date.start, date.end, alignment_mode="expand")
    if span is None:
        return False
    head = _clause_head(span.root)
    return head.i != clause.i and is_planned(head)
