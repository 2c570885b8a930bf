import json

import pytest
from pydantic import ValidationError

from selon.records import PLOVER_TYPES, Actor, ArticleRecord, actor_code
from selon.schema import SCHEMA_PATH, generate_schema, render_schema


def test_records_schema_committed_matches_models():
    assert SCHEMA_PATH.read_text(encoding="utf-8") == render_schema(), (
        "the committed schema differs from the models: run `selon schema --write`"
    )


def test_records_schema_names_every_contract_field():
    schema = generate_schema()
    defs = schema["$defs"]
    assert set(schema["properties"]) == {
        "schema_version",
        "article",
        "entities",
        "events",
        "quotes",
        "claims",
    }
    assert {
        "id",
        "type",
        "mode",
        "context",
        "source",
        "target",
        "places",
        "date",
        "modality",
        "according_to",
        "quantities",
        "trigger",
        "evidence",
        "confidence",
    } <= set(defs["Event"]["properties"])
    assert {"name", "country", "sector", "code", "role", "start", "end"} <= set(
        defs["Actor"]["properties"]
    )
    assert {"start", "end", "precision", "text", "start_offset", "end_offset"} <= set(
        defs["Date"]["properties"]
    )
    assert {"what", "min", "max", "approx", "according_to", "modality", "event_id"} <= set(
        defs["Claim"]["properties"]
    )


def test_records_plover_types_are_the_sixteen():
    assert len(PLOVER_TYPES) == 16


def test_records_reject_unknown_fields_and_bad_codes():
    with pytest.raises(ValidationError):
        Actor(name="x", country="ukraine")
    with pytest.raises(ValidationError):
        ArticleRecord.model_validate({"article": {"id": "a", "language": "de", "text": "x"}})


def test_records_actor_code():
    assert actor_code("RUS", "GOV") == "RUSGOV"
    assert actor_code(None, "CVL") == "CVL"
    assert actor_code("UKR", None) == "UKR"


def test_records_round_trip_json():
    record = ArticleRecord.model_validate({"article": {"id": "a", "language": "fr", "text": "x"}})
    assert ArticleRecord.model_validate(json.loads(record.model_dump_json())) == record
