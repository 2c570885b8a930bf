"""Table-driven tests of selon.temporal: French and English date expressions.

Each row is (lang, text, published, first, last, precision). The expression under test is the
part of the text between square brackets, or the whole text without them: a resolved expression
must cover exactly that span and give that interval. A row whose first is None expects that no
resolved expression touches the span (a trap, or an anchor that is missing).

Most rows are published on Wednesday 8 May 2024 (``W``); its week runs Monday 6 to Sunday 12.
Rows that exercise clock times in a zone are published as aware datetimes.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re

import pytest

from selon.dateline import find_dateline
from selon.temporal import Resolved, find_dates

W = "2024-05-08"  # a Wednesday
JAN = "2024-01-03"  # a Wednesday, early in the year
NY_LATE = "2024-05-08T23:30:00-05:00"  # Wednesday evening in New York, Thursday in GMT

Row = tuple[str, str, str | None, str | None, str | None, str | None]

FRENCH: list[Row] = [
    # Full and partial dates
    ("fr", "le 7 janvier 2024", W, "2024-01-07", "2024-01-07", "day"),
    ("fr", "7 janv.", W, "2024-01-07", "2024-01-07", "day"),
    ("fr", "le 1er mars", W, "2024-03-01", "2024-03-01", "day"),
    ("fr", "le 1er mars 2022", W, "2022-03-01", "2022-03-01", "day"),
    ("fr", "7 mai", W, "2024-05-07", "2024-05-07", "day"),
    ("fr", "9 mai", W, "2024-05-09", "2024-05-09", "day"),  # a day of slack
    ("fr", "10 mai", W, "2023-05-10", "2023-05-10", "day"),
    ("fr", "le 25 décembre", JAN, "2023-12-25", "2023-12-25", "day"),
    ("fr", "le 2 janvier", JAN, "2024-01-02", "2024-01-02", "day"),
    ("fr", "mardi 7 mai", W, "2024-05-07", "2024-05-07", "day"),
    ("fr", "le mardi 7 mai 2024", W, "2024-05-07", "2024-05-07", "day"),
    ("fr", "ce mardi 7 mai", W, "2024-05-07", "2024-05-07", "day"),
    ("fr", "le 14 juillet", W, "2023-07-14", "2023-07-14", "day"),
    ("fr", "31 déc.", JAN, "2023-12-31", "2023-12-31", "day"),
    ("fr", "le 3 févr. 2023", W, "2023-02-03", "2023-02-03", "day"),
    ("fr", "Le scrutin aura lieu [le 12 juin 2024].", W, "2024-06-12", "2024-06-12", "day"),
    ("fr", "le 29 février", W, "2024-02-29", "2024-02-29", "day"),
    ("fr", "le 29 février", "2023-05-08", None, None, None),  # no such day in 2023
    ("fr", "le [31] avril 2024", W, None, None, None),  # no such day...
    ("fr", "le 31 [avril 2024]", W, "2024-04-01", "2024-04-30", "month"),  # ...but a month
    ("fr", "le 14 juillet 1789", W, "1789-07-14", "1789-07-14", "day"),
    ("fr", "en 1945", W, "1945-01-01", "1945-12-31", "year"),
    ("fr", "15 août", W, "2023-08-15", "2023-08-15", "day"),
    ("fr", "le 7 mai 2024", None, "2024-05-07", "2024-05-07", "day"),
    ("fr", "mardi 5 novembre", W, "2024-11-05", "2024-11-05", "day"),  # the weekday fits 2024
    ("fr", "dimanche 5 novembre", W, "2023-11-05", "2023-11-05", "day"),
    ("fr", "les 7 et 8 mai", W, "2024-05-07", "2024-05-08", "day"),
    ("fr", "du 2 au 5 mai", W, "2024-05-02", "2024-05-05", "day"),
    ("fr", "du 2 au 5 mai 2019", W, "2019-05-02", "2019-05-05", "day"),
    ("fr", "le 7", W, "2024-05-07", "2024-05-07", "day"),
    ("fr", "Il est arrivé [le 3], selon la police.", W, "2024-05-03", "2024-05-03", "day"),
    ("fr", "Il a démissionné [le 1er].", W, "2024-05-01", "2024-05-01", "day"),
    ("fr", "Il est parti [le 20].", W, "2024-04-20", "2024-04-20", "day"),
    ("fr", "Il est parti [le 31].", W, "2024-03-31", "2024-03-31", "day"),  # no 31 April
    ("fr", "le 8 à 15 h", W, "2024-05-08", "2024-05-08", "day"),
    # Weekdays: the most recent on or before publication
    ("fr", "mardi", W, "2024-05-07", "2024-05-07", "day"),
    ("fr", "mardi dernier", W, "2024-05-07", "2024-05-07", "day"),
    ("fr", "ce mardi", W, "2024-05-07", "2024-05-07", "day"),
    ("fr", "mercredi", W, "2024-05-08", "2024-05-08", "day"),
    ("fr", "ce mercredi", W, "2024-05-08", "2024-05-08", "day"),
    ("fr", "mercredi dernier", W, "2024-05-01", "2024-05-01", "day"),
    ("fr", "jeudi", W, "2024-05-02", "2024-05-02", "day"),
    ("fr", "jeudi dernier", W, "2024-05-02", "2024-05-02", "day"),
    ("fr", "mardi prochain", W, "2024-05-14", "2024-05-14", "day"),
    ("fr", "mercredi prochain", W, "2024-05-15", "2024-05-15", "day"),
    ("fr", "jeudi prochain", W, "2024-05-09", "2024-05-09", "day"),
    ("fr", "dimanche", W, "2024-05-05", "2024-05-05", "day"),
    ("fr", "lundi", W, "2024-05-06", "2024-05-06", "day"),
    ("fr", "Le président s'est exprimé [samedi].", W, "2024-05-04", "2024-05-04", "day"),
    ("fr", "mardi", JAN, "2024-01-02", "2024-01-02", "day"),
    ("fr", "jeudi", JAN, "2023-12-28", "2023-12-28", "day"),
    # Parts of days
    ("fr", "mardi soir", W, "2024-05-07", "2024-05-07", "day"),
    ("fr", "jeudi matin", W, "2024-05-02", "2024-05-02", "day"),
    ("fr", "lundi après-midi", W, "2024-05-06", "2024-05-06", "day"),
    ("fr", "mardi en fin de journée", W, "2024-05-07", "2024-05-07", "day"),
    ("fr", "dimanche dans la soirée", W, "2024-05-05", "2024-05-05", "day"),
    ("fr", "dans la nuit de samedi à dimanche", W, "2024-05-04", "2024-05-05", "day"),
    ("fr", "dans la nuit de mardi à mercredi", W, "2024-05-07", "2024-05-08", "day"),
    ("fr", "dans la nuit du 6 au 7 mai", W, "2024-05-06", "2024-05-07", "day"),
    (
        "fr",
        "dans la nuit du 31 décembre au 1er janvier",
        JAN,
        "2023-12-31",
        "2024-01-01",
        "day",
    ),
    ("fr", "cette nuit", W, "2024-05-07", "2024-05-08", "day"),
    ("fr", "la nuit dernière", W, "2024-05-07", "2024-05-08", "day"),
    # Deictic days
    ("fr", "hier", W, "2024-05-07", "2024-05-07", "day"),
    ("fr", "avant-hier", W, "2024-05-06", "2024-05-06", "day"),
    ("fr", "aujourd'hui", W, "2024-05-08", "2024-05-08", "day"),
    ("fr", "aujourd’hui", W, "2024-05-08", "2024-05-08", "day"),
    ("fr", "ce matin", W, "2024-05-08", "2024-05-08", "day"),
    ("fr", "ce soir", W, "2024-05-08", "2024-05-08", "day"),
    ("fr", "hier soir", W, "2024-05-07", "2024-05-07", "day"),
    ("fr", "hier matin", W, "2024-05-07", "2024-05-07", "day"),
    ("fr", "hier après-midi", W, "2024-05-07", "2024-05-07", "day"),
    ("fr", "avant-hier soir", W, "2024-05-06", "2024-05-06", "day"),
    ("fr", "hier", JAN, "2024-01-02", "2024-01-02", "day"),
    ("fr", "avant-hier", "2024-03-01", "2024-02-28", "2024-02-28", "day"),
    # Relative to the previous date of the text
    (
        "fr",
        "Le 3 mai, il a quitté Paris ; [la veille], il avait rencontré le ministre.",
        W,
        "2024-05-02",
        "2024-05-02",
        "day",
    ),
    (
        "fr",
        "Le 3 mai, il a voté ; [le lendemain], il est parti.",
        W,
        "2024-05-04",
        "2024-05-04",
        "day",
    ),
    (
        "fr",
        "Mardi, il a voté ; [le lendemain matin], il est parti.",
        W,
        "2024-05-08",
        "2024-05-08",
        "day",
    ),
    (
        "fr",
        "Le 3 mai, il a voté ; [le surlendemain], il est parti.",
        W,
        "2024-05-05",
        "2024-05-05",
        "day",
    ),
    (
        "fr",
        "Le 3 mai, il a voté ; [l'avant-veille], il hésitait.",
        W,
        "2024-05-01",
        "2024-05-01",
        "day",
    ),
    (
        "fr",
        "Le 3 mai, il a voté ; [deux jours plus tard], il est parti.",
        W,
        "2024-05-05",
        "2024-05-05",
        "day",
    ),
    (
        "fr",
        "Le 3 mai, il a voté ; [trois jours plus tôt], il hésitait.",
        W,
        "2024-04-30",
        "2024-04-30",
        "day",
    ),
    (
        "fr",
        "Dans la nuit de samedi à dimanche, des heurts ; [la veille], calme.",
        W,
        "2024-05-03",
        "2024-05-03",
        "day",
    ),
    ("fr", "Hier, il a voté ; [la veille], il hésitait.", W, "2024-05-06", "2024-05-06", "day"),
    (
        "fr",
        "Le 3 mai, il a voté ; [le même jour], il est parti.",
        W,
        "2024-05-03",
        "2024-05-03",
        "day",
    ),
    (
        "fr",
        "Le 3 mai, il a voté ; [le jour même], il est parti.",
        W,
        "2024-05-03",
        "2024-05-03",
        "day",
    ),
    ("fr", "Hier, il a voté ; [ce jour-là], il pleuvait.", W, "2024-05-07", "2024-05-07", "day"),
    ("fr", "le même jour", W, None, None, None),  # nothing before it
    (
        "fr",
        "Le 3 mai, il a voté ; [le soir même], il est parti.",
        W,
        "2024-05-03",
        "2024-05-03",
        "day",
    ),
    (
        "fr",
        "Le 3 mai, il a voté ; [plus tôt dans la journée], il hésitait.",
        W,
        "2024-05-03",
        "2024-05-03",
        "day",
    ),
    ("fr", "Le 3 mai, il a voté ; [ce soir-là], il a fêté.", W, "2024-05-03", "2024-05-03", "day"),
    (
        "fr",
        "Le 3 mai, il a voté ; [la nuit précédente], des tirs.",
        W,
        "2024-05-02",
        "2024-05-02",
        "day",
    ),
    ("fr", "Le 3 mai, il a voté, [le jour même de l'élection].", W, None, None, None),
    ("fr", "la veille", W, None, None, None),
    ("fr", "le lendemain", W, None, None, None),
    ("fr", "Le 3 mai, il a voté, [la veille du scrutin].", W, None, None, None),
    ("fr", "Le 3 mai, il a voté, [le lendemain de l'élection].", W, None, None, None),
    # Weeks, months, years
    ("fr", "cette semaine", W, "2024-05-06", "2024-05-12", "week"),
    ("fr", "la semaine dernière", W, "2024-04-29", "2024-05-05", "week"),
    ("fr", "la semaine passée", W, "2024-04-29", "2024-05-05", "week"),
    ("fr", "la semaine prochaine", W, "2024-05-13", "2024-05-19", "week"),
    ("fr", "la semaine dernière", JAN, "2023-12-25", "2023-12-31", "week"),
    ("fr", "le mois dernier", W, "2024-04-01", "2024-04-30", "month"),
    ("fr", "le mois dernier", JAN, "2023-12-01", "2023-12-31", "month"),
    ("fr", "ce mois-ci", W, "2024-05-01", "2024-05-31", "month"),
    ("fr", "plus tôt ce mois-ci", W, "2024-05-01", "2024-05-07", "month"),  # before today
    ("fr", "depuis le début du mois", W, "2024-05-01", "2024-05-08", "month"),
    ("fr", "plus tard ce mois-ci", W, "2024-05-08", "2024-05-31", "month"),
    ("fr", "d'ici la fin du mois", W, "2024-05-08", "2024-05-31", "month"),
    ("fr", "plus tôt cette semaine", W, "2024-05-06", "2024-05-07", "week"),
    ("fr", "en début de semaine", W, "2024-05-06", "2024-05-07", "week"),
    ("fr", "plus tard dans la semaine", W, "2024-05-08", "2024-05-12", "week"),
    ("fr", "ce week-end", W, "2024-05-11", "2024-05-12", "day"),
    ("fr", "ce week-end", "2024-05-06", "2024-05-04", "2024-05-05", "day"),  # on a Monday
    ("fr", "le week-end dernier", W, "2024-05-04", "2024-05-05", "day"),
    ("fr", "le week-end prochain", W, "2024-05-18", "2024-05-19", "day"),
    ("fr", "au cours du week-end", W, "2024-05-04", "2024-05-05", "day"),
    ("fr", "au cours du week-end", "2024-05-12", "2024-05-11", "2024-05-12", "day"),
    ("fr", "le mois prochain", W, "2024-06-01", "2024-06-30", "month"),
    ("fr", "en janvier", W, "2024-01-01", "2024-01-31", "month"),
    ("fr", "en décembre", W, "2023-12-01", "2023-12-31", "month"),
    ("fr", "en mai", W, "2024-05-01", "2024-05-31", "month"),
    ("fr", "courant avril", W, "2024-04-01", "2024-04-30", "month"),
    ("fr", "début mars", W, "2024-03-01", "2024-03-10", "month"),
    ("fr", "fin mars", W, "2024-03-22", "2024-03-31", "month"),
    ("fr", "mi-mars", W, "2024-03-10", "2024-03-20", "month"),
    ("fr", "fin février", W, "2024-02-20", "2024-02-29", "month"),
    ("fr", "début d'avril", W, "2024-04-01", "2024-04-10", "month"),
    ("fr", "au mois d'août", W, "2023-08-01", "2023-08-31", "month"),
    ("fr", "en mars 2019", W, "2019-03-01", "2019-03-31", "month"),
    ("fr", "fin mars 2019", W, "2019-03-22", "2019-03-31", "month"),
    ("fr", "en mai dernier", W, "2023-05-01", "2023-05-31", "month"),
    ("fr", "en mars dernier", W, "2024-03-01", "2024-03-31", "month"),
    ("fr", "juillet 2023", W, "2023-07-01", "2023-07-31", "month"),
    ("fr", "en janvier", None, None, None, None),
    ("fr", "fin 2019", W, "2019-10-01", "2019-12-31", "year"),
    ("fr", "début 2019", W, "2019-01-01", "2019-03-31", "year"),
    ("fr", "en 2019", W, "2019-01-01", "2019-12-31", "year"),
    ("fr", "mi-2019", W, "2019-04-01", "2019-09-30", "year"),
    ("fr", "fin 2019", None, "2019-10-01", "2019-12-31", "year"),
    ("fr", "l'an dernier", W, "2023-01-01", "2023-12-31", "year"),
    ("fr", "l’année dernière", W, "2023-01-01", "2023-12-31", "year"),
    ("fr", "cette année", W, "2024-01-01", "2024-12-31", "year"),
    ("fr", "l'an prochain", W, "2025-01-01", "2025-12-31", "year"),
    ("fr", "depuis le début de l'année", W, "2024-01-01", "2024-05-08", "year"),
    ("fr", "plus tôt cette année", W, "2024-01-01", "2024-05-07", "year"),
    ("fr", "plus tard dans l'année", W, "2024-05-08", "2024-12-31", "year"),
    ("fr", "d'ici 2030", W, "2030-01-01", "2030-12-31", "year"),
    # Deadlines: from publication to a day ahead
    ("fr", "d'ici au 8 août", W, "2024-05-08", "2024-08-08", "day"),
    ("fr", "au plus tard le 18 août", W, "2024-05-08", "2024-08-18", "day"),
    ("fr", "d'ici au 2 mai", W, "2024-05-08", "2025-05-02", "day"),  # the next 2 May
    ("fr", "d'ici le 8 août 2023", W, "2023-08-08", "2023-08-08", "day"),  # already past
    # Counting back
    ("fr", "il y a deux jours", W, "2024-05-06", "2024-05-06", "day"),
    ("fr", "il y a 10 jours", W, "2024-04-28", "2024-04-28", "day"),
    ("fr", "il y a quinze jours", W, "2024-04-23", "2024-04-23", "day"),
    ("fr", "il y a 48 heures", W, "2024-05-06", "2024-05-06", "day"),
    ("fr", "il y a trois semaines", W, "2024-04-15", "2024-04-21", "week"),
    ("fr", "il y a une semaine", W, "2024-04-29", "2024-05-05", "week"),
    ("fr", "il y a un mois", W, "2024-04-01", "2024-04-30", "month"),
    ("fr", "il y a deux ans", W, "2022-01-01", "2022-12-31", "year"),
    # Clock times
    ("fr", "mardi vers 23 h", W, "2024-05-07", "2024-05-07", "day"),
    ("fr", "mardi soir vers 23 h heure locale", W, "2024-05-07", "2024-05-07", "day"),
    ("fr", "mardi vers 23 h heure locale (21 h GMT)", W, "2024-05-07", "2024-05-07", "day"),
    ("fr", "hier à 6 h 45", W, "2024-05-07", "2024-05-07", "day"),
    ("fr", "à 6 h 45 ce matin", W, "2024-05-08", "2024-05-08", "day"),
    ("fr", "le 7 mai à 14 h 30", W, "2024-05-07", "2024-05-07", "day"),
    ("fr", "mercredi à minuit", W, "2024-05-08", "2024-05-08", "day"),
    ("fr", "Les tirs ont commencé [jeudi à 4 h GMT].", NY_LATE, "2024-05-09", "2024-05-09", "day"),
    ("fr", "jeudi à 4 h", NY_LATE, "2024-05-02", "2024-05-02", "day"),  # no zone: local day
    ("fr", "à 4 h GMT", "2024-05-09T10:00:00+08:00", "2024-05-08", "2024-05-08", "day"),
    ("fr", "à 1 h GMT", "2024-05-09T10:00:00+08:00", "2024-05-09", "2024-05-09", "day"),
    ("fr", "vers 23 h heure locale", W, None, None, None),
    ("fr", "à 6 h 45", W, None, None, None),
    ("fr", "à 4 h GMT", W, None, None, None),  # no publication moment
    # Traps and missing anchors
    ("fr", "le 7e régiment", W, None, None, None),
    ("fr", "le 7 % des voix", W, None, None, None),
    ("fr", "le 1er tour de l'élection", W, None, None, None),
    ("fr", "la planète Mars", W, None, None, None),
    ("fr", "l'esprit de [mai 68]", W, None, None, None),
    ("fr", "Les marchés sont ouverts tous les lundis.", W, None, None, None),
    ("fr", "Il se rend chaque lundi à Lyon.", W, None, None, None),
    ("fr", "le défilé de Mardi gras", W, None, None, None),
    ("fr", "selon le Journal du dimanche", W, None, None, None),
    ("fr", "le Vendredi saint", W, None, None, None),
    ("fr", "cette nuit-là", W, None, None, None),
    ("fr", "ce matin-là", W, None, None, None),
    ("fr", "cette année-là", W, None, None, None),
    ("fr", "Il l'a construit en sept ans.", W, None, None, None),
    ("fr", "Il y a trois semaines de congés.", W, None, None, None),
    ("fr", "il y a quelques jours", W, None, None, None),
    ("fr", "le mardi suivant", W, None, None, None),
    ("fr", "la hiérarchie militaire", W, None, None, None),
    ("fr", "en 2000 ans d'histoire", W, None, None, None),
    ("fr", "Il a été tiré [en 1500 exemplaires].", W, None, None, None),
    ("fr", "hier", None, None, None, None),
    ("fr", "mardi", None, None, None, None),
    ("fr", "le 7 mai", None, None, None, None),
    ("fr", "le 7", None, None, None, None),
    # Parts of last week, and the week before a date of the text
    ("fr", "en fin de semaine dernière", W, "2024-05-02", "2024-05-05", "week"),
    ("fr", "en début de semaine dernière", W, "2024-04-29", "2024-05-01", "week"),
    ("fr", "fin de la semaine passée", W, "2024-05-02", "2024-05-05", "week"),
    ("fr", "Le 3 mai, puis [la semaine précédente]", W, "2024-04-22", "2024-04-28", "week"),
    ("fr", "la semaine précédente", W, None, None, None),  # no previous date
    ("fr", "Le 3 mai, puis [la semaine précédente du scrutin]", W, None, None, None),
]

ENGLISH: list[Row] = [
    # Full and partial dates
    ("en", "January 7, 2024", W, "2024-01-07", "2024-01-07", "day"),
    ("en", "Jan. 7", W, "2024-01-07", "2024-01-07", "day"),
    ("en", "Jan 7", W, "2024-01-07", "2024-01-07", "day"),
    ("en", "7 January", W, "2024-01-07", "2024-01-07", "day"),
    ("en", "7 January 2024", W, "2024-01-07", "2024-01-07", "day"),
    ("en", "the 7th of January", W, "2024-01-07", "2024-01-07", "day"),
    ("en", "Tuesday, May 7", W, "2024-05-07", "2024-05-07", "day"),
    ("en", "on Tuesday, May 7", W, "2024-05-07", "2024-05-07", "day"),
    ("en", "Tuesday 7 May", W, "2024-05-07", "2024-05-07", "day"),
    ("en", "May 7", W, "2024-05-07", "2024-05-07", "day"),
    ("en", "May 10", W, "2023-05-10", "2023-05-10", "day"),
    ("en", "Dec. 25", JAN, "2023-12-25", "2023-12-25", "day"),
    ("en", "March 1st", W, "2024-03-01", "2024-03-01", "day"),
    ("en", "Sept. 11, 2001", W, "2001-09-11", "2001-09-11", "day"),
    ("en", "July 4", W, "2023-07-04", "2023-07-04", "day"),
    ("en", "Feb. 29", W, "2024-02-29", "2024-02-29", "day"),
    ("en", "April 31, 2024", W, None, None, None),
    ("en", "May 8, 1945", W, "1945-05-08", "1945-05-08", "day"),
    ("en", "the 4th of July, 1776", W, "1776-07-04", "1776-07-04", "day"),
    ("en", "The summit opens [June 12, 2024].", W, "2024-06-12", "2024-06-12", "day"),
    ("en", "Monday, January 1, 2024", W, "2024-01-01", "2024-01-01", "day"),
    ("en", "January 7, 2024", None, "2024-01-07", "2024-01-07", "day"),
    ("en", "Tuesday, Nov. 5", W, "2024-11-05", "2024-11-05", "day"),  # the weekday fits 2024
    ("en", "Sunday, Nov. 5", W, "2023-11-05", "2023-11-05", "day"),
    ("en", "May 7 and 8", W, "2024-05-07", "2024-05-08", "day"),
    ("en", "2-5 May", W, "2024-05-02", "2024-05-05", "day"),
    ("en", "The polls held in [May 7, 2023] were close.", W, "2023-05-07", "2023-05-07", "day"),
    ("en", "It happened [on the 3rd].", W, "2024-05-03", "2024-05-03", "day"),
    ("en", "They left [on the 20th].", W, "2024-04-20", "2024-04-20", "day"),
    # Weekdays
    ("en", "Tuesday", W, "2024-05-07", "2024-05-07", "day"),
    ("en", "on Tuesday", W, "2024-05-07", "2024-05-07", "day"),
    ("en", "last Tuesday", W, "2024-05-07", "2024-05-07", "day"),
    ("en", "this Tuesday", W, "2024-05-07", "2024-05-07", "day"),
    ("en", "Wednesday", W, "2024-05-08", "2024-05-08", "day"),
    ("en", "on Wednesday", W, "2024-05-08", "2024-05-08", "day"),
    ("en", "last Wednesday", W, "2024-05-01", "2024-05-01", "day"),
    ("en", "Thursday", W, "2024-05-02", "2024-05-02", "day"),
    ("en", "next Tuesday", W, "2024-05-14", "2024-05-14", "day"),
    ("en", "next Wednesday", W, "2024-05-15", "2024-05-15", "day"),
    ("en", "next Thursday", W, "2024-05-09", "2024-05-09", "day"),
    ("en", "Sunday", W, "2024-05-05", "2024-05-05", "day"),
    ("en", "The minister resigned [on Saturday].", W, "2024-05-04", "2024-05-04", "day"),
    ("en", "late Monday", W, "2024-05-06", "2024-05-06", "day"),
    ("en", "early on Friday", W, "2024-05-03", "2024-05-03", "day"),
    ("en", "Thursday", JAN, "2023-12-28", "2023-12-28", "day"),
    # Parts of days
    ("en", "Tuesday night", W, "2024-05-07", "2024-05-07", "day"),
    ("en", "Thursday morning", W, "2024-05-02", "2024-05-02", "day"),
    ("en", "Monday afternoon", W, "2024-05-06", "2024-05-06", "day"),
    ("en", "on Sunday evening", W, "2024-05-05", "2024-05-05", "day"),
    ("en", "overnight", W, "2024-05-07", "2024-05-08", "day"),
    ("en", "last night", W, "2024-05-07", "2024-05-08", "day"),
    # Deictic days
    ("en", "yesterday", W, "2024-05-07", "2024-05-07", "day"),
    ("en", "the day before yesterday", W, "2024-05-06", "2024-05-06", "day"),
    ("en", "today", W, "2024-05-08", "2024-05-08", "day"),
    ("en", "this morning", W, "2024-05-08", "2024-05-08", "day"),
    ("en", "tonight", W, "2024-05-08", "2024-05-08", "day"),
    ("en", "yesterday afternoon", W, "2024-05-07", "2024-05-07", "day"),
    ("en", "yesterday morning", W, "2024-05-07", "2024-05-07", "day"),
    ("en", "yesterday", "2024-03-01", "2024-02-29", "2024-02-29", "day"),
    # Relative to the previous date of the text
    (
        "en",
        "On May 3 he left Paris; [the day before], he met the minister.",
        W,
        "2024-05-02",
        "2024-05-02",
        "day",
    ),
    ("en", "On May 3 he voted; [the next day], he left.", W, "2024-05-04", "2024-05-04", "day"),
    (
        "en",
        "On May 3 he voted; [the following day], he left.",
        W,
        "2024-05-04",
        "2024-05-04",
        "day",
    ),
    (
        "en",
        "On May 3 he voted; [the previous day], he hesitated.",
        W,
        "2024-05-02",
        "2024-05-02",
        "day",
    ),
    ("en", "On May 3 he voted; [two days later], he left.", W, "2024-05-05", "2024-05-05", "day"),
    (
        "en",
        "On May 3 he voted; [a day earlier], he hesitated.",
        W,
        "2024-05-02",
        "2024-05-02",
        "day",
    ),
    ("en", "He voted on Tuesday and left [the next day].", W, "2024-05-08", "2024-05-08", "day"),
    ("en", "the day before", W, None, None, None),
    ("en", "the next day", W, None, None, None),
    ("en", "On May 3 he voted, [the day before the vote].", W, None, None, None),
    ("en", "On May 3 he voted, [the day after the election].", W, None, None, None),
    ("en", "On May 3 he voted; [the same day], he left.", W, "2024-05-03", "2024-05-03", "day"),
    ("en", "On May 3 he voted; [later that day], he left.", W, "2024-05-03", "2024-05-03", "day"),
    ("en", "the same day", W, None, None, None),
    (
        "en",
        "On May 3 he voted; [earlier in the day], he spoke.",
        W,
        "2024-05-03",
        "2024-05-03",
        "day",
    ),
    ("en", "On May 3 he voted; [that evening], he left.", W, "2024-05-03", "2024-05-03", "day"),
    ("en", "On May 3 he voted; [the night before], shots.", W, "2024-05-02", "2024-05-02", "day"),
    ("en", "On May 3 he voted; [the night before the vote].", W, None, None, None),
    ("en", "On May 3 he voted, [the same day as the election].", W, None, None, None),
    # Weeks, months, years
    ("en", "this week", W, "2024-05-06", "2024-05-12", "week"),
    ("en", "last week", W, "2024-04-29", "2024-05-05", "week"),
    ("en", "next week", W, "2024-05-13", "2024-05-19", "week"),
    ("en", "last week", JAN, "2023-12-25", "2023-12-31", "week"),
    ("en", "last month", W, "2024-04-01", "2024-04-30", "month"),
    ("en", "last month", JAN, "2023-12-01", "2023-12-31", "month"),
    ("en", "this month", W, "2024-05-01", "2024-05-31", "month"),
    ("en", "earlier this month", W, "2024-05-01", "2024-05-07", "month"),  # before today
    ("en", "earlier this month", "2024-05-01", "2024-05-01", "2024-05-01", "month"),
    ("en", "later this month", W, "2024-05-08", "2024-05-31", "month"),
    ("en", "by the end of the month", W, "2024-05-08", "2024-05-31", "month"),
    ("en", "earlier this week", W, "2024-05-06", "2024-05-07", "week"),
    ("en", "later in the week", W, "2024-05-08", "2024-05-12", "week"),
    ("en", "this weekend", W, "2024-05-11", "2024-05-12", "day"),
    ("en", "over the weekend", W, "2024-05-04", "2024-05-05", "day"),
    ("en", "over the weekend", "2024-05-11", "2024-05-11", "2024-05-12", "day"),  # a Saturday
    ("en", "last weekend", W, "2024-05-04", "2024-05-05", "day"),
    ("en", "next weekend", W, "2024-05-18", "2024-05-19", "day"),
    ("en", "this past weekend", W, "2024-05-04", "2024-05-05", "day"),
    ("en", "at the weekend", W, "2024-05-04", "2024-05-05", "day"),
    ("en", "next month", W, "2024-06-01", "2024-06-30", "month"),
    ("en", "in January", W, "2024-01-01", "2024-01-31", "month"),
    ("en", "in December", W, "2023-12-01", "2023-12-31", "month"),
    ("en", "early March", W, "2024-03-01", "2024-03-10", "month"),
    ("en", "late March", W, "2024-03-22", "2024-03-31", "month"),
    ("en", "mid-March", W, "2024-03-10", "2024-03-20", "month"),
    ("en", "in March 2019", W, "2019-03-01", "2019-03-31", "month"),
    ("en", "late March 2019", W, "2019-03-22", "2019-03-31", "month"),
    ("en", "last May", W, "2023-05-01", "2023-05-31", "month"),
    ("en", "last March", W, "2024-03-01", "2024-03-31", "month"),
    ("en", "this May", W, "2024-05-01", "2024-05-31", "month"),
    ("en", "since March", W, "2024-03-01", "2024-05-08", "month"),
    ("en", "July 2023", W, "2023-07-01", "2023-07-31", "month"),
    ("en", "in January", None, None, None, None),
    ("en", "late 2019", W, "2019-10-01", "2019-12-31", "year"),
    ("en", "early 2019", W, "2019-01-01", "2019-03-31", "year"),
    ("en", "in 2019", W, "2019-01-01", "2019-12-31", "year"),
    ("en", "mid-2019", W, "2019-04-01", "2019-09-30", "year"),
    ("en", "the end of 2019", W, "2019-10-01", "2019-12-31", "year"),
    ("en", "last year", W, "2023-01-01", "2023-12-31", "year"),
    ("en", "this year", W, "2024-01-01", "2024-12-31", "year"),
    ("en", "next year", W, "2025-01-01", "2025-12-31", "year"),
    ("en", "earlier this year", W, "2024-01-01", "2024-05-07", "year"),
    ("en", "so far this year", W, "2024-01-01", "2024-05-08", "year"),
    ("en", "later this year", W, "2024-05-08", "2024-12-31", "year"),
    ("en", "by 2025", W, "2025-01-01", "2025-12-31", "year"),
    ("en", "by 2000 votes", W, None, None, None),
    # Deadlines
    ("en", "by Aug. 1", W, "2024-05-08", "2024-08-01", "day"),
    ("en", "no later than June 30", W, "2024-05-08", "2024-06-30", "day"),
    ("en", "by May 2", W, "2024-05-08", "2025-05-02", "day"),
    ("en", "They gave the junta until [Aug. 1].", W, "2023-08-01", "2023-08-01", "day"),
    # Counting back
    ("en", "two days ago", W, "2024-05-06", "2024-05-06", "day"),
    ("en", "ten days ago", W, "2024-04-28", "2024-04-28", "day"),
    ("en", "48 hours ago", W, "2024-05-06", "2024-05-06", "day"),
    ("en", "a week ago", W, "2024-04-29", "2024-05-05", "week"),
    ("en", "two weeks ago", W, "2024-04-22", "2024-04-28", "week"),
    ("en", "three weeks ago", W, "2024-04-15", "2024-04-21", "week"),
    ("en", "a month ago", W, "2024-04-01", "2024-04-30", "month"),
    ("en", "two years ago", W, "2022-01-01", "2022-12-31", "year"),
    # Clock times
    ("en", "Tuesday at 9 p.m.", W, "2024-05-07", "2024-05-07", "day"),
    ("en", "Wednesday at noon", W, "2024-05-08", "2024-05-08", "day"),
    ("en", "6:45 a.m. EST on Tuesday", W, "2024-05-07", "2024-05-07", "day"),
    ("en", "yesterday at 2 p.m.", W, "2024-05-07", "2024-05-07", "day"),
    ("en", "on May 7 at 14:30 GMT", W, "2024-05-07", "2024-05-07", "day"),
    ("en", "Tuesday around 11 p.m. local time (0300 GMT)", W, "2024-05-07", "2024-05-07", "day"),
    ("en", "at 2114 GMT on Wednesday", W, "2024-05-08", "2024-05-08", "day"),
    (
        "en",
        "at 2114 GMT on Wednesday",
        "2024-05-09T01:30:00+03:00",
        "2024-05-08",
        "2024-05-08",
        "day",
    ),
    (
        "en",
        "The strike began [at 0400 GMT on Thursday].",
        NY_LATE,
        "2024-05-09",
        "2024-05-09",
        "day",
    ),
    ("en", "on Thursday at 0400 GMT", NY_LATE, "2024-05-09", "2024-05-09", "day"),
    ("en", "Thursday at 4 a.m.", NY_LATE, "2024-05-02", "2024-05-02", "day"),  # no zone
    ("en", "at 0400 GMT", "2024-05-08T10:00:00+08:00", "2024-05-07", "2024-05-07", "day"),
    ("en", "0400 GMT", "2024-05-08T10:00:00+00:00", "2024-05-08", "2024-05-08", "day"),
    ("en", "0400 GMT", W, None, None, None),  # no publication moment
    ("en", "at 6:45 a.m.", W, None, None, None),
    # Traps and missing anchors
    ("en", "Officials said they may announce results soon.", W, None, None, None),
    ("en", "Thousands march on the capital.", W, None, None, None),
    ("en", "Protesters said this march was peaceful.", W, None, None, None),
    ("en", "The figures may 7 times exceed the forecast.", W, None, None, None),
    ("en", "She taught at a Sunday school in Ohio.", W, None, None, None),
    ("en", "the Super Tuesday primaries", W, None, None, None),
    ("en", "Black Friday sales", W, None, None, None),
    ("en", "the Good Friday Agreement", W, None, None, None),
    ("en", "Bloody Sunday", W, None, None, None),
    ("en", "The Sunday Times reported it.", W, None, None, None),
    ("en", "Markets are closed on Mondays.", W, None, None, None),
    ("en", "He visits every Monday.", W, None, None, None),
    ("en", "according to USA Today", W, None, None, None),
    ("en", "the last week of the campaign", W, None, None, None),
    ("en", "an office on the 7th floor", W, None, None, None),
    ("en", "a few days ago", W, None, None, None),
    ("en", "In May [1000 people] marched.", W, None, None, None),
    ("en", "yesterday", None, None, None, None),
    ("en", "last Tuesday", None, None, None, None),
    ("en", "May 7", None, None, None, None),
    # Nights named by their weekdays
    ("en", "overnight into Tuesday", W, "2024-05-06", "2024-05-07", "day"),
    ("en", "overnight Friday into Saturday", W, "2024-05-03", "2024-05-04", "day"),
    ("en", "on Saturday night into Sunday", W, "2024-05-04", "2024-05-05", "day"),
    ("en", "the night of Saturday to Sunday", W, "2024-05-04", "2024-05-05", "day"),
    ("en", "overnight Saturday", W, "2024-05-04", "2024-05-04", "day"),
    ("en", "from [Monday] to Friday", W, "2024-05-06", "2024-05-06", "day"),  # not one night
    # Parts of last week, and the week before a date of the text
    ("en", "late last week", W, "2024-05-02", "2024-05-05", "week"),
    ("en", "early last week", W, "2024-04-29", "2024-05-01", "week"),
    ("en", "On May 3, then [the previous week]", W, "2024-04-22", "2024-04-28", "week"),
    ("en", "the previous week", W, None, None, None),  # no previous date
]

ROWS = FRENCH + ENGLISH


def _id(index: int, row: Row) -> str:
    slug = re.sub(r"\W+", "-", row[1].lower()).strip("-")[:40]
    return f"{row[0]}-{index:03d}-{slug}"


def _published(iso: str | None) -> dt.date | None:
    if iso is None:
        return None
    return dt.date.fromisoformat(iso) if len(iso) == 10 else dt.datetime.fromisoformat(iso)


def _target(text: str) -> tuple[str, int, int]:
    """The text without brackets, and the bracketed span (the whole text when none)."""
    if "[" not in text:
        return text, 0, len(text)
    start = text.index("[")
    end = text.index("]") - 1
    return text.replace("[", "").replace("]", ""), start, end


@pytest.mark.parametrize(
    ("lang", "text", "published", "first", "last", "precision"),
    [pytest.param(*row, id=_id(i, row)) for i, row in enumerate(ROWS)],
)
def test_expression(
    lang: str,
    text: str,
    published: str | None,
    first: str | None,
    last: str | None,
    precision: str | None,
) -> None:
    clean, start, end = _target(text)
    found = list(find_dates(clean, lang, _published(published)))
    if first is None:
        touching = [r for r in found if r.start < end and r.end > start]
        assert touching == [], [clean[r.start : r.end] for r in touching]
        return
    spans = {(r.start, r.end): r for r in found}
    assert (start, end) in spans, [(clean[r.start : r.end], r) for r in found]
    resolved = spans[(start, end)]
    got = (resolved.first.isoformat(), resolved.last.isoformat(), resolved.precision)
    assert got == (first, last, precision)


def test_table_size_and_balance() -> None:
    assert len(ROWS) >= 200
    assert len(ROWS) == len({(r[0], r[1], r[2]) for r in ROWS}), "duplicate rows"
    assert abs(len(FRENCH) - len(ENGLISH)) < 0.2 * len(ROWS)
    assert sum(r[3] is None for r in ROWS) >= 15


@pytest.mark.parametrize(
    ("lang", "text", "anchor"),
    [
        ("fr", "le 7 janvier 2024", "absolute"),
        ("fr", "7 janv.", "published"),
        ("fr", "hier", "published"),
        ("fr", "Le 3 mai 2024, puis la veille", "previous_date"),
        ("en", "in 2019", "absolute"),
        ("en", "last Tuesday", "published"),
        ("en", "On May 3, 2024, then the next day", "previous_date"),
    ],
)
def test_anchor(lang: str, text: str, anchor: str) -> None:
    assert list(find_dates(text, lang, dt.date(2024, 5, 8)))[-1].anchor == anchor


def test_dateline_day_anchors_what_follows() -> None:
    # Filed on Tuesday 7 May, published on Wednesday 8: "yesterday" is the 6th.
    text = "PARIS, May 7 (Agency) - The talks failed yesterday."
    found = list(find_dates(text, "en", dt.date(2024, 5, 8), dateline=find_dateline(text)))
    assert [(text[r.start : r.end], r.first.isoformat(), r.anchor) for r in found] == [
        ("May 7", "2024-05-07", "published"),
        ("yesterday", "2024-05-06", "dateline"),
    ]
    without = list(find_dates(text, "en", dt.date(2024, 5, 8)))
    assert without[-1].first == dt.date(2024, 5, 7) and without[-1].anchor == "published"


def test_dateline_without_a_day_changes_nothing() -> None:
    text = "NAIROBI - Police fired tear gas on Tuesday."
    (found,) = find_dates(text, "en", dt.date(2024, 5, 8), dateline=find_dateline(text))
    assert (found.first, found.anchor) == (dt.date(2024, 5, 7), "published")


def test_clock_time_is_kept() -> None:
    text = "La frappe a eu lieu mardi vers 23 h heure locale (21 h GMT)."
    (found,) = find_dates(text, "fr", dt.date(2024, 5, 8))
    assert text[found.start : found.end] == "mardi vers 23 h heure locale (21 h GMT)"
    assert found.time == dt.time(23, 0)
    (found,) = find_dates("at 2114 GMT on Wednesday", "en", dt.date(2024, 5, 8))
    assert found.time == dt.time(21, 14, tzinfo=dt.UTC)
    (found,) = find_dates("6:45 a.m. EST on Tuesday", "en", dt.date(2024, 5, 8))
    assert found.time == dt.time(6, 45, tzinfo=dt.timezone(dt.timedelta(hours=-5)))


def test_results_are_ordered_and_disjoint() -> None:
    text = "Hier, puis mardi soir vers 23 h, et le 3 mai ; la veille, fin mars 2019 et cette nuit."
    found = list(find_dates(text, "fr", dt.date(2024, 5, 8)))
    assert [text[r.start : r.end] for r in found] == [
        "Hier",
        "mardi soir vers 23 h",
        "le 3 mai",
        "la veille",
        "fin mars 2019",
        "cette nuit",
    ]
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


def test_resolved_defaults() -> None:
    resolved = Resolved(0, 4, dt.date(2024, 5, 7), dt.date(2024, 5, 7), "day", "published")
    assert resolved.time is None
