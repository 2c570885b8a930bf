import json

import pytest

from selon import limits
from selon.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    InputTooLargeError,
    MalformedInputError,
)
from selon.inputs import ArticleInput, InputFailure, decode_bytes, read_inputs

TEXT = "Des manifestants ont défilé mardi à Tbilissi contre la loi sur les agents étrangers."


def read_one(path):
    results = list(read_inputs([str(path)]))
    assert len(results) == 1
    return results[0]


def test_inputs_txt(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(TEXT + "\r\n", encoding="utf-8")
    item = read_one(path)
    assert isinstance(item, ArticleInput)
    assert item.text == TEXT
    assert item.article_id == read_one(path).article_id  # stable


def test_inputs_json_object_fields(tmp_path):
    path = tmp_path / "a.json"
    path.write_text(
        json.dumps(
            {
                "id": "x1",
                "text": TEXT,
                "title": "T",
                "url": "https://e.org/a",
                "published": "2024-05-14T10:00:00+04:00",
                "source": "S",
                "lang": "fr",
            }
        )
    )
    item = read_one(path)
    assert (item.id, item.title, item.source, item.lang) == ("x1", "T", "S", "fr")
    assert item.published.isoformat() == "2024-05-14T10:00:00+04:00"
    assert item.article_id == "x1"


def test_inputs_jsonl_bad_line_does_not_stop_the_others(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(
        json.dumps({"text": TEXT})
        + "\n{not json\n"
        + json.dumps({"id": 3})
        + "\n"
        + json.dumps({"text": TEXT + " Encore."})
        + "\n"
    )
    results = list(read_inputs([str(path)]))
    assert [type(r).__name__ for r in results] == [
        "ArticleInput",
        "InputFailure",
        "InputFailure",
        "ArticleInput",
    ]
    assert results[1].origin.endswith(":2")
    assert isinstance(results[1].error, MalformedInputError)


def test_inputs_html_main_text_and_title(tmp_path):
    body = "".join(
        f"<p>{TEXT} Paragraphe {i} avec des détails sur la journée.</p>" for i in range(6)
    )
    path = tmp_path / "a.html"
    path.write_text(
        f"<html><head><title>Manif à Tbilissi</title></head><body><nav>Menu Accueil</nav>"
        f"<article>{body}</article><footer>Contact</footer></body></html>"
    )
    item = read_one(path)
    assert isinstance(item, ArticleInput)
    assert "Tbilissi" in item.text and "Menu Accueil" not in item.text
    assert item.title == "Manif à Tbilissi"


@pytest.mark.parametrize(
    ("name", "content", "error"),
    [
        ("bin.txt", b"\x00\x01\x02binary\x00", BinaryInputError),
        ("latin.txt", "Déclaration du ministère".encode("latin-1"), EncodingError),
        ("empty.txt", b"   \n\n ", EmptyInputError),
        ("bad.json", b'{"text": "unterminated', MalformedInputError),
        ("notext.json", b'{"title": "no text"}', MalformedInputError),
        ("empty.html", b"<html><body><script>x()</script></body></html>", EmptyInputError),
        ("list.json", b"[]", EmptyInputError),
    ],
)
def test_inputs_bad_files_fail_clearly(tmp_path, name, content, error):
    path = tmp_path / name
    path.write_bytes(content)
    result = read_one(path)
    assert isinstance(result, InputFailure)
    assert isinstance(result.error, error)
    assert str(path) in str(result.error) or result.origin == str(path)


def test_inputs_huge_file(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_INPUT_BYTES", 100)
    path = tmp_path / "big.txt"
    path.write_text(TEXT * 5)
    assert isinstance(read_one(path).error, InputTooLargeError)


def test_inputs_huge_article(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_ARTICLE_CHARS", 50)
    path = tmp_path / "long.txt"
    path.write_text(TEXT)
    assert isinstance(read_one(path).error, InputTooLargeError)


def test_inputs_missing_file_and_folder_expansion(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(TEXT)
    (tmp_path / "sub" / "ignored.png").write_bytes(b"\x89PNG")
    results = list(read_inputs([str(tmp_path), str(tmp_path / "nope.txt")]))
    assert isinstance(results[0], ArticleInput)
    assert isinstance(results[1], InputFailure) and "no such file" in str(results[1].error)


def test_inputs_decode_bom():
    assert decode_bytes("\ufeffBonjour".encode(), "x") == "Bonjour"
