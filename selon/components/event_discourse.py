"""Arguments an event takes from the rest of the article, once every event is known.

A sentence often names an act without its actors because an earlier one did: "Russian
missiles hit Kyiv overnight. The strikes killed four." The second mention is of the same act
or of a like one by the same side; "Iran condemned the raids" is aimed at whoever carried the
raids out. These passes run after the one-act-one-event merges:

- ``link_reactions``: an act about another act (condemn, reject, welcome, sanction, ask
  about) targets that act's source, found by the object noun's trigger type;
- ``inherit_arguments``: an event with no source takes the source (and, if it has none, the
  target) of the nearest earlier event of the same type in the article that has one, else of
  the nearest later one;
- ``address_reactions``: a reaction that names no one it is aimed at ("a dénoncé un
  chantage", "welcomed the move") is aimed at the last other party the article shows acting;
- ``with_participants``: an event with neither source nor target after all this is not
  reported: nothing in the article says who acted or upon whom, and such mentions are
  overwhelmingly generic uses of the word ("les alertes ont retenti", "the aid").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from selon.components import ActorMention, EventMention
from selon.lexicon import triggers

#: Acts about another act: their target is whoever did it ("a condamné les frappes").
REACTION_TYPES = {"ACCUSE", "REJECT", "SUPPORT", "SANCTION", "REQUEST"}


def referenced_type(token: Token) -> str | None:
    """The event type a noun names ("the raids" -> ASSAULT), through "de/of" once."""
    table = triggers(token.doc.lang_)
    for candidate in (token, *[c for c in token.children if c.dep_ in ("nmod", "pobj", "prep")]):
        if candidate.dep_ == "prep":
            candidate = next((c for c in candidate.children if c.dep_ == "pobj"), candidate)
        for key in ((candidate.lemma_.lower(), "NOUN"), (candidate.lower_, "NOUN")):
            found = table.get(key)
            if found is not None:
                return found.type
    return None


def link_reactions(doc: Doc, events: list[EventMention]) -> None:
    """ "Iran condemned the raids": the target of a reaction is the source of the act it is
    about (it replaces a target guessed from elsewhere in the sentence): the event whose
    trigger is its object (or inside the object's phrase), else the nearest earlier event of
    the type the object names."""
    by_token = {e.trigger: e for e in events}
    for index, event in enumerate(events):
        if event.type not in REACTION_TYPES or event.target_token is None:
            continue
        token = doc[event.target_token]
        if event.target is not None and event.target.start <= token.idx < event.target.end:
            continue  # the object itself names who is aimed at
        about = by_token.get(token.i) or next(
            (by_token[c.i] for c in token.subtree if c.i in by_token and c.i != event.trigger), None
        )
        if about is None:
            kind = referenced_type(token)
            about = next(
                (
                    e
                    for e in reversed(events[:index])
                    if kind is not None and e.type == kind and e.source is not None
                ),
                None,
            )
        if (
            about is not None
            and about is not event
            and about.source is not None
            and (event.source is None or about.source.actor.code != event.source.actor.code)
        ):
            event.target = about.source


def drop_restated_objects(doc: Doc, events: list[EventMention]) -> list[EventMention]:
    """ "Iran condemned the attack": a noun that is the object of a reaction names an act the
    article has already told (an earlier event of its type); it is no new event."""
    objects = {e.target_token for e in events if e.type in REACTION_TYPES}
    kept: list[EventMention] = []
    for event in events:
        token = doc[event.trigger]
        restated = (
            token.pos_ == "NOUN"
            and event.trigger in objects
            and any(k.type == event.type for k in kept)
        )
        if not restated:
            kept.append(event)
    return kept


def _named(mention: ActorMention | None) -> bool:
    """Whether an actor is named in the text, not implied by an act ("ont été interpellés"
    implies the police): only named actors are lent to other events."""
    return mention is not None and mention.kind != "implied"


def _donor(events: list[EventMention], index: int) -> EventMention | None:
    event = events[index]
    earlier = [e for e in reversed(events[:index]) if e.type == event.type and _named(e.source)]
    later = [e for e in events[index + 1 :] if e.type == event.type and _named(e.source)]
    for candidate in earlier + later:
        if event.target is None or candidate.source is None:
            return candidate
        if candidate.source.actor.code != event.target.actor.code:
            return candidate
    return None


def inherit_arguments(events: list[EventMention]) -> None:
    """Give a sourceless event the actors of the nearest event of its type that has them."""
    for index, event in enumerate(events):
        if event.source is not None:
            continue
        donor = _donor(events, index)
        if donor is None:
            continue
        event.source = donor.source
        if event.target is None and donor.target is not None:
            event.target = donor.target
        event.confidence = round(max(0.3, event.confidence - 0.2), 2)


#: Reactions that are always aimed at someone, even when the sentence does not say whom.
ADDRESSED_REACTIONS = {"ACCUSE", "SUPPORT", "REJECT", "THREATEN", "REQUEST"}


def address_reactions(events: list[EventMention]) -> None:
    """Give a targetless reaction the source of the nearest earlier event by another actor."""
    for index, event in enumerate(events):
        if event.type not in ADDRESSED_REACTIONS or event.target is not None:
            continue
        if event.source is None:
            continue
        own = event.source.actor.code
        previous = next(
            (
                e.source
                for e in reversed(events[:index])
                if _named(e.source) and e.source is not None and e.source.actor.code != own
            ),
            None,
        )
        if previous is not None:
            event.target = previous


def with_participants(events: list[EventMention]) -> list[EventMention]:
    """The events that have a source or a target."""
    return [e for e in events if e.source is not None or e.target is not None]
