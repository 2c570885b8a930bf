"""selon.numbers: one row per expression, (lang, text, matched text, min, max, approx).

The first quantity of the text is checked, the way the claims component sees them: quantities
and zeros by negation together, the leftmost first (the longest at the same start). ``None`` as
the matched text means the text holds no quantity at all (a trap).
"""

from __future__ import annotations

import pytest

from selon.numbers import Quantity, find_quantities, find_ranges, find_zeros, parse_number

NBSP = "\u00a0"
NNBSP = "\u202f"
M = 1_000_000
G = 1_000_000_000

# (lang, text, matched text or None, min, max, approx)
Row = tuple[str, str, str | None, float | None, float | None, bool]

DIGITS: list[Row] = [
    ("fr", "45 000 manifestants", "45 000", 45000, 45000, False),
    ("fr", f"45{NBSP}000 manifestants", f"45{NBSP}000", 45000, 45000, False),
    ("fr", f"45{NNBSP}000 manifestants", f"45{NNBSP}000", 45000, 45000, False),
    ("en", f"45{NBSP}000 protesters", f"45{NBSP}000", 45000, 45000, False),
    ("en", "45,000 protesters", "45,000", 45000, 45000, False),
    ("fr", "45.000 manifestants", "45.000", 45000, 45000, False),
    ("fr", "3.000 soldats", "3.000", 3000, 3000, False),
    ("fr", "1,200 réfugiés", "1,200", 1200, 1200, False),
    ("fr", "1 200 réfugiés", "1 200", 1200, 1200, False),
    ("en", "1,200 refugees", "1,200", 1200, 1200, False),
    ("fr", "2 500 000 déplacés", "2 500 000", 2_500_000, 2_500_000, False),
    ("en", "2,500,000 displaced", "2,500,000", 2_500_000, 2_500_000, False),
    ("fr", "1.234.567 électeurs", "1.234.567", 1_234_567, 1_234_567, False),
    ("fr", "1,5 million de personnes", "1,5 million", 1_500_000, 1_500_000, False),
    ("en", "1.5 million people", "1.5 million", 1_500_000, 1_500_000, False),
    ("fr", "2,3 milliards d'euros", "2,3 milliards", 2.3 * G, 2.3 * G, False),
    ("en", "2.3 billion dollars", "2.3 billion", 2.3 * G, 2.3 * G, False),
    ("fr", "1,250 milliard d'euros", "1,250 milliard", 1.25 * G, 1.25 * G, False),
    ("fr", "3 millions d'habitants", "3 millions", 3 * M, 3 * M, False),
    ("en", "3 million residents", "3 million", 3 * M, 3 * M, False),
    ("fr", "un billion de dollars", "un billion", 10**12, 10**12, False),
    ("en", "a trillion dollars", "a trillion", 10**12, 10**12, False),
    ("fr", "2,5 tonnes", "2,5", 2.5, 2.5, False),
    ("en", "2.5 tonnes", "2.5", 2.5, 2.5, False),
    ("fr", "0,5 point", "0,5", 0.5, 0.5, False),
    ("fr", "1.234,5 litres", "1.234,5", 1234.5, 1234.5, False),
    ("en", "45,000.50 dollars", "45,000.50", 45000.5, 45000.5, False),
    ("fr", "12 morts", "12", 12, 12, False),
    ("en", "12 dead", "12", 12, 12, False),
    ("fr", "Il y a eu 7 blessés.", "7", 7, 7, False),
    ("en", "Police said 300 were arrested.", "300", 300, 300, False),
    ("fr", "en 2024, la guerre", "2024", 2024, 2024, False),
    ("en", "in 2023 the war", "2023", 2023, 2023, False),
    ("fr", "le 7 octobre", "7", 7, 7, False),
    ("fr", "10 % des voix", "10", 10, 10, False),
    ("en", "50% of the vote", "50", 50, 50, False),
    ("fr", "pendant 48 h", "48", 48, 48, False),
    ("fr", "les 10-15 morts", "10", 10, 10, False),
    ("fr", "Ils étaient 200.000 selon la CGT", "200.000", 200_000, 200_000, False),
    ("fr", "en 2023 150 personnes", "2023", 2023, 2023, False),
    ("en", "at 11.30am, 15 dead", "15", 15, 15, False),
    ("en", "$5 billion in aid", "5 billion", 5 * G, 5 * G, False),
]

WORDS: list[Row] = [
    ("fr", "vingt-deux soldats", "vingt-deux", 22, 22, False),
    ("fr", "quatre-vingts blessés", "quatre-vingts", 80, 80, False),
    ("fr", "quatre-vingt-dix-sept morts", "quatre-vingt-dix-sept", 97, 97, False),
    ("fr", "quatre-vingt-onze otages", "quatre-vingt-onze", 91, 91, False),
    ("fr", "soixante-dix députés", "soixante-dix", 70, 70, False),
    ("fr", "soixante et onze députés", "soixante et onze", 71, 71, False),
    ("fr", "soixante-et-onze députés", "soixante-et-onze", 71, 71, False),
    ("fr", "vingt et un morts", "vingt et un", 21, 21, False),
    ("fr", "trente-cinq morts", "trente-cinq", 35, 35, False),
    ("fr", "dix-sept otages", "dix-sept", 17, 17, False),
    ("fr", "cent vingt soldats", "cent vingt", 120, 120, False),
    ("fr", "cent soldats", "cent", 100, 100, False),
    ("fr", "deux cents soldats", "deux cents", 200, 200, False),
    ("fr", "trois cent quatre-vingts soldats", "trois cent quatre-vingts", 380, 380, False),
    ("fr", "trois mille soldats", "trois mille", 3000, 3000, False),
    ("fr", "mille soldats", "mille", 1000, 1000, False),
    ("fr", "deux cent mille réfugiés", "deux cent mille", 200_000, 200_000, False),
    ("fr", "deux mille cinq cents soldats", "deux mille cinq cents", 2500, 2500, False),
    ("fr", "deux millions d'habitants", "deux millions", 2 * M, 2 * M, False),
    ("fr", "un million de réfugiés", "un million", M, M, False),
    ("fr", "zéro mort", "zéro", 0, 0, False),
    ("fr", "Deux policiers ont été blessés", "Deux", 2, 2, False),
    ("fr", "les neuf blessés", "neuf", 9, 9, False),
    ("fr", "six soldats", "six", 6, 6, False),
    ("fr", "les Vingt-Sept ont décidé", "Vingt-Sept", 27, 27, False),
    (
        "fr",
        "mille neuf cent quatre-vingt-dix soldats",
        "mille neuf cent quatre-vingt-dix",
        1990,
        1990,
        False,
    ),
    ("en", "twenty-two soldiers", "twenty-two", 22, 22, False),
    ("en", "twenty two soldiers", "twenty two", 22, 22, False),
    ("en", "one hundred and twenty soldiers", "one hundred and twenty", 120, 120, False),
    ("en", "two thousand troops", "two thousand", 2000, 2000, False),
    ("en", "a hundred people", "a hundred", 100, 100, False),
    ("en", "a thousand people", "a thousand", 1000, 1000, False),
    ("en", "a million refugees", "a million", M, M, False),
    ("en", "two hundred thousand refugees", "two hundred thousand", 200_000, 200_000, False),
    ("en", "ninety-nine balloons", "ninety-nine", 99, 99, False),
    ("en", "Three soldiers died", "Three", 3, 3, False),
    ("en", "seventeen hostages", "seventeen", 17, 17, False),
    ("en", "two dozen drones", "two dozen", 24, 24, False),
    ("en", "zero casualties", "zero", 0, 0, False),
]

APPROX: list[Row] = [
    ("fr", "une dizaine de morts", "une dizaine", 10, 10, True),
    ("fr", "une douzaine de morts", "une douzaine", 12, 12, True),
    ("fr", "une quinzaine de morts", "une quinzaine", 15, 15, True),
    ("fr", "une vingtaine de morts", "une vingtaine", 20, 20, True),
    ("fr", "une trentaine de morts", "une trentaine", 30, 30, True),
    ("fr", "une cinquantaine de morts", "une cinquantaine", 50, 50, True),
    ("fr", "une centaine de morts", "une centaine", 100, 100, True),
    ("fr", "Une centaine de manifestants", "Une centaine", 100, 100, True),
    ("fr", "un millier de manifestants", "un millier", 1000, 1000, True),
    ("fr", "des dizaines de morts", "des dizaines", 20, 99, True),
    ("fr", "des douzaines de drones", "des douzaines", 24, 99, True),
    ("fr", "des centaines de morts", "des centaines", 200, 999, True),
    ("fr", "des milliers de manifestants", "des milliers", 2000, 9999, True),
    ("fr", "des millions de réfugiés", "des millions", 2 * M, 9_999_999, True),
    ("fr", "plusieurs dizaines de blessés", "plusieurs dizaines", 20, 99, True),
    ("fr", "plusieurs centaines de blessés", "plusieurs centaines", 200, 999, True),
    ("fr", "plusieurs milliers de blessés", "plusieurs milliers", 2000, 9999, True),
    ("fr", "quelques dizaines de blessés", "quelques dizaines", 20, 50, True),
    ("fr", "quelques centaines de blessés", "quelques centaines", 200, 500, True),
    (
        "fr",
        "des dizaines de milliers de manifestants",
        "des dizaines de milliers",
        20_000,
        99_999,
        True,
    ),
    (
        "fr",
        "des centaines de milliers de réfugiés",
        "des centaines de milliers",
        200_000,
        999_999,
        True,
    ),
    (
        "fr",
        "des dizaines de millions d'euros",
        "des dizaines de millions",
        20 * M,
        99_999_999,
        True,
    ),
    ("en", "tens of millions of dollars", "tens of millions", 20 * M, 99_999_999, True),
    ("fr", "une dizaine de milliers de soldats", "une dizaine de milliers", 10_000, 10_000, True),
    ("fr", "plusieurs blessés", "plusieurs", 2, None, True),
    ("fr", "quelques blessés", "quelques", 2, 9, True),
    ("fr", "de nombreux blessés", "de nombreux", 10, None, True),
    ("fr", "de nombreuses victimes", "de nombreuses", 10, None, True),
    ("en", "a dozen dead", "a dozen", 12, 12, True),
    ("en", "dozens of dead", "dozens", 24, 99, True),
    ("en", "Dozens were killed", "Dozens", 24, 99, True),
    ("en", "several dozen drones", "several dozen", 24, 99, True),
    ("en", "scores of protesters", "scores", 40, 99, True),
    ("en", "hundreds of protesters", "hundreds", 200, 999, True),
    ("en", "thousands of protesters", "thousands", 2000, 9999, True),
    ("en", "millions of refugees", "millions", 2 * M, 9_999_999, True),
    ("en", "tens of thousands of protesters", "tens of thousands", 20_000, 99_999, True),
    ("en", "hundreds of thousands of refugees", "hundreds of thousands", 200_000, 999_999, True),
    ("en", "several hundred troops", "several hundred", 200, 999, True),
    ("en", "a few hundred troops", "a few hundred", 200, 500, True),
    ("en", "several thousand troops", "several thousand", 2000, 9999, True),
    ("en", "a handful of soldiers", "a handful", 2, 5, True),
    ("en", "several soldiers", "several", 2, None, True),
    ("en", "a few soldiers", "a few", 2, 9, True),
    ("en", "many soldiers", "many", 10, None, True),
    ("en", "numerous soldiers", "numerous", 10, None, True),
    ("en", "a couple of soldiers", "a couple", 2, 2, True),
]

QUALIFIED: list[Row] = [
    ("fr", "au moins 80 morts", "au moins 80", 80, None, False),
    ("fr", "Au moins 80 personnes ont été tuées", "Au moins 80", 80, None, False),
    ("fr", "au moins un mort", "au moins un", 1, None, False),
    ("fr", "au minimum 15 morts", "au minimum 15", 15, None, False),
    ("fr", "pas moins de 300 soldats", "pas moins de 300", 300, None, False),
    ("fr", "plus de 20 morts", "plus de 20", 21, None, False),
    ("fr", "plus d'une centaine de morts", "plus d'une centaine", 101, None, True),
    ("fr", "plus d’un million de réfugiés", "plus d’un million", M + 1, None, False),
    ("fr", "plus de 2,5 millions de déplacés", "plus de 2,5 millions", 2_500_001, None, False),
    ("fr", "plus de 2,5 tonnes", "plus de 2,5", 2.5, None, False),
    ("fr", "près de 4 000 morts", "près de 4 000", 4000, 4000, True),
    ("fr", "près d'un millier de morts", "près d'un millier", 1000, 1000, True),
    ("fr", "environ 300 soldats", "environ 300", 300, 300, True),
    ("fr", "quelque 300 soldats", "quelque 300", 300, 300, True),
    ("fr", "autour de 50 blessés", "autour de 50", 50, 50, True),
    ("fr", "presque 200 morts", "presque 200", 200, 200, True),
    ("fr", "jusqu'à 30 morts", "jusqu'à 30", None, 30, False),
    ("fr", "jusqu’à 30 morts", "jusqu’à 30", None, 30, False),
    ("fr", "au plus 40 blessés", "au plus 40", None, 40, False),
    ("fr", "au maximum 40 blessés", "au maximum 40", None, 40, False),
    ("fr", "moins de 10 morts", "moins de 10", None, 9, False),
    ("fr", "moins d'une centaine de morts", "moins d'une centaine", None, 99, True),
    ("fr", "plus de vingt morts", "plus de vingt", 21, None, False),
    ("fr", "environ deux cents soldats", "environ deux cents", 200, 200, True),
    ("fr", "au moins des dizaines de morts", "au moins des dizaines", 20, None, True),
    ("en", "at least 80 dead", "at least 80", 80, None, False),
    ("en", "At least one soldier", "At least one", 1, None, False),
    ("en", "no fewer than 300 troops", "no fewer than 300", 300, None, False),
    ("en", "more than 20 dead", "more than 20", 21, None, False),
    ("en", "more than a dozen dead", "more than a dozen", 13, None, True),
    ("en", "more than a hundred dead", "more than a hundred", 101, None, False),
    ("en", "over 100 dead", "over 100", 101, None, False),
    ("en", "nearly 4,000 dead", "nearly 4,000", 4000, 4000, True),
    ("en", "almost 4,000 dead", "almost 4,000", 4000, 4000, True),
    ("en", "about 300 troops", "about 300", 300, 300, True),
    ("en", "around 300 troops", "around 300", 300, 300, True),
    ("en", "some 300 troops", "some 300", 300, 300, True),
    ("en", "roughly 300 troops", "roughly 300", 300, 300, True),
    ("en", "an estimated 300 troops", "an estimated 300", 300, 300, True),
    ("en", "up to 30 dead", "up to 30", None, 30, False),
    ("en", "as many as 50 dead", "as many as 50", None, 50, False),
    ("en", "no more than 50 dead", "no more than 50", None, 50, False),
    ("en", "fewer than 10 dead", "fewer than 10", None, 9, False),
    ("en", "less than 1.5 million", "less than 1.5 million", None, 1_499_999, False),
    ("en", "nearly two thousand troops", "nearly two thousand", 2000, 2000, True),
    ("en", "about a dozen dead", "about a dozen", 12, 12, True),
    ("en", "more than 2.5 tonnes", "more than 2.5", 2.5, None, False),
]

ZEROS: list[Row] = [
    ("fr", "aucune victime", "aucune", 0, 0, False),
    ("fr", "Aucun blessé n'est à déplorer", "Aucun", 0, 0, False),
    ("fr", "il n'y a pas de blessé", "pas de", 0, 0, False),
    ("fr", "il n'y a pas d'otage", "pas d'", 0, 0, False),
    ("fr", "l'explosion, sans faire de victime", "sans faire de", 0, 0, False),
    ("en", "no casualties", "no", 0, 0, False),
    ("en", "No one was hurt", "No one", 0, 0, False),
    ("en", "Nobody was killed", "Nobody", 0, 0, False),
    ("en", "not a single death", "not a single", 0, 0, False),
    ("fr", "nul n'a été blessé", "nul", 0, 0, False),
    ("fr", "l'explosion n'a pas fait de victime", "pas fait de", 0, 0, False),
    ("fr", "il n'y a pas eu de mort", "pas eu de", 0, 0, False),
    ("en", "No, he said, no soldiers died", "no", 0, 0, False),
]

# Not quantities at all, or not where a naive reading would put them.
TRAPS: list[Row] = [
    ("fr", "un soldat a été tué", None, None, None, False),
    ("fr", "une femme a été arrêtée", None, None, None, False),
    ("fr", "l'un des suspects", None, None, None, False),
    ("fr", "l’une des victimes", None, None, None, False),
    ("fr", "quelqu'un a tiré", None, None, None, False),
    ("en", "one soldier was killed", None, None, None, False),
    ("en", "one of the suspects", None, None, None, False),
    ("fr", "le 1er mai", None, None, None, False),
    ("fr", "le 2e régiment", None, None, None, False),
    ("fr", "la 3ème division", None, None, None, False),
    ("en", "the 21st century", None, None, None, False),
    ("en", "the 2nd battalion", None, None, None, False),
    ("fr", "le sommet du G7", None, None, None, False),
    ("en", "the G20 summit", None, None, None, False),
    ("fr", "la pandémie de COVID-19", None, None, None, False),
    ("fr", "des chasseurs F-16", None, None, None, False),
    ("fr", "un Su-25 abattu", None, None, None, False),
    ("fr", "un A400M", None, None, None, False),
    ("fr", "des systèmes S-300", None, None, None, False),
    ("fr", "des drones Shahed-136", None, None, None, False),
    ("en", "a MiG-29 jet", None, None, None, False),
    ("en", "the MH17 crash", None, None, None, False),
    ("fr", "à 23 h, l'attaque", None, None, None, False),
    ("fr", "à 14 h 30, l'attaque", None, None, None, False),
    ("fr", "vers 23h30, l'attaque", None, None, None, False),
    ("en", "at 10:30, the attack", None, None, None, False),
    ("en", "at 3 p.m. the attack", None, None, None, False),
    ("fr", "des deux-roues", None, None, None, False),
    ("fr", "dans les Deux-Sèvres", None, None, None, False),
    ("fr", "à Trois-Rivières", None, None, None, False),
    ("en", "a three-year-old boy", None, None, None, False),
    ("en", "a 20-year-old man", None, None, None, False),
    ("fr", "un bâtiment remis à neuf", None, None, None, False),
    ("fr", "un immeuble neuf.", None, None, None, False),
    ("en", "in Germany police said", None, None, None, False),
    ("en", "how many people died", None, None, None, False),
    ("en", "the scores were tied", None, None, None, False),
    ("en", "moreover the army", None, None, None, False),
    ("en", "No. 10 Downing Street", None, None, None, False),
    ("en", "he no longer works", None, None, None, False),
    ("fr", "il n'est allé nulle part", None, None, None, False),
    ("fr", "il refuse aucunement", None, None, None, False),
    ("fr", "trois centres de santé", "trois", 3, 3, False),
    ("en", "between two and three dead", "two", 2, 2, False),
    ("fr", "entre deux et trois morts", "deux", 2, 2, False),
    ("fr", "dix pour cent des voix", "dix", 10, 10, False),
    ("en", "the Airbus A320", None, None, None, False),
    ("en", "version v1.5 released", None, None, None, False),
    ("en", "two-thirds of voters", None, None, None, False),
    ("fr", "la police a tué un homme et blessé une femme", None, None, None, False),
    ("fr", "il n'est nullement blessé", None, None, None, False),
]

ROWS = DIGITS + WORDS + APPROX + QUALIFIED + ZEROS + TRAPS


def _id(row: Row) -> str:
    lang, text, matched = row[:3]
    return f"{lang}-{'trap' if matched is None else 'ok'}-{text}"


def first(text: str, lang: str) -> Quantity | None:
    """The leftmost quantity or zero, the longest at the same start: what the claims see."""
    found = list(find_quantities(text, lang))
    found += [Quantity(s, e, 0, 0, False, text[s:e]) for s, e in find_zeros(text, lang)]
    return min(found, key=lambda q: (q.start, -q.end), default=None)


def test_enough_rows() -> None:
    assert len(ROWS) >= 150
    assert sum(1 for row in ROWS if row[2] is None) >= 20


@pytest.mark.parametrize(
    ("lang", "text", "matched", "low", "high", "approx"), ROWS, ids=[_id(row) for row in ROWS]
)
def test_first_quantity(
    lang: str,
    text: str,
    matched: str | None,
    low: float | None,
    high: float | None,
    approx: bool,
) -> None:
    quantity = first(text, lang)
    if matched is None:
        assert quantity is None, quantity
        return
    assert quantity is not None
    assert text[quantity.start : quantity.end] == quantity.text == matched
    assert (quantity.min, quantity.max, quantity.approx) == (
        pytest.approx(low) if low is not None else None,
        pytest.approx(high) if high is not None else None,
        approx,
    )


@pytest.mark.parametrize(
    ("lang", "text", "value"),
    [
        ("fr", "45 000", 45000),
        ("en", "45,000", 45000),
        ("fr", "1,5 million", 1_500_000),
        ("en", "one hundred and twenty", 120),
        ("fr", "quatre-vingt-dix-sept", 97),
        ("fr", "mille neuf cent quatre-vingt-dix", 1990),
        ("en", "a thousand", 1000),
        ("fr", "manifestants", None),
    ],
)
def test_parse_number(lang: str, text: str, value: float | None) -> None:
    assert parse_number(text, lang) == value


def test_all_quantities_in_order() -> None:
    text = "Au moins 12 morts et une vingtaine de blessés, selon un bilan, sur 3 000 habitants."
    found = [(q.text, q.min, q.max, q.approx) for q in find_quantities(text, "fr")]
    assert found == [
        ("Au moins 12", 12, None, False),
        ("une vingtaine", 20, 20, True),
        ("3 000", 3000, 3000, False),
    ]


@pytest.mark.parametrize(
    ("lang", "text", "matched", "low", "high"),
    [
        ("en", "estimates ranged from 81,000 to 700,000 marchers", "81,000 to 700,000", 81000, 7e5),
        ("en", "between 20 and 30 people died", "20 and 30", 20, 30),
        ("en", "from 2.5 to 3 million people", "2.5 to 3 million", 2.5, 3e6),
        ("fr", "de 30 000 à 50 000 manifestants", "30 000 à 50 000", 30000, 50000),
        ("fr", "entre vingt et trente morts", "vingt et trente", 20, 30),
        ("fr", "d'au moins 80 à 100 blessés", "au moins 80 à 100", 80, 100),
        ("fr", "par 84 voix contre 30", None, None, None),
        ("en", "it fell from 30 to 20 percent", None, None, None),
        ("en", "two to three soldiers", None, None, None),
    ],
)
def test_ranges(
    lang: str, text: str, matched: str | None, low: float | None, high: float | None
) -> None:
    found = [(r.text, r.min, r.max) for r in find_ranges(text, lang)]
    assert found == (
        [] if matched is None else [(matched, pytest.approx(low), pytest.approx(high))]
    )
