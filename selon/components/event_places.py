"""Where an event happened: the places of its sentence that say where, not who.

A place mention plays one of these roles for an event's trigger (``place_role``; the words
are in ``data/places/words.tsv``):

- ``at``: a locative phrase ("à Kharkiv", "in Baghdad", "près de Tripoli", "au large d'Aden",
  "the outskirts of Goma", "les habitants de Belgorod"), or a place reached through a noun of
  place ("la ville de Belgorod a été bombardée", "seized large parts of North Kivu") or through
  any noun a locative phrase puts the act at ("devant le palais de justice de Tunis");
- ``towards``: a direction or an origin ("sur Kiev", "into the Bryansk region", "depuis Sunan",
  "from Kherson", "se sont retirés de Goma");
- ``object``: a bare subject or object of the trigger's clause ("ont visé Kharkiv", "Bakou a
  salué"): the target of a strike, or a capital speaking for its government, which only the
  event's type tells apart;
- ``actor``: an argument or a modifier of something else ("contre la Russie", "exigé de
  Washington", "sanctionner Kigali", "Iran's foreign ministry", "le gouverneur de Belgorod",
  "transmis à Kiev la position").

``event_places`` (called for each event as it is found) keeps the ``at``, ``towards`` and
``object`` places of the trigger's sentence, cut at line breaks, on the same side of a quote
and outside the event's actors' names (unless ``at``): those hanging on the trigger's own
clause if any (not through a phrase about another time: "cinq jours après la mort de trois
soldats en Jordanie", nor through a subordinate clause with a subject of its own: "après que
Washington a levé les restrictions"), else the sentence's. A dateline place ("KIEV, 7 janv.") says where the
story was filed: it counts only when the sentence has no other.

``settle_places`` (run once the article's events are merged, when their types are final):

- a statement, a demand, a sanction, talks, an agreement keep only ``at`` places hanging
  directly on their own clause ("met in Istanbul", "a déclaré à Kiev"; not "assets in Russia",
  not the place of another event's clause); in the lead sentence, without one, the dateline's
  ("ACCRA, July 4 - West African leaders lifted the sanctions");
- a physical act whose only place is the dateline's loses it when the article's nearest other
  physical act with a place is in another country ("SEOUL - North Korea fired missiles", then
  "launched from Sunan");
- a physical act (strike, arrest, protest, deployment, withdrawal), or a call for a protest,
  that took place (or a protest called for: "une nouvelle journée de grève samedi") and has no
  place takes the places of the closest earlier physical act of its paragraph, else the
  country (at country precision) of the nearest physical act with a place in the article, else
  the country the article's places name most.

A place that hangs on a nominal trigger itself ("a day after twin bombings in Kerman") is the
event's first, even inside a phrase about another time. A dative ("adressé à Séoul") is an
actor only for a country or a capital, which may stand for a government ("envoyé des renforts
à Kharkiv" says where).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from selon.components import EventMention, PlaceMention, span_containing, text_of
from selon.components.actors import dateline_end
from selon.gazetteer import gazetteer, place_words
from selon.records import Place

#: Dependencies of a verb's complements: "à X" beside one of them is a dative ("transmis à
#: Kiev la position").
CLAUSE_DEPS = {"obj", "dobj", "xcomp", "ccomp"}
SUBJECT_OBJECT = {"nsubj", "nsubj:pass", "nsubjpass", "obj", "dobj", "iobj", "obl:agent"}
MODIFIER_DEPS = {"compound", "amod", "nmod", "poss", "nmod:poss"}


def _is(word: str, kind: str) -> bool:
    """Whether a lower-case word is in a set of ``data/places/words.tsv``."""
    return word in place_words().get(kind, frozenset())


def place_role(doc: Doc, mention: PlaceMention, trigger: Token | None = None) -> str:
    """How a place mention is used: ``at``, ``towards``, ``object`` (of ``trigger``'s clause,
    or of any verb without one) or ``actor``; ``bare`` when the parse says nothing."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or not len(span):
        return "bare"
    role = _role(span.root, trigger, 0, seat=_seat(mention))
    if role == "actor" and mention.feature is not None and _prepositions(span.root) == []:
        return "towards"  # "la ville de Belgorod a été bombardée" is a place, not an actor
    if (
        role == "actor"
        and mention.place.precision != "country"
        and _of_a_setting(span.root, _seat(mention))
    ):
        return "at"  # "devant le palais de justice de Tunis": the court is in Tunis
    return role


#: How many nouns of nouns a place may hang on below the noun of a locative phrase.
SETTING_DEPTH = 3


def _of_a_setting(token: Token, seat: bool) -> bool:
    """Whether a place complements a noun (through nouns of nouns) that a locative phrase puts
    the act at: "devant le tribunal de première instance de Sfax", "outside the court of
    appeal of Sousse". A town's court, town hall or home is in that town, whatever the noun;
    not "le porte-parole du tribunal de Nantes" (no locative phrase). Behind a preposition
    that may also say to whom (an "at" word outside the set ``spatial``, such as "à" or
    "at"), a country or a capital is who (``seat``): "à la
    demande de Kiev", "porter atteinte à la souveraineté de Séoul"; a town is where: "à son
    domicile de La Marsa"."""
    current = token
    for _ in range(SETTING_DEPTH):
        preps = _prepositions(current)
        if not (preps and _is(preps[0], "of")) and current.dep_ not in MODIFIER_DEPS:
            return False
        head = current.head.head if current.dep_ == "pobj" else current.head
        if head.pos_ != "NOUN" or head.i == current.i:
            return False
        above = _prepositions(head)
        if above and _is(above[0], "at") and (_is(above[0], "spatial") or not seat):
            return True
        current = head
    return False


def _seat(mention: PlaceMention) -> bool:
    """Whether a place may stand for a government: a country or a capital."""
    place = mention.place
    if place.precision == "country":
        return True
    capital = gazetteer().capitals.get(place.country or "")
    return capital is not None and capital.geonames_id == place.geonames_id


def _role(
    token: Token, trigger: Token | None, depth: int, placed: bool = False, seat: bool = True
) -> str:
    """``placed``: the phrase was reached through a place noun ("la ville de", "the outskirts
    of"), so it names a location even as a subject or an object of another clause. ``seat``:
    the place is a country or a capital, which may stand for its government."""
    dep = token.dep_
    # the word a noun hangs on: its head, or for an English prepositional object the word the
    # preposition hangs on ("the city of Dnipro": city)
    head = token.head.head if dep == "pobj" else token.head
    if depth > 5 or head.i == token.i:
        return "bare"
    preps = _prepositions(token)
    if dep in ("conj", "appos", "flat", "flat:name") and not preps:
        return _role(head, trigger, depth + 1, placed, seat)
    if preps:
        prep = preps[0]
        if _is(prep, "of") and head.pos_ in ("ADP", "ADV"):
            prep = head.lower_  # "out of", "près de" parsed as an adverb
        elif _is(prep, "of") and head.pos_ in ("NUM", "PRON", "DET"):
            return _role(head, trigger, depth + 1, placed, seat)  # "one of", "l'un des"
        elif _is(prep, "between") and _is(head.lower_, "place_noun"):
            return _role(head, trigger, depth + 1, True, seat)  # "la frontière entre X et Y"
        elif _is(prep, "between") and placed:
            return "at"  # "à la frontière, entre le district de X et ..." parsed apart
        elif _is(prep, "of") and head.pos_ in ("NOUN", "PROPN"):
            if _is(head.lower_, "people_of"):
                return "at"  # "les habitants de Belgorod": where they are
            if _is(head.lower_, "place_noun"):
                return _role(head, trigger, depth + 1, True, seat)
            return "actor"
        if _is(prep, "at"):
            if (
                prep in ("à", "au", "aux")
                and dep.startswith("obl")
                and seat
                and not placed
                and not _is(token.lower_, "place_noun")
                and (
                    (dep == "obl:arg" and any(c.dep_ in CLAUSE_DEPS for c in head.children))
                    or _is(head.lemma_.lower(), "dative_verb")
                )
            ):
                # a dative: "transmis à Kiev la position", "adressé à Séoul"; not "envoyé
                # des renforts à Kharkiv"
                return "actor"
            return "at"
        if _is(prep, "of") and not (
            head.pos_ in ("VERB", "AUX")
            and dep.startswith("obl")
            and head.dep_ not in ("amod", "acl")
        ):
            return "actor"  # "les avertissements répétés de Bruxelles"
        if _is(prep, "towards"):
            return "towards"  # "se sont retirés de Goma"
        return "actor"
    if dep in MODIFIER_DEPS and _is(head.lower_, "people_of"):
        return "at"  # "Belgorod residents"
    if dep in MODIFIER_DEPS and _is(head.lower_, "place_noun"):
        # "the Kursk region", "Odesa port", "Belgrade's busiest junctions"
        return _role(head, trigger, depth + 1, True, seat)
    if dep in SUBJECT_OBJECT or (dep == "advmod" and token.pos_ == "PROPN"):
        # a name is no adverb: "accusé Bakou de masser des troupes" parsed so is an object
        if placed:
            return "at"  # "la ville de Belgorod a été bombardée", "seized parts of North Kivu"
        if trigger is None or _same_clause(head, trigger, CHAINED - {"xcomp"}):
            return "object"  # not "accusé Bakou de masser des troupes"
        return "actor"
    if dep in MODIFIER_DEPS or dep in ("npadvmod", "obl:arg", "iobj"):
        return "actor"
    if dep in ("advmod", "obl", "obl:mod", "npmod") and (placed or _is(token.lower_, "place_noun")):
        return "at"
    return "bare"


def _prepositions(token: Token) -> list[str]:
    """The prepositions of a noun: its "case" children (French), or the preposition it is
    the object of (English); "près de", "au large de", "le long de" count as "près"."""
    if token.dep_ == "pobj" and token.head.pos_ == "ADP":
        return [token.head.lower_]
    preps = [c.lower_ for c in token.children if c.dep_ in ("case", "mark") and c.i < token.i]
    adverbs = [c.lower_ for c in token.children if c.dep_ == "advmod" and c.i < token.i]
    if "près" in adverbs:
        return ["près"]
    return preps


def _clause(token: Token) -> Token:
    for candidate in [token, *token.ancestors]:
        if candidate.pos_ in ("VERB", "AUX"):
            return candidate
    return token.sent.root


#: Clauses that share their subject and setting with the clause they hang on ("a lancé une
#: attaque, frappant Kiev", "seized the town and shelled its outskirts").
CHAINED = {"advcl", "conj", "xcomp"}


def _same_clause(verb: Token, trigger: Token, chained: set[str] = CHAINED) -> bool:
    """Whether a verb is the trigger, the verb whose subject or object the trigger is ("les
    frappes ont visé Kharkiv"), or a participle or conjunct chained to one of them."""
    own = _clause(trigger)
    if verb.i in (trigger.i, own.i):
        return True
    for lower, upper in ((verb, own), (own, verb)):
        current = lower
        for _ in range(3):
            if current.dep_ not in chained or current.head.i == current.i:
                break
            if _own_subject_clause(current):
                break  # "après que Washington a levé les restrictions": another act's clause
            current = current.head
            if current.i == upper.i:
                return True
    return False


SUBJECTS = {"nsubj", "nsubj:pass", "nsubjpass"}


def _own_subject_clause(verb: Token) -> bool:
    """A subordinate clause with its conjunction and a subject of its own ("days after the
    administration lifted the ban", "après que Washington a levé"): not the same act's setting,
    unlike a participle or a gérondif ("frappant Kiev", "en bombardant Kharkiv")."""
    children = list(verb.children)
    return (
        verb.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.pos_ == "SCONJ" for c in children)
        and any(c.dep_ in SUBJECTS for c in children)
    )


def _attachment(token: Token, trigger: Token) -> tuple[bool, bool, int | None]:
    """Whether a place hangs on the trigger's own clause (not through a phrase about another
    time: "after the death of three soldiers in Jordan"), whether it does so directly, as a
    modifier of the verb rather than of one of its nouns ("assets in Russia"), and the verb it
    hangs on (participles that modify a noun are passed through)."""
    direct = True
    for ancestor in [token, *token.ancestors]:
        if ancestor.i == trigger.i and ancestor.pos_ not in ("VERB", "AUX"):
            return True, direct, trigger.i  # "after twin bombings in Kerman": the act's noun
        if ancestor.pos_ in ("VERB", "AUX") and (
            ancestor.dep_ not in ("acl", "amod") or ancestor.i == trigger.i
        ):
            return _same_clause(ancestor, trigger), direct, ancestor.i
        preps = _prepositions(ancestor)
        if preps and _is(preps[0], "background"):
            return False, False, None
        if (
            ancestor.i not in (token.i, trigger.i)
            and ancestor.pos_ in ("NOUN", "VERB")
            and not _is(ancestor.lower_, "place_noun")
            and ancestor.ent_type_ not in ("DATE", "TIME")
            and not _is(ancestor.lower_, "time")
        ):
            direct = False  # "U.S. assets in Russia"; not "dimanche à Singapour"
    return _same_clause(token.sent.root, trigger), direct, None


def _described_by(span: Span, trigger: Token) -> bool:
    """Whether the trigger's clause is a "where" clause of the place ("flew to Tirana, where
    he attended a summit")."""
    clause = _clause(trigger)
    return (
        clause.dep_ in ("relcl", "acl:relcl")
        and span.start <= clause.head.i < span.end
        and any(_is(c.lower_, "where") for c in clause.children)
    )


def _paragraph(doc: Doc, trigger: Token) -> tuple[int, int]:
    """The trigger's sentence, cut at line breaks."""
    text = text_of(doc)
    sent = trigger.sent
    start = text.rfind("\n", sent.start_char, trigger.idx)
    end = text.find("\n", trigger.idx, sent.end_char)
    return (sent.start_char if start < 0 else start + 1), (sent.end_char if end < 0 else end)


@dataclass
class Located:
    mention: PlaceMention
    role: str
    own: bool  # hangs on the trigger's clause
    direct: bool  # ... as a modifier of the verb itself
    verb: int | None  # the verb it hangs on


def _located(
    trigger: Token,
    places: list[PlaceMention],
    actor_spans: list[tuple[int, int]],
    quote_spans: list[tuple[int, int]],
) -> list[Located]:
    """The places of the trigger's sentence with their role and attachment; places in a quote
    go with events of that quote only."""
    doc = trigger.doc
    start, end = _paragraph(doc, trigger)
    quote = span_containing(trigger.idx, quote_spans)
    found = []
    for p in places:
        if not start <= p.start < end or span_containing(p.start, quote_spans) != quote:
            continue
        role = place_role(doc, p, trigger)
        # a place inside an actor's name names the actor ("le gouverneur de Belgorod"),
        # unless it says where the actor is ("les habitants de Belgorod ont été arrêtés")
        if role != "at" and span_containing(p.start, actor_spans):
            continue
        span = doc.char_span(p.start, p.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        own, direct, verb = _attachment(span.root, trigger)
        if _described_by(span, trigger):
            role, own, direct, verb = "at", True, True, trigger.i
        found.append(Located(p, role, own, direct, verb))
    return found


def event_places(
    trigger: Token,
    places: list[PlaceMention],
    actor_spans: list[tuple[int, int]],
    quote_spans: list[tuple[int, int]],
) -> list[PlaceMention]:
    """The places of the event whose trigger is ``trigger``, in text order: those of its own
    clause, else of its sentence; the dateline's only when there is no other."""
    filed = dateline_end(trigger.doc)
    found = _located(trigger, places, actor_spans, quote_spans)
    located = [f for f in found if f.mention.start >= filed and f.role != "actor"]
    if located:
        # the act's own noun says where first ("les frappes sur Kharkiv ont été condamnées à
        # Kiev"), then its clause, then its sentence
        noun = [f.mention for f in located if f.verb == trigger.i and trigger.pos_ == "NOUN"]
        return noun or [f.mention for f in located if f.own] or [f.mention for f in located]
    return [f.mention for f in found if f.mention.start < filed]


#: Acts that happen somewhere: without a place of their own they take the place of the act
#: before them in their paragraph. Other acts (statements, demands, sanctions, talks) have a
#: place only when their clause says where ("a déclaré à Kiev", "met in Istanbul").
PHYSICAL_TYPES = {"ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "RETREAT"}
#: Calls that are where the protest they call for is.
CALL_TYPES = {"REQUEST", "THREATEN"}
#: Modalities of acts that took place (or are planned somewhere): a denied or conditional
#: act borrows no place.
REALIS = {"asserted", "hedged", "planned"}
#: ... and a protest called for ("une nouvelle journée de grève dans tout le pays") is where
#: the movement that calls for it is (not a requested seizure: "exigé de confisquer").
CALLED_TYPES = {"PROTEST"}


def settle_places(doc: Doc, events: list[EventMention]) -> None:
    """Second pass over an article's merged events, which knows their types: a statement keeps
    only the places its own clause puts it at (or, in the lead sentence, the dateline's); a
    physical act without a place takes the place of the closest earlier physical act of its
    paragraph, else the country of the nearest one in the article. To run after the events
    are merged, before they are numbered."""
    filed = dateline_end(doc)
    text = text_of(doc)
    ordered = sorted(events, key=lambda e: e.trigger)
    triggers = {e.trigger for e in events}
    physical = [e for e in ordered if _physical(doc, e, ordered)]
    for event in ordered:
        if event in physical:
            continue
        trigger = doc[event.trigger]
        clause = _clause(trigger).i
        # "Washington a sanctionné X, en l'accusant de génocide au Darfour": the place is the
        # accusation's (another event's clause), not the sanction's
        mine = {
            id(f.mention)
            for f in _located(trigger, event.places, [], [])
            if f.role == "at"
            and f.own
            and f.direct
            and (f.verb in (None, event.trigger, clause) or f.verb not in triggers)
        }
        # places lent by a merged mention of another sentence are not this clause's
        event.places = [p for p in event.places if id(p) in mine]
        if not event.places and filed and trigger.sent.start_char <= filed:
            event.places = [p for p in doc._.selon_places or [] if p.start < filed]
    # a physical act's dateline place ("SEOUL, May 30 - North Korea fired...") is where the story
    # was filed: it stays only when the article's other acts are in its country
    for event in physical:
        if filed and event.places and all(p.start < filed for p in event.places):
            others = [e for e in physical if e is not event and e.places]
            nearest = _nearest(others, event.trigger)
            if nearest is not None and _filed_elsewhere(event.places, nearest.places):
                event.places = []
    located = [e for e in physical if e.places]
    for event in physical:
        if event.places or not (
            event.modality in REALIS
            or (event.modality == "requested" and event.type in CALLED_TYPES)
        ):
            continue
        block = text.rfind("\n\n", 0, doc[event.trigger].idx)
        before = [e for e in located if e.trigger < event.trigger]
        after = [e for e in located if e.trigger > event.trigger]
        if before and text.rfind("\n\n", 0, doc[before[-1].trigger].idx) == block:
            event.places = list(before[-1].places)
        elif before or after:
            event.places = _country_of((before[-1] if before else after[0]).places)
        else:
            event.places = _scene(doc)


def _nearest(events: list[EventMention], trigger: int) -> EventMention | None:
    """The event whose trigger is closest to ``trigger``, the earlier one on a tie."""
    if not events:
        return None
    return min(events, key=lambda e: (abs(e.trigger - trigger), e.trigger > trigger))


def _filed_elsewhere(filed: list[PlaceMention], places: list[PlaceMention]) -> bool:
    """Whether dateline places are in no country of an act's places (a correspondent in
    Seoul writes about a launch from Sunan)."""
    countries = {p.place.country for p in places if p.place.country}
    return bool(countries) and not any(p.place.country in countries for p in filed)


def _physical(doc: Doc, event: EventMention, events: list[EventMention]) -> bool:
    """A physical act, or a call for a protest: "a appelé à poursuivre la grève" is where the
    strike is (not a demand that troops withdraw: that is where the demand was made)."""
    if event.type in PHYSICAL_TYPES:
        return True
    if event.type not in CALL_TYPES:
        return False
    call = doc[event.trigger]
    return any(e.type == "PROTEST" and _called(doc[e.trigger], call) for e in events)


#: Clauses of their own under a call: "exigé sa libération, dénonçant une vengeance contre une
#: rédaction qui couvrait les manifestations" does not call for the protests.
OWN_CLAUSES = {"advcl", "acl", "relcl", "acl:relcl", "parataxis"}


def _called(token: Token, call: Token) -> bool:
    """Whether ``token`` is what the call asks for ("a appelé à poursuivre la grève")."""
    for ancestor in [token, *token.ancestors]:
        if ancestor.i == call.i:
            return True
        if ancestor.dep_ in OWN_CLAUSES:
            return False
    return False


def _scene(doc: Doc) -> list[PlaceMention]:
    """The country an article is about: the one its places name most (not its dateline's: a
    correspondent in Nairobi writes about Goma)."""
    places: list[PlaceMention] = doc._.selon_places or []
    counts = Counter(p.place.country for p in places if p.place.country)
    if not counts:
        return []
    country = counts.most_common(1)[0][0]
    return _country_of([next(p for p in places if p.place.country == country)])


def _country_of(places: list[PlaceMention]) -> list[PlaceMention]:
    """The country of places, at country precision, when they are all in one (the scene of
    an article's earlier act: "des policiers auraient frappé des manifestants" is somewhere
    in the country of the protests, maybe not in the same city)."""
    countries = {p.place.country for p in places}
    if len(countries) != 1 or None in countries:
        return []
    first = places[0]
    entry = gazetteer().by_country.get(first.place.country or "")
    if entry is None:
        return []
    place = Place(
        name=entry.name,
        country=entry.country,
        lat=entry.lat,
        lon=entry.lon,
        precision="country",
        geonames_id=entry.geonames_id,
        start=first.start,
        end=first.end,
    )
    return [PlaceMention(first.start, first.end, place, "country")]
