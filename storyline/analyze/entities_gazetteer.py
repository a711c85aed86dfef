"""Data for the entity linker: countries and their other names, demonyms, well-known places.

Plain tables, no logic. Each canonical entry is ``key: (display name, type, aliases)``;
aliases are matched after the linker's cleaning (lower case, accents and dots
removed, leading "the" and a possessive dropped), so "the U.S.'s" finds "us".
"""

from __future__ import annotations

# Countries and unions: key -> (display name, type, aliases including demonyms).
COUNTRIES: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "north korea": ("North Korea", "GPE", (
        "dprk", "democratic people's republic of korea", "democratic peoples republic of korea",
        "north korean", "north koreans")),
    "south korea": ("South Korea", "GPE", ("republic of korea", "rok", "south korean", "south koreans")),
    "united states": ("United States", "GPE", (
        "us", "usa", "united states of america", "america", "american", "americans")),
    "united kingdom": ("United Kingdom", "GPE", (
        "uk", "britain", "great britain", "british", "britons")),
    "russia": ("Russia", "GPE", ("russian federation", "russian", "russians")),
    "ukraine": ("Ukraine", "GPE", ("ukrainian", "ukrainians")),
    "european union": ("European Union", "ORG", ("eu",)),
    "china": ("China", "GPE", ("people's republic of china", "prc", "chinese")),
    "taiwan": ("Taiwan", "GPE", ("republic of china", "taiwanese")),
    "japan": ("Japan", "GPE", ("japanese",)),
    "india": ("India", "GPE", ("indian", "indians")),
    "pakistan": ("Pakistan", "GPE", ("pakistani", "pakistanis")),
    "iran": ("Iran", "GPE", ("islamic republic of iran", "iranian", "iranians")),
    "iraq": ("Iraq", "GPE", ("iraqi", "iraqis")),
    "syria": ("Syria", "GPE", ("syrian", "syrians")),
    "israel": ("Israel", "GPE", ("israeli", "israelis")),
    "turkey": ("Turkey", "GPE", ("turkiye", "turkish", "turks")),
    "germany": ("Germany", "GPE", ("federal republic of germany", "german", "germans")),
    "france": ("France", "GPE", ("french",)),
    "italy": ("Italy", "GPE", ("italian", "italians")),
    "spain": ("Spain", "GPE", ("spanish",)),
    "poland": ("Poland", "GPE", ("polish", "poles")),
    "belarus": ("Belarus", "GPE", ("belarusian", "belarusians", "byelorussia")),
    "moldova": ("Moldova", "GPE", ("moldovan",)),
    "georgia": ("Georgia", "GPE", ("georgian", "georgians")),
    "netherlands": ("Netherlands", "GPE", ("holland", "dutch")),
    "belgium": ("Belgium", "GPE", ("belgian",)),
    "sweden": ("Sweden", "GPE", ("swedish", "swedes")),
    "norway": ("Norway", "GPE", ("norwegian", "norwegians")),
    "finland": ("Finland", "GPE", ("finnish", "finns")),
    "denmark": ("Denmark", "GPE", ("danish", "danes")),
    "hungary": ("Hungary", "GPE", ("hungarian", "hungarians")),
    "romania": ("Romania", "GPE", ("romanian", "romanians")),
    "czech republic": ("Czech Republic", "GPE", ("czechia", "czech")),
    "canada": ("Canada", "GPE", ("canadian", "canadians")),
    "mexico": ("Mexico", "GPE", ("mexican", "mexicans")),
    "brazil": ("Brazil", "GPE", ("brazilian", "brazilians")),
    "australia": ("Australia", "GPE", ("australian", "australians")),
    "egypt": ("Egypt", "GPE", ("egyptian", "egyptians")),
    "saudi arabia": ("Saudi Arabia", "GPE", ("saudi", "saudis", "kingdom of saudi arabia")),
    "afghanistan": ("Afghanistan", "GPE", ("afghan", "afghans")),
    "vietnam": ("Vietnam", "GPE", ("viet nam", "vietnamese")),
    "united nations": ("United Nations", "ORG", ("un",)),
    "nato": ("NATO", "ORG", ("north atlantic treaty organization", "north atlantic treaty organisation")),
}

# Organisations whose acronym is as common as their name, across articles.
ORGANISATIONS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "korean people's army": ("Korean People's Army", "ORG", ("kpa", "korean peoples army")),
    "international atomic energy agency": ("International Atomic Energy Agency", "ORG", ("iaea",)),
    "world health organization": ("World Health Organization", "ORG", (
        "who", "world health organisation")),
    "international monetary fund": ("International Monetary Fund", "ORG", ("imf",)),
    "european commission": ("European Commission", "ORG", ()),
    "federal security service": ("Federal Security Service", "ORG", ("fsb",)),
    "security service of ukraine": ("Security Service of Ukraine", "ORG", ("sbu",)),
}

# Aliases above that are adjectives or peoples ("North Korean", "Britons"): their mentions
# key to the country but keep the NORP label, and never become its display name.
DEMONYMS = frozenset({
    "north korean", "north koreans", "south korean", "south koreans", "american", "americans",
    "british", "britons", "russian", "russians", "ukrainian", "ukrainians", "chinese",
    "taiwanese", "japanese", "indian", "indians", "pakistani", "pakistanis", "iranian",
    "iranians", "iraqi", "iraqis", "syrian", "syrians", "israeli", "israelis", "turkish",
    "turks", "german", "germans", "french", "italian", "italians", "spanish", "polish", "poles",
    "belarusian", "belarusians", "moldovan", "georgian", "georgians", "dutch", "belgian",
    "swedish", "swedes", "norwegian", "norwegians", "finnish", "finns", "danish", "danes",
    "hungarian", "hungarians", "romanian", "romanians", "czech", "canadian", "canadians",
    "mexican", "mexicans", "brazilian", "brazilians", "australian", "australians", "egyptian",
    "egyptians", "saudi", "saudis", "afghan", "afghans", "vietnamese",
})

# Acronyms written in capitals only: "who" and "us" in lower case are words, not names.
CAPITALS_ONLY = frozenset({"us", "who", "un", "eu", "uk", "rok", "prc"})

# Capitals standing for their government when they act ("Pyongyang denied it").
# Deliberately short: "Moscow" or "Washington" as a government is left a city,
# since the same words name the city in most reports.
CAPITAL_AS_GOVERNMENT: dict[str, str] = {"pyongyang": "north korea"}

# Places the small model often mislabels (PERSON, PRODUCT, ORG): name -> type.
PLACES: dict[str, str] = {
    "kyiv": "GPE", "kiev": "GPE", "kharkiv": "GPE", "kharkov": "GPE", "odesa": "GPE",
    "odessa": "GPE", "lviv": "GPE", "dnipro": "GPE", "zaporizhzhia": "GPE", "kherson": "GPE",
    "mariupol": "GPE", "bakhmut": "GPE", "avdiivka": "GPE", "pokrovsk": "GPE", "sumy": "GPE",
    "donetsk": "GPE", "luhansk": "GPE", "donbas": "LOC", "donbass": "LOC", "crimea": "LOC",
    "kursk": "GPE", "belgorod": "GPE", "bryansk": "GPE", "moscow": "GPE", "vladivostok": "GPE",
    "st petersburg": "GPE", "saint petersburg": "GPE", "khabarovsk": "GPE", "pyongyang": "GPE",
    "seoul": "GPE", "beijing": "GPE", "tokyo": "GPE", "washington": "GPE", "london": "GPE",
    "paris": "GPE", "berlin": "GPE", "brussels": "GPE", "minsk": "GPE", "warsaw": "GPE",
    "gaza": "GPE", "west bank": "LOC", "tehran": "GPE", "kremlin": "FAC", "pentagon": "ORG",
}

# Words before a person's name that are not part of it.
TITLES = frozenset(
    "president vice prime minister foreign defence defense secretary chancellor premier "
    "mr mr. mrs mrs. ms ms. dr dr. sir dame lord lady general gen gen. lt lt. col col. "
    "colonel major maj maj. captain capt capt. admiral adm adm. sergeant sgt sgt. commander "
    "senator sen sen. rep rep. representative governor gov gov. mayor king queen prince "
    "princess pope judge justice chief head leader spokesman spokeswoman spokesperson "
    "ambassador envoy deputy acting former late ex- then-president".split()
)
