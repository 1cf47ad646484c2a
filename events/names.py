"""How a person's name is compared: the key behind "the person named X".

Two spellings name the same person when their keys are equal: case, accents,
punctuation and the titles before a name do not count ("Erdogan" is "Erdoğan",
"Jean-Yves" is "jean yves", "O’Neill" is "O'Neill", "King Charles III" is
"Charles III"); a short or familiar name ("Lula", "Erdogan") is an alias.
Plain Python, no database; the Person model stores the keys of its name and
aliases (Person.save) and PersonQuerySet.named() looks them up.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

# Letters that Unicode does not decompose into a base letter and a mark.
_LETTERS = str.maketrans(
    {
        "ı": "i",
        "ø": "o",
        "ł": "l",
        "đ": "d",
        "ð": "d",
        "þ": "th",
        "æ": "ae",
        "œ": "oe",
        "ħ": "h",
        "ŋ": "n",
    }
)
_APOSTROPHES = re.compile(r"['’ʼ`´]")
_NOT_WORD = re.compile(r"[\W_]+")

# Separates the keys of the aliases in Person.alias_keys; never part of a key.
SEPARATOR = "|"


# Titles and forms of address written before a name ("King Charles III",
# "President Erdogan", "H.E. Mr ..."): they say what someone is, not who, so a
# key leaves them out. As keys (lower case, no accents, words apart by one
# space); the longer of two that share a start comes first.
HONORIFICS = (
    "his royal highness",
    "her royal highness",
    "his majesty",
    "her majesty",
    "his excellency",
    "her excellency",
    "his highness",
    "her highness",
    "deputy prime minister",
    "prime minister",
    "president elect",
    "vice president",
    "president",
    "premier",
    "chancellor",
    "crown prince",
    "crown princess",
    "grand duke",
    "grand duchess",
    "king",
    "queen",
    "prince",
    "princess",
    "emperor",
    "empress",
    "sultan",
    "emir",
    "amir",
    "sheikh",
    "sheikha",
    "shaikh",
    "secretary general",
    "secretary of state",
    "foreign minister",
    "defence minister",
    "defense minister",
    "minister",
    "field marshal",
    "general",
    "gen",
    "senator",
    "governor",
    "h e",
    "hrh",
    "hm",
    "mr",
    "mrs",
    "ms",
    "dr",
    "sir",
    "dame",
)
_HONORIFIC = re.compile("^(?:(?:" + "|".join(re.escape(h) for h in HONORIFICS) + ") )+")


def without_honorifics(key: str) -> str:
    """A name key without the titles before the name: 'king charles iii' ->
    'charles iii', 'h e mr recep tayyip erdogan' -> 'recep tayyip erdogan'. A
    title alone ('king', 'the president') is left as it is: it names nobody."""
    stripped = _HONORIFIC.sub("", key)
    return stripped or key


def name_key(name: str | None) -> str:
    """The comparison key of a name: 'Recep Tayyip Erdoğan' -> 'recep tayyip
    erdogan', 'King Charles III' -> 'charles iii' (titles before the name aside)."""
    text = unicodedata.normalize("NFKD", (name or "").casefold())
    text = "".join(c for c in text if not unicodedata.combining(c)).translate(_LETTERS)
    text = _APOSTROPHES.sub("", text)
    return without_honorifics(_NOT_WORD.sub(" ", text).strip())


def alias_keys(aliases: Iterable[str] | None) -> str:
    """The keys of a person's aliases as one text, '|xi|xi jinping|', so that
    one key is found with a plain `contains` on every database."""
    keys = sorted({key for alias in aliases or () if (key := name_key(str(alias)))})
    return f"{SEPARATOR}{SEPARATOR.join(keys)}{SEPARATOR}" if keys else ""


def alias_needle(key: str) -> str:
    """What alias_keys holds when one of the aliases has this key."""
    return f"{SEPARATOR}{key}{SEPARATOR}"


def _code(country) -> str | None:
    if country is None or country == "":
        return None
    return str(getattr(country, "pk", country)).upper()


def best_matches(people: Iterable, name: str | None, country=None) -> list:
    """The rule "the person named `name` (in `country`)", over person rows
    (with name_key, alias_keys, country_id, pk): those whose name has the key of
    `name`, else those with an alias that has it; when a country is given, only
    people of that country or of none (international organisations). The
    oldest first. Several rows mean the name is ambiguous; the caller decides
    (the pipeline takes the oldest, a form asks for the country)."""
    key = name_key(name)
    if not key:
        return []
    code = _code(country)
    people = [p for p in people if code is None or p.country_id in (None, code)]
    by_name = [p for p in people if p.name_key == key]
    found = by_name or [p for p in people if alias_needle(key) in (p.alias_keys or "")]
    return sorted(found, key=lambda p: p.pk)
