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

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from selon.components import ActorMention, text_of
from selon.lexicon import ActorEntry, actor_table
from selon.records import Actor, actor_code

PERSON_LABELS = {"PER", "PERSON"}
#: Tokens of the titles and appositions of persons, per Doc, while the component runs.
TITLE_TOKENS: dict[int, set[int]] = {}
PROPER_KINDS = {"country", "capital", "seat", "igo", "person"}
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
}
PRONOUNS = {
    "fr": {"il": "m", "elle": "f", "ils": "p", "elles": "p", "celui-ci": "m", "celle-ci": "f"},
    "en": {"he": "m", "she": "f", "they": "p", "it": "n"},
}


@dataclass
class Hit:
    span: Span
    entry: ActorEntry


def _keep(entry: ActorEntry, span: Span) -> bool:
    """Case and part-of-speech rules that keep common words from being read as actors."""
    text = span.text
    if entry.kind in PROPER_KINDS:
        if not text[:1].isupper():
            return False
        letters = [c for c in text if c.isalpha()]
        # Short names must match in upper case: "UN", "US", "EU", not "Un", "Us".
        return len(letters) > 3 or all(c.isupper() for c in letters)
    if entry.kind == "sector":
        head = span[0] if span.doc.lang_ == "fr" else span[-1]
        if head.pos_ not in ("NOUN", "PROPN") and not (len(span) > 1 and head.pos_ == "ADJ"):
            return False
    return True


def dateline_end(doc: Doc) -> int:
    """Where the dateline ends (0 without one): nothing in it is an actor or an event place."""
    dateline = (doc._.selon_meta or {}).get("dateline")
    return int(dateline[1]) if dateline else 0


def find_hits(doc: Doc) -> list[Hit]:
    hits = []
    skip = dateline_end(doc)
    for match in actor_table(doc.lang_).find(text_of(doc)):
        if match.start < skip:
            continue
        span = doc.char_span(match.start, match.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        for entry in match.values:
            if _keep(entry, span):
                hits.append(Hit(span, entry))
                break
    return hits


def describe(hits: Iterable[Hit], region: Span | None) -> tuple[str | None, str | None, str | None]:
    """(country, sector, code-override) from the hits of a region (a title, a noun phrase)."""
    country = sector = igo = None
    title_sector = body_sector = None
    for hit in hits:
        entry = hit.entry
        if entry.kind == "igo":
            igo = igo or entry.code
        elif entry.kind in ("country", "demonym", "capital") and entry.country:
            country = country or entry.country
        elif entry.kind == "seat":
            country = country or entry.country
            body_sector = body_sector or entry.sector
        elif entry.kind == "sector":
            if entry.role_kind == "title":
                title_sector = title_sector or entry.sector
            else:
                body_sector = body_sector or entry.sector
    sector = title_sector or body_sector
    if region is not None and any(t.lower_ in DEFENCE_WORDS for t in region):
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


def _trim(span: Span) -> Span:
    start, end = span.start, span.end
    while start < end and (
        span.doc[start].lower_ in ARTICLES
        or span.doc[start].is_punct
        or span.doc[start].lower_ in LEADING_ADP
    ):
        start += 1
    while end > start and (span.doc[end - 1].is_punct or span.doc[end - 1].lower_ in ARTICLES):
        end -= 1
    return span.doc[start:end]


def _title_region(doc: Doc, ent: Span) -> Span | None:
    """The words before a name that may describe it: "le ministre turc des Affaires étrangères"."""
    start = ent.start
    sent_start = ent.sent.start
    while start > sent_start and ent.start - start < 10:
        token = doc[start - 1]
        if (
            token.pos_ in STOP_POS and token.text not in ("'", "’", "-")
        ) or token.ent_type_ in PERSON_LABELS:
            break
        start -= 1
    return doc[start : ent.start] if start < ent.start else None


def _apposition_region(doc: Doc, ent: Span) -> Span | None:
    """ ", porte-parole du ministère russe de la Défense," after a name."""
    if ent.end >= len(doc) - 1 or doc[ent.end].text not in (",", "(", "–", "—"):
        return None
    end = ent.end + 1
    while end < min(len(doc), ent.end + 14) and end < ent.sent.end:
        token = doc[end]
        if (token.is_punct and token.text not in ("'", "’", "-")) or token.pos_ in ("VERB", "AUX"):
            break
        end += 1
    return doc[ent.end + 1 : end] if end > ent.end + 1 else None


CLAUSE_DEPS = {"acl:relcl", "relcl", "acl", "appos", "conj", "cc", "advcl", "parataxis", "ccomp"}


def _np_region(token: Token) -> Span:
    """The noun phrase of a head: its subtree without clauses, inside the sentence."""
    excluded: set[int] = set()
    for child in token.children:
        if child.dep_ in CLAUSE_DEPS or child.is_punct:
            excluded.update(t.i for t in child.subtree)
    kept = [t.i for t in token.subtree if t.i not in excluded]
    left = max(min(kept), token.sent.start, token.i - 6)
    right = min(max(kept), token.i + 10, token.sent.end - 1)
    return token.doc[left : right + 1]


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
    while (
        i < min(len(doc), start + 4)
        and doc[i].text[:1].isupper()
        and (doc[i].is_alpha or "-" in doc[i].text)
        and i not in proper
    ):
        i += 1
    return doc[start:i] if i - start >= 2 else None


def _titled(doc: Doc, ent: Span, hits: list[Hit]) -> bool:
    """A title just before the name ("Governor Syniehubov", "le général Sirski")."""
    return any(
        h.entry.kind == "sector"
        and h.entry.role_kind == "title"
        and 0 <= ent.start - h.span.end <= 2
        for h in hits
    )


def _person_spans(doc: Doc, hits: list[Hit]) -> list[Span]:
    """Persons: the NER's, names after titles it missed, and later bare surnames."""
    from selon.gazetteer import gazetteer

    gaz = gazetteer()
    proper = {
        i for h in hits if h.entry.kind in PROPER_KINDS for i in range(h.span.start, h.span.end)
    }
    spans: list[Span] = []
    for ent in doc.ents:
        if ent.label_ not in PERSON_LABELS or ent.start_char < dateline_end(doc):
            continue
        candidates = gaz.candidates(ent.text)
        if any(c.population >= PLACE_NOT_PERSON_POPULATION or c.kind != "city" for c in candidates):
            continue
        if any(ent.start <= i < ent.end for i in proper) and len(ent) == 1:
            continue
        if len(ent) == 1 and not _titled(doc, ent, hits):
            continue  # a lone capitalised word the NER calls a person is often a weapon or a place
        spans.append(ent)
    taken = {i for s in spans for i in range(s.start, s.end)}
    for hit in hits:
        if hit.entry.kind == "person" and not any(
            i in taken for i in range(hit.span.start, hit.span.end)
        ):
            spans.append(hit.span)
            taken.update(range(hit.span.start, hit.span.end))
    for hit in hits:
        if hit.entry.kind == "sector" and hit.entry.role_kind == "title":
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


def _person_mentions(doc: Doc, hits: list[Hit]) -> list[ActorMention]:
    mentions: list[ActorMention] = []
    known: list[Actor] = []  # first full mentions, in order
    for ent in _person_spans(doc, hits):
        ent = _trim(ent)
        if not len(ent) or not any(t.is_alpha for t in ent):
            continue
        regions = [r for r in (_title_region(doc, ent), _apposition_region(doc, ent)) if r]
        titled_from = doc.user_data.get("selon_title_of", {}).get(ent.start)
        if titled_from is not None and not any(r.end == ent.start for r in regions):
            regions.insert(0, doc[titled_from[0] : titled_from[1]])
        region_hits = [h for r in regions for h in _hits_in(hits, r)]
        country, sector, igo = describe(region_hits, None if not regions else regions[0])
        if regions and any(t.lower_ in DEFENCE_WORDS for r in regions for t in r):
            sector = "MIL" if sector in (None, "GOV") else sector
        role = None
        titled = [h for h in region_hits if h.entry.kind == "sector"]
        if titled:
            region = next(
                r
                for r in regions
                if titled[0].span.start >= r.start and titled[0].span.end <= r.end
            )
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
            sector = sector or famous.sector
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
                if hit.entry.kind == "sector":
                    head = hit.span[0] if doc.lang_ == "fr" else hit.span[-1]
                    mentions.append(
                        ActorMention(ent.start_char, ent.end_char, actor, "person", head.i)
                    )
                    TITLE_TOKENS.setdefault(id(doc), set()).update(range(region.start, region.end))
    return mentions


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
        if span.start in person_tokens:
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
            head = span[0] if doc.lang_ == "fr" else span[-1]
            if head.i in titled:
                continue
            region = _np_region(head)
            region = doc[min(region.start, span.start) : max(region.end, span.end)]
            country, sector, igo = describe(_hits_in(hits, region), region)
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
    doc._.selon_actors = mentions
    return doc


# --- lookups used by the later components ------------------------------------------------------


def actor_at(doc: Doc, token: Token, *, depth: int = 2) -> ActorMention | None:
    """The actor mention a syntactic argument refers to: by head, by span, then its children."""
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
                "nummod",
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
