"""selon_actors: every actor mention resolved to {name, country, sector, code, role}.

Sources of evidence, all from ``selon/data/actors/`` (see lexicon.py):
- country names, capitals and seats of power used for governments ("Moscou", "le Kremlin");
- IGOs ("l'ONU", "NATO");
- demonyms in every gender and number ("ukrainiennes", "American");
- sector terms: generic actors ("des manifestants", "la police") and titles ("le ministre turc
  des Affaires étrangères", "Foreign Minister").

A person (NER) takes its role, sector and country from the title before it ("le président
ukrainien Volodymyr Zelensky") or from an apposition after it ("X, porte-parole du ministère
russe de la Défense"). Later mentions of a surname take the first full mention's description.
A generic noun takes its country from a demonym or a country in its noun phrase.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from selon.components import ActorMention, text_of
from selon.gazetteer import place_words
from selon.lexicon import ActorEntry, actor_table, countries, read_tsv, split_cell
from selon.phrases import words
from selon.records import Actor, actor_code

PERSON_LABELS = {"PER", "PERSON"}
#: Tokens of the titles and appositions of persons, per Doc, while the component runs.
TITLE_TOKENS: dict[int, set[int]] = {}
PROPER_KINDS = {"country", "capital", "seat", "igo", "person"}
#: Titles of cabinet members: a defence minister is government, a defence spokesman military.
CABINET_TITLES = {"ministre", "minister", "secretary", "secrétaire"}
DEFENCE_WORDS = {"défense", "defense", "defence", "armées", "pentagon", "pentagone"}
STOP_POS = {"VERB", "AUX", "PUNCT", "SCONJ", "CCONJ"}
ARTICLES = {
    "le",
    "la",
    "les",
    "l'",
    "l’",
    "the",
    "un",
    "une",
    "des",
    "a",
    "an",
    "du",
    "de",
    "d'",
    "d’",
}
LEADING_ADP = {
    "selon",
    "par",
    "pour",
    "contre",
    "avec",
    "according",
    "to",
    "by",
    "of",
    "for",
    "against",
    "with",
    "sur",
    "on",
    "après",
    "d'après",
    "d’après",
    "from",
    "à",
    "au",
    "aux",
    "entre",
    "between",
    "among",
    "parmi",
}
PRONOUNS = {
    "fr": {"il": "m", "elle": "f", "ils": "p", "elles": "p", "celui-ci": "m", "celle-ci": "f"},
    "en": {"he": "m", "she": "f", "they": "p", "it": "n"},
}


@dataclass
class Hit:
    span: Span
    entry: ActorEntry
    #: A sector word used as an adjective ("un responsable rebelle", "a military official"):
    #: it describes the noun it modifies but is no actor of its own.
    modifier: bool = False


def head_of(span: Span) -> Token:
    """The syntactic head of a multi-word term: "ministre" in "Premier ministre", "Minister" in
    "Foreign Minister", "chief" in "chief of staff". When the parse gives a head outside the
    nouns of the term, the language's usual position: first word in French, last in English."""
    root = span.root
    if root.pos_ in ("NOUN", "PROPN") or len(span) == 1:
        return root
    nouns = [t for t in span if t.pos_ in ("NOUN", "PROPN")]
    if len(nouns) == 1:
        return nouns[0]
    return span[0] if span.doc.lang_ == "fr" else span[-1]


def _keep(entry: ActorEntry, span: Span) -> bool:
    """Case and part-of-speech rules that keep common words from being read as actors."""
    text = span.text
    if entry.kind in PROPER_KINDS:
        if not text[:1].isupper():
            # An armed group's one-word name is also an adjective or a common plural in
            # lower case: "les rebelles houthis", "des talibans", "les peshmergas"; a French
            # institution starts with a lower-case common noun: "le département d'État".
            if entry.kind != "seat":
                return False
            if entry.role_kind == "group":
                return len(span) == 1 and len(text) > 4 and text.isalpha()
            return len(span) > 1 and any(c.isupper() for c in text)
        letters = [c for c in text if c.isalpha()]
        # Short names must match in upper case: "UN", "US", "EU", not "Un", "Us".
        return len(letters) > 3 or all(c.isupper() for c in letters)
    if entry.kind == "sector":
        head = head_of(span)
        if head.pos_ not in ("NOUN", "PROPN") and not (len(span) > 1 and head.pos_ == "ADJ"):
            # A participle after an article, or after "de" with a demonym, is a noun the parser
            # took for a verb: "les blessés", "des milliers de déplacés soudanais" (but "un camp
            # de déplacés" names the camp).
            doc = span.doc
            before = doc[span.start - 1].lower_ if span.start > 0 else ""
            after = doc[span.end] if span.end < len(doc) else None
            nominal = before in ARTICLES and (
                before not in ("de", "d'", "d’")
                or (after is not None and after.lower_ in _demonyms(doc.lang_))
            )
            # A title after an article the parser took for a verb: "l'opposant X".
            noun = entry.role_kind == "generic" or (
                entry.role_kind == "title" and head.pos_ == "VERB"
            )
            return noun and len(span) == 1 and nominal
    return True


@lru_cache(maxsize=2)
def _demonyms(lang: str) -> frozenset[str]:
    return frozenset(d.lower() for c in countries().values() for d in c.demonyms)


def dateline_end(doc: Doc) -> int:
    """Where the dateline ends (0 without one): nothing in it is an actor or an event place."""
    dateline = (doc._.selon_meta or {}).get("dateline")
    return int(dateline[1]) if dateline else 0


def _street(span: Span) -> bool:
    """A country's name in a street's: "Palestine Street", "rue de Palestine" (the nouns are
    the set ``street`` of ``data/places/words.tsv``)."""
    streets = place_words()["street"]
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.lower_ in streets and after.text[:1].isupper():
        return True
    before = [t.lower_ for t in doc[max(0, span.start - 2) : span.start]]
    return len(before) == 2 and before[0] in streets and before[1] in ("de", "du", "des", "d'")


def _elsewhere(entry: ActorEntry, span: Span, places: dict[int, str | None]) -> bool:
    """A capital's name the place resolver read as another country's city: "Tripoli" in
    northern Lebanon is not the Libyan government."""
    found = places.get(span.start_char)
    return entry.kind == "capital" and found is not None and found != entry.country


#: Prepositions that make a city a place rather than an actor: "à Bruxelles", "in Brussels".
LOCATIVE_ADP = {"à", "a", "in", "at", "near", "from", "to", "depuis", "vers", "dans", "près"}


def _seat_or_city(entries: Iterable[ActorEntry], span: Span) -> list[ActorEntry]:
    """A city that is both a capital and the seat of an IGO in ``igos.tsv`` ("Bruxelles a
    sanctionné ..." is the EU) stands for the IGO as an actor, and for its country's city as
    a place ("un attentat à Bruxelles")."""
    entries = list(entries)
    kinds = {e.kind for e in entries}
    if not {"igo", "capital"} <= kinds:
        return entries
    before = span.doc[span.start - 1].lower_ if span.start > 0 else ""
    first = "capital" if before in LOCATIVE_ADP else "igo"
    return sorted(entries, key=lambda e: e.kind != first)


def find_hits(doc: Doc) -> list[Hit]:
    hits = []
    skip = dateline_end(doc)
    places = {p.start: p.place.country for p in doc._.selon_places or []}
    for match in actor_table(doc.lang_).find(text_of(doc)):
        if match.start < skip:
            continue
        span = doc.char_span(match.start, match.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        for entry in _seat_or_city(match.values, span):
            if entry.kind in ("country", "capital") and _street(span):
                break
            if _elsewhere(entry, span, places):
                break
            if _keep(entry, span):
                hits.append(Hit(span, entry))
                break
            if entry.kind == "sector" and _modifier(span):
                hits.append(Hit(span, entry, modifier=True))
                break
    return _shared_names(doc, hits)


@lru_cache(maxsize=1)
def shared_names() -> dict[tuple[str, ...], tuple[str, ...]]:
    """``data/actors/shared_names.tsv``: a name several countries go by, default first."""
    return {
        words(row["name"]): tuple(split_cell(row["countries"]))
        for row in read_tsv("actors/shared_names.tsv")
    }


def _shared_names(doc: Doc, hits: list[Hit]) -> list[Hit]:
    """ "Congo" in a story about Goma, Kinshasa and the M23 is the DR Congo: a name several
    countries share goes to the one the article's other words (countries, capitals,
    demonyms, named bodies, resolved places) name most, the listed default on a tie."""
    table = shared_names()
    shared = [h for h in hits if h.entry.kind == "country" and words(h.span.text) in table]
    if not shared:
        return hits
    spans = {(h.span.start_char, h.span.end_char) for h in shared}
    cues: list[str] = [
        h.entry.country
        for h in hits
        if h.entry.country and (h.span.start_char, h.span.end_char) not in spans
    ]
    cues += [
        p.place.country
        for p in doc._.selon_places or []
        if p.place.country and not any(s <= p.start < e for s, e in spans)
    ]
    chosen: dict[int, Hit] = {}
    for hit in shared:
        options = table[words(hit.span.text)]
        best = max(options, key=lambda c: (cues.count(c), -options.index(c)))
        if best != hit.entry.country:
            name = countries()[best].name_en if best in countries() else best
            entry = ActorEntry("country", best, None, best, name)
            chosen[id(hit)] = Hit(hit.span, entry, hit.modifier)
    return [chosen.get(id(h), h) for h in hits]


def _modifier(span: Span) -> bool:
    head = head_of(span)
    return (
        len(span) == 1
        and head.pos_ == "ADJ"
        and head.dep_ == "amod"
        and head.head.pos_ in ("NOUN", "PROPN")
    )


def describe(
    hits: Iterable[Hit], region: Span | None, head: Hit | None = None
) -> tuple[str | None, str | None, str | None]:
    """(country, sector, code-override) from the hits of a region (a title, a noun phrase).

    The sector is, in order: a named body's ("le chef politique du Hamas" is a rebel, "the
    Pentagon spokesman" military); the head noun's for a group ("government troops" are
    troops); a specific title's ("général"); the body a generic title serves ("the army's
    spokesman", "le président du Parlement"); the generic title's ("porte-parole")."""
    hits = list(hits)
    country = sector = igo = None
    title_sector = body_sector = seat_sector = None
    for hit in hits:
        entry = hit.entry
        if entry.kind == "igo":
            igo = igo or entry.code
        elif entry.kind in ("country", "demonym", "capital", "person") and entry.country:
            # "Zelensky's office": a listed person gives the country of what is theirs.
            country = country or entry.country
        elif entry.kind == "seat":
            country = country or entry.country
            body_sector = body_sector or entry.sector
            seat_sector = seat_sector or entry.sector
        elif entry.kind == "sector":
            if entry.role_kind == "title":
                title_sector = title_sector or entry.sector
            else:
                body_sector = body_sector or entry.sector
    if head is not None and head.entry.kind == "sector" and head.entry.role_kind != "title":
        # "officials" are government unless a word says whose: "army officials" (MIL),
        # "un responsable rebelle" (REB); "government troops" stay troops.
        specific = next(
            (
                h.entry.sector
                for h in hits
                if h is not head
                and h.entry.kind in ("sector", "seat")
                and h.entry.sector not in (None, "GOV", "IGO")
            ),
            None,
        )
        own = head.entry.sector
        sector = seat_sector or (specific if own == "GOV" and specific else own)
    elif title_sector and title_sector != "GOV":
        sector = seat_sector or title_sector
    else:
        # "le chef de la délégation rebelle": the most specific word says whose chief; an
        # adjective of the state ("gouverneur militaire") leaves a state office as it is.
        specific = next(
            (
                h.entry.sector
                for h in hits
                if h.entry.kind == "sector"
                and h.entry.role_kind != "title"
                and h.entry.sector not in (None, "GOV", "IGO")
                and not (h.modifier and h.entry.sector in STATE_SECTORS)
            ),
            None,
        )
        sector = seat_sector or specific or body_sector or title_sector
    if region is not None and sector in (None, "GOV") and _defence_outside(hits, [region]):
        sector = "MIL"
    if country is None and region is not None:
        # "le maire d'Istanbul": a place in the noun phrase gives the country.
        for place in region.doc._.selon_places or []:
            if region.start_char <= place.start < region.end_char and place.place.country:
                country = place.place.country
                break
    if igo and not country:
        return None, "IGO", igo
    return country, sector, None


#: Sectors of a state: an actor of these without a country belongs to some state.
STATE_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG"}
#: Prepositions of a fronted place: "À Sofia, la ministre ...", "In Kyiv, officials ...".
FRONTING_ADP = {"à", "a", "in", "from", "depuis", "de", "at"}


def fronted_country(doc: Doc, sent: Span, hits: list[Hit]) -> str | None:
    """The country of a capital or country that opens the sentence as a place ("À Sofia, la
    ministre des Affaires étrangères a remercié Oman"): the officials the sentence names
    without a country serve that state."""
    start = sent.start
    if doc[start].is_punct and start > 0:
        start = doc[start - 1].sent.start  # the parser may end a sentence at "À Sofia"
    if sent.end - start < 4 or doc[start].lower_ not in FRONTING_ADP:
        return None
    for hit in hits:
        if hit.span.start == start + 1 and hit.entry.kind in ("capital", "country", "seat"):
            after = hit.span.end
            if after < sent.end and doc[after].text == "," and hit.entry.country:
                return hit.entry.country
    return None


def _defence_outside(hits: Iterable[Hit], regions: list[Span]) -> bool:
    """A defence word outside the listed terms: "porte-parole du ministère russe de la
    Défense" serves the armed forces, but "ministre de la Défense" is a term of its own whose
    sector is data (a cabinet member)."""
    hits = list(hits)
    if any(h.entry.kind == "sector" and head_of(h.span).lower_ in CABINET_TITLES for h in hits):
        return False  # "le ministre sud-coréen de la Défense" sits in the cabinet
    covered = {i for h in hits if h.entry.kind == "sector" for i in range(h.span.start, h.span.end)}
    return any(t.lower_ in DEFENCE_WORDS and t.i not in covered for r in regions for t in r)


def _trim(span: Span) -> Span:
    start, end = span.start, span.end
    while start < end and (
        span.doc[start].lower_ in ARTICLES
        or span.doc[start].is_punct
        or span.doc[start].lower_ in LEADING_ADP
    ):
        start += 1
    # A trailing article is a stray word ("les manifestants et les"), but a capitalised one
    # ends a name: "Kim Jong Un".
    while end > start and (
        span.doc[end - 1].is_punct
        or (span.doc[end - 1].lower_ in ARTICLES and span.doc[end - 1].is_lower)
    ):
        end -= 1
    # "Volodymyr Zelensky's": the possessive ending is not part of the name.
    if end - start > 1 and span.doc[end - 1].lower_ in ("'s", "’s", "'", "’"):
        end -= 1
    return span.doc[start:end]


def _title_region(doc: Doc, ent: Span) -> Span | None:
    """The words before a name that may describe it: "le ministre turc des Affaires étrangères".

    A name right after "de" / "for" is whom the title serves, not who holds it: "un
    porte-parole de Volodymyr Zelensky", "a spokesman for Hamas leader X"."""
    start = ent.start
    if start > 0 and doc[start - 1].lower_ in PRINCIPAL_PREPOSITIONS:
        return None
    sent_start = ent.sent.start
    while start > sent_start and ent.start - start < 10:
        token = doc[start - 1]
        if (token.pos_ in STOP_POS and token.text not in ("'", "’", "-")) or _in_name(token):
            break
        if token.pos_ == "ADP" and token.lower_ not in TITLE_PREPOSITIONS:
            # "talks in Nairobi between Interior Minister X": where the talks were held
            # says nothing of whose minister X is.
            break
        start -= 1
    return doc[start : ent.start] if start < ent.start else None


def _in_name(token: Token) -> bool:
    """A word of a person's name: the NER's person that starts with a capital ("kényan de
    l'Intérieur" after "le ministre" is a demonym and a portfolio)."""
    if token.ent_type_ not in PERSON_LABELS:
        return False
    start = token
    while start.ent_iob_ == "I" and start.i > 0:
        start = start.doc[start.i - 1]
    return start.text[:1].isupper()


def _title_before_comma(
    doc: Doc, ent: Span, hits: list[Hit], start: int | None = None
) -> Span | None:
    """A title the name is apposed to: "Le ministre sud-coréen de la Défense, Shin Won-sik,
    doit ..." or "The army's regional spokesman, Lt. Col. X, said". The name must close its
    apposition, and the title must not be a complement ("Selon le ministre, X a ...")."""
    comma = (ent.start if start is None else start) - 1  # before a rank: ", Colonel X,"
    if comma <= ent.sent.start or doc[comma].text != ",":
        return None
    closing: tuple[str, ...] = (",", "(", "–", "—")
    if (
        ent.end < len(doc)
        and doc[ent.end].text in (".", ";")
        and all(t.is_space for t in doc[ent.end + 1 : ent.sent.end])
    ):
        closing = (".", ";")  # "... et son homologue somalien, Ali Hassan Nur."
    if ent.end >= len(doc) or doc[ent.end].text not in closing:
        return None
    region = _title_region(doc, doc[comma : comma + 1])
    if region is None or region[0].lower_ in LEADING_ADP:
        return None
    if not any(
        h.entry.kind == "sector" and h.entry.role_kind == "title" for h in _hits_in(hits, region)
    ):
        return None
    return region


def _apposition_region(doc: Doc, ent: Span) -> Span | None:
    """ ", porte-parole du ministère russe de la Défense," after a name."""
    if ent.end >= len(doc) - 1 or doc[ent.end].text not in (",", "(", "–", "—"):
        return None
    if doc[ent.end + 1].pos_ == "CCONJ":
        return None  # ", et son homologue somalien": a second person, no apposition
    end = ent.end + 1
    while end < min(len(doc), ent.end + 14) and end < ent.sent.end:
        token = doc[end]
        if (token.is_punct and token.text not in ("'", "’", "-")) or token.pos_ in ("VERB", "AUX"):
            break
        end += 1
    return doc[ent.end + 1 : end] if end > ent.end + 1 else None


#: Prepositions between a title and the person or body it serves: "porte-parole de X",
#: "spokesman for X".
PRINCIPAL_PREPOSITIONS = {"de", "du", "des", "d'", "d’", "of", "for", "pour"}
#: Prepositions inside a title: "Secretary of State", "ministre délégué aux Armées".
TITLE_PREPOSITIONS = PRINCIPAL_PREPOSITIONS | {"à", "au", "aux", "'s", "’s"}

CLAUSE_DEPS = {"acl:relcl", "relcl", "acl", "appos", "conj", "cc", "advcl", "parataxis", "ccomp"}


#: Prepositions that attach an adjunct, not a part of the name, to a noun: "militias for the
#: shelling", "les manifestants sur la place". "of"/"de", "in"/"à" stay ("ministry of defence",
#: "les autorités à Kiev").
ADJUNCT_PREPOSITIONS = {
    "for",
    "since",
    "during",
    "after",
    "before",
    "on",
    "over",
    "with",
    "at",
    "against",
    "by",
    "to",
    "into",
    "across",
    "pour",
    "par",
    "contre",
    "avec",
    "depuis",
    "pendant",
    "après",
    "avant",
    "sur",
    "vers",
    "sans",
    "selon",
    "entre",
    "envers",
    "malgré",
    "près",
    "near",
    "around",
    "autour",
}


def _adjunct(child: Token, title: bool = False) -> bool:
    """A prepositional adjunct of a noun: "for the shelling", "depuis novembre". After a title
    "for" names whom it serves: "a spokesman for the army"."""
    if child.dep_ == "prep":
        return child.lower_ in ADJUNCT_PREPOSITIONS and not (
            title and child.lower_ in PRINCIPAL_PREPOSITIONS
        )
    cases = [c for c in child.children if c.dep_ == "case"]
    return (
        bool(cases)
        and cases[0].lower_ in ADJUNCT_PREPOSITIONS
        and not (title and cases[0].lower_ in PRINCIPAL_PREPOSITIONS)
    )


def _np_region(token: Token, title: bool = False) -> Span:
    """The noun phrase of a head: its subtree without clauses, adjuncts and punctuation, as
    one unbroken run of words inside the sentence."""
    excluded: set[int] = set()
    for child in token.children:
        if child.dep_ in CLAUSE_DEPS or child.is_punct or _adjunct(child, title):
            excluded.update(t.i for t in child.subtree)
    kept = {t.i for t in token.subtree if t.i not in excluded}
    # The unbroken run of kept words around the head: a word of an excluded clause (a relative,
    # a coordinated noun, a comma) ends the phrase rather than being jumped over.
    left = right = token.i
    floor = max(token.sent.start, token.i - 6)
    ceiling = min(token.sent.end - 1, token.i + 10)
    while floor < token.i and token.doc[floor].idx < dateline_end(token.doc):
        floor += 1  # "LONDON (The Observer) - West African leaders": not into the dateline
    doc = token.doc

    def inside(i: int) -> bool:  # a bracket or a comma ends the phrase: "Party (SNS)"
        return i in kept and not (doc[i].is_punct and doc[i].text not in ("-", "'", "’"))

    while left - 1 >= floor and inside(left - 1):
        left -= 1
    if _relative_subject(doc, left):
        ceiling = _demonyms_after(doc, token.i)
    while right + 1 <= ceiling and inside(right + 1):
        right += 1
    return doc[left : right + 1]


#: Words that open a clause whose subject comes before its verb: "le texte que l'opposition
#: juge liberticide", "ce qu'il appelle".
RELATIVE_OBJECTS = {"que", "qu'", "qu’"}


def _relative_subject(doc: Doc, left: int) -> bool:
    """A noun phrase right after "que": the subject of a clause, whose next word is its verb
    even when the parser reads it as an adjective ("que l'opposition juge")."""
    before = left - 1
    while before >= 0 and doc[before].lower_ in ARTICLES:
        before -= 1
    return before >= 0 and doc[before].lower_ in RELATIVE_OBJECTS


def _demonyms_after(doc: Doc, i: int) -> int:
    """The last word of a head's demonyms: "que l'armée russe juge" keeps "russe"."""
    demonyms = _demonyms(doc.lang_)
    while i + 1 < len(doc) and doc[i + 1].lower_ in demonyms:
        i += 1
    return i


def _hits_in(hits: list[Hit], region: Span) -> list[Hit]:
    return [h for h in hits if h.span.start >= region.start and h.span.end <= region.end]


def _actor(
    name: str,
    country: str | None,
    sector: str | None,
    *,
    code: str | None = None,
    role: str | None = None,
    start: int | None = None,
    end: int | None = None,
) -> Actor:
    return Actor(
        name=name,
        country=country,
        sector=sector,
        code=code or actor_code(country, sector),
        role=role,
        start=start,
        end=end,
    )


#: A place this large named by the NER as a person is a place ("Kharkiv" tagged PERSON).
PLACE_NOT_PERSON_POPULATION = 100_000


def _name_after(doc: Doc, hit: Hit, proper: set[int]) -> Span | None:
    """The capitalised name that follows a title: "le gouverneur régional Oleh Synehoubov"."""
    i = hit.span.end
    # Not bounded by the sentence: the parser often splits "Le gouverneur Oleh | Synehoubov".
    # "le directeur général de l'OMS, Tedros Adhanom Ghebreyesus": past an organisation.
    limit = min(len(doc), hit.span.end + 9)
    while i < limit and (not doc[i].text[:1].isupper() or i in proper):
        if (
            (doc[i].is_punct and doc[i].text != ",")
            or doc[i].is_space
            or doc[i].pos_ in ("VERB", "AUX")
        ):
            return None
        i += 1
    start = i
    if start > hit.span.end and doc[start - 1].lower_ in PRINCIPAL_PREPOSITIONS:
        return None  # "a spokesman for Jean Dupont": whom the spokesman speaks for
    while (
        i < min(len(doc), start + 4)
        and doc[i].text[:1].isupper()
        and (doc[i].is_alpha or "-" in doc[i].text)
        and i not in proper
    ):
        i += 1
    if i - start < 2:
        return None
    name = doc[start:i]
    if any(p.start <= name.start_char < p.end for p in doc._.selon_places or []):
        return None  # "the mayor of Novi Sad": a place, not the mayor's name
    return name


def _titled(doc: Doc, ent: Span, hits: list[Hit]) -> bool:
    """A title just before the name ("Governor Syniehubov", "le général Sirski")."""
    return any(
        h.entry.kind == "sector"
        and h.entry.role_kind == "title"
        and not h.modifier
        and 0 <= ent.start - h.span.end <= 2
        for h in hits
    )


#: Small words inside names: "Mohammed bin Salman", "Ursula von der Leyen", "Luiz Inácio Lula
#: da Silva". A name goes on across them only to a capitalised word.
NAME_PARTICLES = {
    "bin",
    "ben",
    "ibn",
    "bint",
    "al",
    "el",
    "von",
    "van",
    "der",
    "den",
    "de",
    "da",
    "do",
    "dos",
    "del",
    "la",
}


def _whole_name(doc: Doc, ent: Span, hits: list[Hit], proper: set[int]) -> Span:
    """The NER's person span grown to the whole name: over a listed person it overlaps ("Kim
    Jong" + "Kim Jong Un") and over capitalised words and name particles the NER cut off."""
    start, end = ent.start, ent.end
    for hit in hits:
        if hit.entry.kind == "person" and hit.span.start < end and start < hit.span.end:
            start, end = min(start, hit.span.start), max(end, hit.span.end)
    for hit in hits:
        # "Crown Prince Mohammed bin Salman" as one NER span: the title is no part of the name.
        if (
            hit.entry.kind == "sector"
            and hit.entry.role_kind == "title"
            and hit.span.start == start
            and hit.span.end < end
        ):
            start = hit.span.end
            doc.user_data.setdefault("selon_title_of", {})[start] = (hit.span.start, start)
    limit = min(len(doc), ent.sent.end)
    while end < limit:
        token = doc[end]
        nxt = doc[end + 1] if end + 1 < limit else None
        if token.lower_ in NAME_PARTICLES and nxt is not None and nxt.text[:1].isupper():
            if nxt.i in proper or not nxt.is_alpha:
                break
            end += 2
        elif (
            token.text[:1].isupper()
            and token.pos_ == "PROPN"
            and token.is_alpha
            and token.i not in proper
            and token.ent_type_ in ("", *PERSON_LABELS)
            and not token.is_sent_start
        ):
            end += 1
        else:
            break
    return doc[start:end]


def _from_capital(doc: Doc, ent: Span) -> Span | None:
    """A name starts with a capital or a particle before one ("de Villepin"): the NER's
    "kényan de l'Intérieur" after "le ministre" is a demonym and a portfolio, no name. What
    is left after lower-case words is a name only if no article or "de" precedes it."""
    start = ent.start
    while start < ent.end and not doc[start].text[:1].isupper():
        if (
            start == ent.start
            and doc[start].lower_ in NAME_PARTICLES
            and start + 1 < ent.end
            and doc[start + 1].text[:1].isupper()
        ):
            return ent
        start += 1
    if start == ent.start:
        return ent
    if start >= ent.end or doc[start - 1].lower_ in ARTICLES:
        return None
    return doc[start : ent.end]


def _person_spans(doc: Doc, hits: list[Hit]) -> list[Span]:
    """Persons: the NER's, names after titles it missed, and later bare surnames."""
    from selon.gazetteer import gazetteer

    gaz = gazetteer()
    proper = {
        i for h in hits if h.entry.kind in PROPER_KINDS for i in range(h.span.start, h.span.end)
    }
    spans: list[Span] = []
    for found in doc.ents:
        if found.label_ not in PERSON_LABELS or found.start_char < dateline_end(doc):
            continue
        ent = _from_capital(doc, found)
        if ent is None:
            continue
        candidates = gaz.candidates(ent.text)
        if any(c.population >= PLACE_NOT_PERSON_POPULATION or c.kind != "city" for c in candidates):
            continue
        if any(ent.start <= i < ent.end for i in proper) and len(ent) == 1:
            continue
        if _covered(ent, hits):
            continue  # "Kataib Hezbollah" (a listed group), "Premier ministre" (a bare title)
        if len(ent) == 1 and not _titled(doc, ent, hits):
            continue  # a lone capitalised word the NER calls a person is often a weapon or a place
        spans.append(_whole_name(doc, ent, hits, proper))
    taken = {i for s in spans for i in range(s.start, s.end)}
    for hit in hits:
        if hit.entry.kind == "person" and not any(
            i in taken for i in range(hit.span.start, hit.span.end)
        ):
            spans.append(hit.span)
            taken.update(range(hit.span.start, hit.span.end))
    for hit in hits:
        if hit.entry.kind == "sector" and hit.entry.role_kind == "title" and not hit.modifier:
            name = _name_after(doc, hit, proper)
            if name is not None and not any(i in taken for i in range(name.start, name.end)):
                spans.append(name)
                taken.update(range(name.start, name.end))
                # The title describes the name even across an organisation and a comma
                # ("le directeur général de l'OMS, Tedros Adhanom Ghebreyesus").
                doc.user_data.setdefault("selon_title_of", {})[name.start] = (
                    hit.span.start,
                    name.start,
                )
    surnames = {s[-1].text for s in spans if len(s) >= 2}
    for token in doc:
        if token.text in surnames and token.i not in taken and token.text[:1].isupper():
            spans.append(doc[token.i : token.i + 1])
            taken.add(token.i)
    return sorted(spans, key=lambda s: s.start)


def _covered(ent: Span, hits: list[Hit]) -> bool:
    """A span the NER calls a person that is wholly a known name of something else (a group,
    an institution, a country) or a title without a name."""
    covered: set[int] = set()
    for hit in hits:
        if hit.entry.kind in ("seat", "igo", "country", "capital") or (
            hit.entry.kind == "sector" and hit.entry.role_kind == "title"
        ):
            covered.update(range(hit.span.start, hit.span.end))
    return all(t.i in covered or not t.is_alpha for t in ent)


def _person_mentions(doc: Doc, hits: list[Hit]) -> list[ActorMention]:
    mentions: list[ActorMention] = []
    known: list[Actor] = []  # first full mentions, in order
    for ent in _person_spans(doc, hits):
        ent = _trim(ent)
        if not len(ent) or not any(t.is_alpha for t in ent):
            continue
        apposition = _apposition_region(doc, ent)
        regions = [r for r in (_title_region(doc, ent), apposition) if r]
        titled_from = doc.user_data.get("selon_title_of", {}).get(ent.start)
        if titled_from is None:
            # "L'opposant Venâncio Mondlane": a title the parser took for a verb.
            titled_from = next(
                (
                    (h.span.start, h.span.end)
                    for h in hits
                    if h.entry.kind == "sector"
                    and h.entry.role_kind == "title"
                    and not h.modifier
                    and h.span.end == ent.start
                ),
                None,
            )
        if titled_from is not None and not any(r.end == ent.start for r in regions):
            regions.insert(0, doc[titled_from[0] : titled_from[1]])
        office = apposition
        rank = [r.start for r in regions if r.end == ent.start]
        fronted = _title_before_comma(doc, ent, hits, min(rank, default=ent.start))
        if fronted is not None and not any(r.start == fronted.start for r in regions):
            regions.insert(0, fronted)
            office = office or fronted
        region_hits = [h for r in regions for h in _hits_in(hits, r)]
        country, sector, igo = describe(region_hits, None if not regions else regions[0])
        if office is not None and igo is None:
            # The office in an apposition says what a rank next to the name does not:
            # "Colonel Amadou Keita, the government spokesman" and "Its spokesman, Colonel
            # Amadou Keita," speak for the government.
            office_hits = _hits_in(hits, office)
            if any(h.entry.kind == "sector" and not h.modifier for h in office_hits):
                sector = describe(office_hits, office)[1] or sector
        if country is None and igo is None and sector in STATE_SECTORS:
            country = fronted_country(doc, ent.sent, hits)
        if sector in (None, "GOV") and _defence_outside(region_hits, regions):
            sector = "MIL"
        role = None
        titled = [h for h in region_hits if h.entry.kind == "sector"]
        if titled:
            region = next(
                r
                for r in regions
                if titled[0].span.start >= r.start and titled[0].span.end <= r.end
            )
            # The role starts at its first known word: not "rencontre à Nairobi entre le
            # ministre kényan" but "ministre kényan de l'Intérieur".
            first = titled[0].span.start
            words_known = {
                i for h in _hits_in(hits, region) for i in range(h.span.start, h.span.end)
            }
            while first > region.start and (
                first - 1 in words_known or doc[first - 1].pos_ in ("ADJ", "DET", "PART")
            ):
                first -= 1
            region = doc[first : region.end]
            role = _trim(region).text or None
        name = ent.text
        famous = next(
            (
                h.entry
                for h in hits
                if h.entry.kind == "person" and h.span.start < ent.end and ent.start < h.span.end
            ),
            None,
        )
        if famous is not None:
            # A listed person's country is data; an apposition may name a place of theirs
            # ("Najib Mikati, lui-même originaire de Tripoli") that is not a nationality.
            country = famous.country or country
            sector = famous.sector or sector
            igo = igo or (famous.code if famous.sector == "IGO" else None)
            role = role or famous.role
            if len(ent) < 2:  # a bare surname takes the full name; a full name stays as written
                name = famous.name or name
        earlier = _same_person(known, name)
        if earlier is not None:
            name = earlier.name
            country = country or earlier.country
            sector = sector or earlier.sector
            role = role or earlier.role
            igo = igo or (earlier.code if earlier.sector == "IGO" else None)
        actor = _actor(
            name, country, sector, code=igo, role=role, start=ent.start_char, end=ent.end_char
        )
        if earlier is None and (len(ent) >= 2 or famous is not None):
            known.append(actor)
        elif earlier is not None:
            known[known.index(earlier)] = Actor(
                **{
                    **earlier.model_dump(),
                    "country": country,
                    "sector": sector,
                    "role": role,
                    "code": actor.code,
                }
            )
        mentions.append(ActorMention(ent.start_char, ent.end_char, actor, "person", ent.root.i))
        # The title stands for the person too: "le président ... a appelé" parses "président"
        # as the subject.
        for region in regions:
            for hit in _hits_in(hits, region):
                if hit.entry.kind == "sector" and not hit.modifier:
                    head = head_of(hit.span)
                    mentions.append(
                        ActorMention(ent.start_char, ent.end_char, actor, "person", head.i)
                    )
                    TITLE_TOKENS.setdefault(id(doc), set()).update(range(region.start, region.end))
    return mentions


def _principal(
    mentions: list[ActorMention],
    region: Span,
    head: Token,
    country: str | None,
    sector: str | None,
) -> tuple[str | None, str | None, str | None]:
    """A title followed by the person it serves ("un porte-parole de Jean Dupont", "a
    spokesman for the prime minister, X"): the title is that person's office, with their
    country, sector or IGO where its own words say none."""
    for mention in mentions:
        if mention.kind != "person" or mention.start < head.idx:
            continue
        if mention.start >= region.end_char or mention.end > region.end_char:
            continue
        actor = mention.actor
        if actor.sector == "IGO" and country is None:
            return None, "IGO", actor.code
        return (
            country or actor.country,
            (actor.sector if sector in (None, "GOV") and actor.sector else sector),
            None,
        )
    return country, sector, None


def _same_person(known: list[Actor], name: str) -> Actor | None:
    tokens = name.split()
    for actor in reversed(known):
        full = actor.name.split()
        if name == actor.name or (len(tokens) < len(full) and full[-len(tokens) :] == tokens):
            return actor
    return None


@Language.component("selon_actors", assigns=["doc._.selon_actors"])
def selon_actors(doc: Doc) -> Doc:
    hits = find_hits(doc)
    mentions = _person_mentions(doc, hits)
    titled = TITLE_TOKENS.pop(id(doc), set())
    person_tokens = {
        token.i
        for m in mentions
        for token in doc.char_span(m.start, m.end, alignment_mode="expand") or ()
    }
    for hit in hits:
        span, entry = hit.span, hit.entry
        if span.start in person_tokens or hit.modifier:
            continue
        if entry.kind == "person":
            continue  # made into person mentions above
        if entry.kind in PROPER_KINDS:
            sector = entry.sector
            code = entry.code if entry.kind == "igo" else None
            actor = _actor(
                span.text,
                entry.country,
                sector,
                code=code,
                start=span.start_char,
                end=span.end_char,
            )
            mentions.append(
                ActorMention(span.start_char, span.end_char, actor, entry.kind, span.root.i)
            )
        elif entry.kind == "sector":
            head = head_of(span)
            if head.i in titled:
                continue
            title = entry.role_kind == "title"
            region = _np_region(head, title)
            region = doc[min(region.start, span.start) : max(region.end, span.end)]
            country, sector, igo = describe(_hits_in(hits, region), region, hit)
            if title and igo is None:
                country, sector, igo = _principal(mentions, region, head, country, sector)
            if country is None and igo is None and (sector or entry.sector) in STATE_SECTORS:
                country = fronted_country(doc, head.sent, hits)
            region = _trim(region)
            actor = _actor(
                region.text,
                country,
                sector or entry.sector,
                code=igo,
                role=span.text if entry.role_kind == "title" else None,
                start=region.start_char,
                end=region.end_char,
            )
            mentions.append(
                ActorMention(region.start_char, region.end_char, actor, "group", head.i)
            )
        elif entry.kind == "demonym" and span.start not in titled:
            # "les Russes" (a noun) or "les frappes russes" (an adjective naming the actor)
            actor = _actor(span.text, entry.country, None, start=span.start_char, end=span.end_char)
            mentions.append(
                ActorMention(span.start_char, span.end_char, actor, "demonym", span.root.i)
            )
    mentions.sort(key=lambda m: (m.start, -m.end))
    doc._.selon_actors = _home_country(doc, hits, _taken_up(mentions))
    return doc


#: Sectors of an actor that belongs to some country: without a word that says which, the
#: office named earlier or the article's one country.
HOME_SECTORS = STATE_SECTORS | {"OPP", "PTY"}
#: The share of the article's country words one country must have to be its country.
MAIN_COUNTRY_SHARE = 0.5


def main_country(doc: Doc, hits: list[Hit]) -> str | None:
    """The country an article is about: the one its countries, capitals, demonyms, named
    bodies and resolved places name in more than half of their mentions (two at least)."""
    cues = [
        h.entry.country
        for h in hits
        if h.entry.kind in ("country", "capital", "demonym", "seat") and h.entry.country
    ]
    named = {h.span.start_char for h in hits}
    cues += [
        p.place.country
        for p in doc._.selon_places or []
        if p.place.country and p.start not in named  # "Nairobi" once, as a capital
    ]
    if not cues:
        return None
    best = max(set(cues), key=lambda c: (cues.count(c), c))
    count = cues.count(best)
    return best if count >= 2 and count > MAIN_COUNTRY_SHARE * len(cues) else None


@lru_cache(maxsize=2)
def _title_words(lang: str) -> frozenset[str]:
    """The one-word sector terms ("minister", "ministère", "porte-parole"): what is left of a
    role without them is its portfolio ("interior", "Intérieur")."""
    rows = read_tsv(f"actors/sectors_{lang}.tsv")
    terms = [words(row["term"]) for row in rows]
    return frozenset(t[0] for t in terms if len(t) == 1)


def _portfolio(text: str, lang: str) -> set[str]:
    return {w for w in words(text) if len(w) > 4 and w not in _title_words(lang)}


def _home_country(doc: Doc, hits: list[Hit], mentions: list[ActorMention]) -> list[ActorMention]:
    """An office or group of a state, an opposition or a party that no word gives a country:
    "Interior Minister X" after "Somalia's interior ministry" is Somalia's (the same
    portfolio, named earlier with its country); otherwise the article's one country ("Sa
    porte-parole" in a story about Mozambique, "Opposition parties" in one about Serbia)."""
    home = main_country(doc, hits)
    out: list[ActorMention] = []
    for mention in mentions:
        actor = mention.actor
        if (
            mention.kind in ("group", "person")
            and actor.country is None
            and actor.sector in HOME_SECTORS
            and actor.code == actor.sector
        ):
            country = _same_office(doc, mention, out) or home
            if country is not None:
                actor = actor.model_copy(
                    update={"country": country, "code": actor_code(country, actor.sector)}
                )
                mention = ActorMention(
                    mention.start, mention.end, actor, mention.kind, mention.head
                )
        out.append(mention)
    return out


#: How many words before a name may hold its portfolio ("Interior Minister X").
PORTFOLIO_REACH = 4


def _same_office(doc: Doc, mention: ActorMention, earlier: list[ActorMention]) -> str | None:
    text = mention.actor.role or mention.actor.name
    if mention.kind == "person":
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None:
            words_before = doc[max(span.sent.start, span.start - PORTFOLIO_REACH) : span.start]
            text = f"{words_before.text} {text}"
    portfolio = _portfolio(text, doc.lang_)
    if not portfolio:
        return None
    for other in reversed(earlier):
        actor = other.actor
        if (
            other.start < mention.start
            and other.kind in ("group", "person")
            and actor.country
            and actor.sector == mention.actor.sector
            and portfolio & _portfolio(actor.name, doc.lang_)
        ):
            return actor.country
    return None


#: Sectors whose generic groups take up an earlier group's country. Not the government: a
#: story quotes several governments, and "le gouvernement" is most often the home one.
TAKEN_UP_SECTORS = {"MIL", "REB", "COP"}


def _taken_up(mentions: list[ActorMention]) -> list[ActorMention]:
    """A generic group without a country takes up the last earlier actor of its sector that
    has one: "les rebelles" after "les rebelles du M23" are the M23's (CODREB), "the army"
    after "the Sudanese army" Sudan's."""
    out: list[ActorMention] = []
    last: dict[str, str] = {}  # sector -> country of its last mention with one
    for mention in mentions:
        actor = mention.actor
        if (
            mention.kind == "group"
            and actor.country is None
            and actor.sector in last
            and actor.sector in TAKEN_UP_SECTORS
            and actor.code == actor.sector
        ):
            country = last[actor.sector]
            actor = actor.model_copy(
                update={"country": country, "code": actor_code(country, actor.sector)}
            )
            mention = ActorMention(mention.start, mention.end, actor, mention.kind, mention.head)
        if actor.sector and actor.country and actor.code == actor_code(actor.country, actor.sector):
            last[actor.sector] = actor.country
        out.append(mention)
    return out


# --- lookups used by the later components ------------------------------------------------------


def actor_at(doc: Doc, token: Token, *, depth: int = 1) -> ActorMention | None:
    """The actor mention a syntactic argument refers to: by head, by span, then its children.

    One level down by default: "les frappes russes" (amod), "la délégation de l'Ukraine"
    (nmod). Further down, a mention belongs to another phrase ("the port of the city of X")."""
    mentions: list[ActorMention] = doc._.selon_actors or []
    if token.idx < dateline_end(doc):
        # The parser often makes the dateline the subject ("TOKYO ... - Japan, South Korea
        # and the United States began"): the real subject is coordinated after it.
        after = [c for c in token.children if c.dep_ == "conj" and c.idx >= dateline_end(doc)]
        return actor_at(doc, after[0], depth=depth) if after else None
    by_head = [m for m in mentions if m.head == token.i]
    if by_head:
        found = min(by_head, key=lambda m: m.end - m.start)
        if found.kind == "group":
            # "La porte-parole de la diplomatie russe, Maria Zakharova, a dénoncé": the title
            # is the subject in the parse, the apposed name is who acts.
            apposed = _apposed_person(doc, found)
            if apposed is not None:
                return apposed
        return found
    inside = [m for m in mentions if m.start <= token.idx < m.end]
    if inside:
        return min(inside, key=lambda m: m.end - m.start)
    if token.lower_ in PRONOUNS.get(doc.lang_, {}):
        return resolve_pronoun(doc, token)
    if depth > 0:
        for child in token.children:
            if child.dep_ in (
                "amod",
                "nmod",
                "compound",
                "flat:name",
                "flat",
                "appos",
                "poss",
            ):
                below = actor_at(doc, child, depth=depth - 1)
                if below is not None:
                    return below
    return None


#: How far after a title its apposed name may start (", Colonel Abdoulaye Maïga").
APPOSITION_REACH = 30


def _apposed_person(doc: Doc, group: ActorMention) -> ActorMention | None:
    gap = text_of(doc)[group.end : group.end + 3]
    if not gap.startswith((",", " (", "—", " –")):
        return None
    mentions: list[ActorMention] = doc._.selon_actors or []
    for mention in mentions:
        if mention.kind == "person" and group.end < mention.start <= group.end + APPOSITION_REACH:
            between = text_of(doc)[group.end + 1 : mention.start].strip(" ,(—–")
            if all(word[:1].isupper() or word.endswith(".") for word in between.split()):
                return mention
    return None


def prefer_person(doc: Doc, mention: ActorMention) -> ActorMention:
    """A title or body followed by an apposed name stands for that person."""
    if mention.kind == "group":
        return _apposed_person(doc, mention) or mention
    return mention


def phrase_actor(doc: Doc, token: Token) -> ActorMention | None:
    """An actor for a noun phrase no lexicon knows ("la préfecture", "Camp leaders", "le
    Bureau de coordination des affaires humanitaires"): its words as the name, and what its
    known words say (a country, a sector, an IGO) when they say it."""
    if token.pos_ not in ("NOUN", "PROPN") or token.is_stop:
        return None
    region = _trim(_np_region(token))
    if not len(region) or len(region) > 12:
        return None
    country, sector, igo = describe(_hits_in(find_hits_cached(doc), region), region)
    actor = _actor(
        region.text, country, sector, code=igo, start=region.start_char, end=region.end_char
    )
    return ActorMention(region.start_char, region.end_char, actor, "phrase", token.i)


def find_hits_cached(doc: Doc) -> list[Hit]:
    cached: list[Hit] | None = doc.user_data.get("selon_actor_hits")
    if cached is None:
        cached = find_hits(doc)
        doc.user_data["selon_actor_hits"] = cached
    return cached


def resolve_pronoun(doc: Doc, token: Token) -> ActorMention | None:
    """The most recent compatible actor before a pronoun: a person for il/elle/he/she."""
    mentions: list[ActorMention] = doc._.selon_actors or []
    wanted = PRONOUNS.get(doc.lang_, {}).get(token.lower_)
    if wanted is None:
        return None
    before = [m for m in mentions if m.end <= token.idx]
    if wanted in ("m", "f"):
        persons = [m for m in before if m.kind == "person"]
        # A person who acts or speaks (a subject) is what a pronoun most often takes up;
        # a name in a complement ("a encouragé Poutine") much less.
        subjects = [m for m in persons if _is_subject(doc, m)]
        chosen = subjects or persons
        return chosen[-1] if chosen else None
    return before[-1] if before else None


def _is_subject(doc: Doc, mention: ActorMention) -> bool:
    head = doc[mention.head]
    chain = [head, *list(head.ancestors)[:2]]
    return any(t.dep_ in ("nsubj", "nsubj:pass", "nsubjpass") for t in chain)
