"""selon_places: place mentions found in the offline gazetteer, disambiguated by context.

A mention must start with a capital letter ("les paris" is not Paris). A one-word city name
that is small (under a million inhabitants), a stop word or opens a sentence needs the parser's
NER to call it a place ("Nice", "Mobile"); so does any city under 15,000 inhabitants. But a
name read as a place once in an article is a place wherever else it is capitalised (one sense
per article: "on the western edge of Goma" after "in Goma"), and the dateline's place always is
("ACCRA, July 4 -"). Never a place: part of a compound adjective ("U.S.-led", "pro-Moscou"), a
word inside a longer name of a person or a thing ("Milan Djuric", "Dialogue Shangri-La"), a
name in apposition to a common noun ("l'agence officielle Sana"), a street's or a building's
name ("Palestine Street"). Among homonyms the choice weighs, in order of strength:

- the feature word around the name: "la base (aérienne) de", "X air base" -> an air base,
  "l'aéroport de", "X airport" -> an airport (of that city), "la région de", "X Oblast",
  "province de" -> the first-level region, "la ville de" -> the city;
- the countries the article names elsewhere (unambiguous places, country names, demonyms), as
  a share of the most named one: Tripoli in an article about Lebanon is Lebanon's, but one
  mention of the United States in an article about Iran leaves Vienna in Austria;
- the kind (a country over a homonymous region: Georgia, unless the article is American) and
  the population, on a log scale (Cairo stays Egypt's in an American article).

A demonym with a noun of territory is a place too: its country ("fires at Ukrainian cities",
"quitter le territoire malien") or, with "capitale", its capital ("la capitale russe"); "la
capitale" alone is the capital of the country the article's places name most.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from selon.components import PlaceMention, text_of
from selon.components.actors import dateline_end
from selon.gazetteer import GazEntry, Gazetteer, GazMatch, gazetteer, name_key, place_words
from selon.phrases import fold
from selon.records import Place

PLACE_LABELS = {"LOC", "GPE", "FAC"}
OTHER_LABELS = {"PER", "PERSON", "ORG", "NORP", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW"}

#: A place this large wins over the NER's other labels ("Kharkiv" tagged PERSON).
PLACE_OVER_OTHER_LABELS = 100_000
#: One-word city names under this population need the NER's agreement ("Nice", "Mobile").
NER_FREE_POPULATION = 1_000_000
#: Any city under this population needs the NER's agreement or a feature word.
SMALL_CITY_POPULATION = 15_000

#: Prepositions of place that make a capitalised city name a place without the NER.
PLACE_PREPOSITIONS = frozenset(
    [
        "à",
        "au",
        "aux",
        "en",
        "vers",
        "près",
        "depuis",
        "in",
        "at",
        "to",
        "towards",
        "toward",
        "near",
        "from",
        "outside",
        "around",
    ]
)
#: Feature words before a name ("la base aérienne de X") and after it ("X air base").
BEFORE_RE = re.compile(
    r"(?:(?P<base>\bbases?(?: a[ée]rienne| militaire| navale)?|\ba[ée]rodrome|\bairbase|"
    r"\bair base|\bcosmodrome)"
    r"|(?P<airport>\ba[ée]roport(?: international)?|\bairport)"
    r"|(?P<admin1>\br[ée]gion|\boblast|\bprovince|\bgouvernorat|\bgovernorate|\bwilaya|"
    r"\b[ée]tat|\bstate|\bdistrict|\bmohafazat|\bterritoire)"
    r"|(?P<city>\bville|\bcity|\btown|\bvillage|\blocalit[ée]|\bcommune|\bbourgade|"
    r"\bfaubourg|\bquartier)"
    r"|(?P<crossing>\bposte[- ]fronti[èe]re|\bpoint de passage|\bcrossing|\bcheckpoint)"
    r")(?: de| d['’]| du| des| of)\s*(?:l['’]|la |le |the )?$",
    re.IGNORECASE,
)
AFTER_RE = re.compile(
    r"^\s*(?:(?P<base>air ?base|air field|airfield|air force base|military base|AB\b|base)"
    r"|(?P<airport>(?:international )?airport)"
    r"|(?P<admin1>oblast|region|province|governorate|state\b|krai|district)"
    r"|(?P<crossing>(?:border )?crossing))",
    re.IGNORECASE,
)
FEATURE_KINDS = {
    "base": ("base", "airport"),
    "airport": ("airport", "base"),
    "admin1": ("admin1", "region"),
    "city": ("city",),
    "crossing": ("crossing",),
}
#: What the article's most mentioned country adds to a homonym of it (in log10 population):
#: Tripoli in an article about Lebanon is Lebanon's (a fifth of Libya's Tripoli).
CONTEXT_WEIGHT = 3.0
#: Regions count their cities' population: "Washington" is the city unless said otherwise.
KIND_BONUS = {"country": 1.5, "region": 1.0, "admin1": -2.0, "base": 0.0, "airport": -1.0}
#: A name followed by one of these is a street or a building's, not the place's.
STREET_RE = re.compile(
    r"[ -](?:Street|St\.|Avenue|Ave\.|Road|Square|Boulevard|Bridge|Highway|Palace|Hotel|"
    r"University|Airlines|Airways|Times|Post)\b"
)
#: Arabic articles written before a name in lower case ("al-Qaïm", "el-Facher").
ARTICLE_BEFORE_RE = re.compile(r"\b(?:al|el|ad|ed|ar|er|as|es|az|ez|an|at|ash|ech)[-‑]$")


def _feature(doc: Doc, span: Span) -> str | None:
    before = text_of(doc)[max(0, span.start_char - 40) : span.start_char]
    match = BEFORE_RE.search(before)
    if match is None:
        match = AFTER_RE.match(text_of(doc)[span.end_char : span.end_char + 25])
    return match.lastgroup if match else None


#: A word and a hyphen before a name make it part of a compound ("pro-Moscou", "anti-Kyiv").
COMPOUND_BEFORE_RE = re.compile(r"[^\W\d_]-$")
#: A hyphen and a lower-case word after a name make it an adjective ("U.S.-led", "Kyiv-based").
COMPOUND_AFTER_RE = re.compile(r"\.?-[a-zà-ÿ]")


def _in_compound(doc: Doc, match: GazMatch) -> bool:
    text = text_of(doc)
    if COMPOUND_AFTER_RE.match(text, match.end):
        return True
    before = text[max(0, match.start - 4) : match.start]
    return bool(COMPOUND_BEFORE_RE.search(before)) and not ARTICLE_BEFORE_RE.search(before)


def _inside_other_name(doc: Doc, span: Span, ner_entity: dict[int, Span]) -> bool:
    """A place name inside a longer person's or organisation's name: "Milan Djuric", "le
    Dialogue Shangri-La". The NER's span must reach beyond the place's on a capitalised word."""
    ent = ner_entity.get(span.start)
    if ent is None or ent.label_ not in OTHER_LABELS | {"MISC"} or ent.label_ == "NORP":
        return False
    extra = [t for t in ent if not span.start <= t.i < span.end]
    return bool(extra) and all(t.text[:1].isupper() for t in extra)


def _sure(
    doc: Doc,
    span: Span,
    entries: tuple[GazEntry, ...],
    feature: str | None,
    ner_label: dict[int, str],
) -> bool:
    """Whether a match is a place on its own evidence: the NER's label, a feature word, a
    preposition of place, the size of the place (the dateline's place always is)."""
    labels = {ner_label.get(i) for i in range(span.start, span.end)}
    text = text_of(doc)
    after_preposition = (
        span.start > 0 and doc[span.start - 1].lower_ in PLACE_PREPOSITIONS
    ) or ARTICLE_BEFORE_RE.search(text, max(0, span.start_char - 4), span.start_char) is not None
    curated_there = after_preposition and any(e.curated for e in entries)
    if (
        labels & OTHER_LABELS
        and not labels & PLACE_LABELS
        and max(e.population for e in entries) < PLACE_OVER_OTHER_LABELS
        and all(e.kind == "city" for e in entries)
        and feature is None
        and not curated_there
    ):
        return False
    return not (
        _needs_ner(span, entries, feature) and not labels & PLACE_LABELS and not curated_there
    )


def _names_a_thing(span: Span) -> bool:
    """A name in apposition to a common noun names that thing: "l'agence officielle Sana",
    "le navire Galaxy Leader", "l'opération Barkhane" (not "la capitale Kiev")."""
    root = span.root
    head = root.head
    return (
        head.i < span.start
        and head.pos_ == "NOUN"
        and head.lower_ not in place_words()["apposed"]
        and root.dep_ in ("amod", "appos", "flat:name", "nmod", "compound")
        and not any(c.dep_ in ("case", "prep") for c in root.children)
        and all(t.pos_ in ("ADJ", "PUNCT") for t in span.doc[head.i + 1 : span.start])
    )


def _needs_ner(span: Span, entries: tuple[GazEntry, ...], feature: str | None) -> bool:
    if any(e.kind != "city" or e.curated for e in entries):
        return bool(span[0].is_sent_start and len(span) == 1 and span[0].is_stop)
    population = max(e.population for e in entries)
    if feature is not None:
        return False
    if population < SMALL_CITY_POPULATION:
        return True
    if span.start > 0 and span.doc[span.start - 1].lower_ in PLACE_PREPOSITIONS:
        return bool(span[0].is_stop)  # "à Bunia", "towards Bukavu"
    return len(span) == 1 and bool(
        population < NER_FREE_POPULATION or span[0].is_stop or span[0].is_sent_start
    )


def _choose(
    entries: tuple[GazEntry, ...],
    context: Counter[str],
    feature: str | None,
    key: tuple[str, ...],
) -> GazEntry:
    wanted = FEATURE_KINDS.get(feature or "", ())
    top = max(context.values(), default=1) or 1

    def score(entry: GazEntry) -> float:
        value = math.log10(entry.population + 10)
        if name_key(entry.name) == key:
            value += 0.5  # its own name, not an alternate one ("Alexandria", not Oleksandriia)
        if entry.kind in wanted:
            value += 6.0
        seen = context.get(entry.country or "", 0)
        if seen:
            # the share of the article's places: one mention of the United States in an
            # article about Iran does not move "Vienna" to Virginia
            value += CONTEXT_WEIGHT * seen / top
        if entry.curated:
            value += 3.0
        return value + KIND_BONUS.get(entry.kind, 0.0)

    return max(entries, key=score)


def _qualified(
    doc: Doc, found: list[tuple[Span, tuple[GazEntry, ...], str | None]], gaz: Gazetteer
) -> dict[int, GazEntry]:
    """Places qualified by the next one: "Alexandria, Virginia", "Tripoli (Liban)"."""
    resolved: dict[int, GazEntry] = {}
    for k in range(len(found) - 1):
        span, entries, _ = found[k]
        after, qualifiers, _ = found[k + 1]
        if text_of(doc)[span.end_char : after.start_char] not in (", ", " ("):
            continue
        pairs = []
        for entry in entries:
            if entry.kind in ("country", "admin1"):
                continue
            region = gaz.admin1_names.get((entry.country or "", entry.admin1 or ""))
            for q in qualifiers:
                inside = q.kind == "country" or (q.kind == "admin1" and q.name == region)
                if q.country == entry.country and inside:
                    pairs.append((entry.population, entry, q))
        if pairs:
            _, entry, qualifier = max(pairs, key=lambda p: p[0])
            resolved[k] = entry
            resolved[k + 1] = qualifier
    return resolved


def _facility(gaz: Gazetteer, key: tuple[str, ...], feature: str, entry: GazEntry) -> GazEntry:
    """The air base or airport "of" a place ("l'aéroport de Goma"), else the place itself."""
    pools = (gaz.bases, gaz.airports) if feature == "base" else (gaz.airports, gaz.bases)
    for pool in pools:
        found = [e for e in pool.get(key, ()) if entry.country in (None, e.country)]
        if found:
            return found[0]
    return entry


@Language.component("selon_places", assigns=["doc._.selon_places"])
def selon_places(doc: Doc) -> Doc:
    gaz = gazetteer()
    ner_label = {}
    ner_entity: dict[int, Span] = {}
    for ent in doc.ents:
        for i in range(ent.start, ent.end):
            ner_label[i] = ent.label_
            ner_entity[i] = ent
    found: list[tuple[Span, tuple[GazEntry, ...], str | None]] = []
    context: Counter[str] = Counter()
    filed = dateline_end(doc)
    doubtful: list[tuple[Span, tuple[GazEntry, ...], str | None]] = []
    for match in gaz.find(text_of(doc)):
        if all(e.kind == "demonym" for e in match.values):
            context[match.values[0].country or ""] += 1
            continue
        entries = tuple(e for e in match.values if e.kind != "demonym")
        span = doc.char_span(match.start, match.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        feature = _feature(doc, span)
        if STREET_RE.match(text_of(doc), span.end_char) or _in_compound(doc, match):
            continue
        if _inside_other_name(doc, span, ner_entity) or _names_a_thing(span):
            continue
        if match.end > filed and not _sure(doc, span, entries, feature, ner_label):
            doubtful.append((span, entries, feature))
            continue
        found.append((span, entries, feature))
        countries = {e.country for e in entries}
        if len(countries) == 1 and entries[0].country:
            context[entries[0].country] += 1
    # one sense per article: a name read as a place once is a place wherever it is capitalised
    # ("on the western edge of Goma" after "in Goma"), even where the NER calls it a person
    sure = {name_key(span.text) for span, _, _ in found}
    found.extend(d for d in doubtful if name_key(d[0].text) in sure)
    found.sort(key=lambda f: f[0].start)
    resolved = _qualified(doc, found, gaz)
    mentions = []
    for k, (span, entries, feature) in enumerate(found):
        entry = resolved.get(k) or _choose(entries, context, feature, name_key(span.text))
        if feature in ("base", "airport") and entry.kind not in ("base", "airport"):
            entry = _facility(gaz, name_key(span.text), feature, entry)
        start = span.start_char
        article = ARTICLE_BEFORE_RE.search(text_of(doc), max(0, start - 4), start)
        if article is not None:
            start = article.start()  # "al-Qaïm": the article belongs to the name
        admin1 = entry.admin1
        if entry.kind == "city" and entry.country and admin1:
            admin1 = gaz.admin1_names.get((entry.country, admin1), admin1)
        place = Place(
            name=text_of(doc)[start : span.end_char],
            country=entry.country,
            admin1=admin1,
            lat=entry.lat,
            lon=entry.lon,
            precision=entry.precision,
            geonames_id=entry.geonames_id,
            start=start,
            end=span.end_char,
        )
        mentions.append(PlaceMention(start, span.end_char, place, feature))
    mentions.extend(_demonym_places(doc, gaz, mentions))
    mentions.sort(key=lambda m: m.start)
    doc._.selon_places = mentions
    return doc


def _bare_capital(token: Token) -> bool:
    """ "la capitale", "the capital", without a name or a country of their own."""
    if token.lower_ not in place_words()["capital"] or token.pos_ != "NOUN":
        return False
    children = list(token.children)
    return any(c.lower_ in ("la", "the") for c in children) and not any(
        c.dep_ in ("amod", "nmod", "prep", "appos", "flat:name", "compound") for c in children
    )


def _main_country(doc: Doc, gaz: Gazetteer, found: list[PlaceMention], before: int) -> str | None:
    """The country of the dateline, else the one the places before an offset name most, if
    it has a known capital."""
    filed = dateline_end(doc)
    counts = Counter(
        m.place.country for m in found if m.end <= (filed or before) and m.place.country
    )
    if not counts:
        return None
    country = counts.most_common(1)[0][0]
    return country if country in gaz.capitals else None


def _demonym_places(doc: Doc, gaz: Gazetteer, found: list[PlaceMention]) -> list[PlaceMention]:
    """Places named by a demonym and a noun of territory: the country ("fires at Ukrainian
    cities", "quitter le territoire malien"), or its capital ("dans la capitale russe"). Not
    when the noun has a name of its own ("the Iranian city of Kerman")."""
    out = []
    for token in doc:
        country = gaz.demonyms.get(fold(token.lower_)) if token.dep_ == "amod" else None
        if country is not None:
            noun = token.head
        elif _bare_capital(token):
            # "dans la capitale": the capital of the country the article is about
            country, noun = _main_country(doc, gaz, found, token.idx), token
        if country is None or noun.lower_ not in place_words()["territory"]:
            continue
        first, last = min(token.i, noun.i), max(token.i, noun.i)
        start, end = doc[first].idx, doc[last].idx + len(doc[last])
        subtree = list(noun.subtree)
        left, right = subtree[0].idx, subtree[-1].idx + len(subtree[-1])
        if any(left <= m.start < right for m in found):
            continue
        entry = gaz.capitals.get(country) if noun.lower_ in place_words()["capital"] else None
        entry = entry or gaz.by_country.get(country)
        if entry is None or entry.lat is None:
            continue
        place = Place(
            name=text_of(doc)[start:end],
            country=country,
            admin1=gaz.admin1_names.get((country, entry.admin1 or ""), entry.admin1),
            lat=entry.lat,
            lon=entry.lon,
            precision=entry.precision,
            geonames_id=entry.geonames_id,
            start=start,
            end=end,
        )
        out.append(
            PlaceMention(start, end, place, "country" if entry.kind == "country" else "city")
        )
    return out
