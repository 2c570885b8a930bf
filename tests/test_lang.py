import pytest

from selon.errors import UnsupportedLanguageError
from selon.lang import check_language, detect_language

FR = "Les frappes russes ont visé la ville dans la nuit, a indiqué le gouverneur de la région, qui a fait état de plusieurs blessés."
EN = "Russian strikes hit the city overnight, the regional governor said, adding that several people were wounded in the attack."
DE = "Russische Angriffe trafen die Stadt in der Nacht, sagte der Gouverneur der Region, der von mehreren Verletzten sprach und weitere Angriffe erwartete."
ES = "Los ataques rusos alcanzaron la ciudad durante la noche, dijo el gobernador de la región, que informó de varios heridos y de daños en las viviendas."


def test_lang_detects_french_and_english():
    assert detect_language(FR) == "fr"
    assert detect_language(EN) == "en"


@pytest.mark.parametrize("text", [DE, ES])
def test_lang_refuses_other_languages_naming_the_supported_ones(text):
    with pytest.raises(UnsupportedLanguageError, match="supported languages: fr, en"):
        detect_language(text)


def test_lang_check_language_normalises_and_refuses():
    assert check_language("FR") == "fr"
    assert check_language("en-GB") == "en"
    assert check_language("auto") is None
    with pytest.raises(UnsupportedLanguageError):
        check_language("de")
