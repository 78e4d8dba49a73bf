"""Made-up place names: every synthetic partner is fictional, so none passes for a real
one. Plain Python, no Django."""

import random

PLACE_SYLLABLES = [
    "val", "dor", "mar", "ost", "ran", "bel", "kar", "lin", "tav", "sor", "mon", "gal",
    "ber", "vel", "nor", "tes", "ard", "lun", "cas", "tor", "pel", "vin", "dra", "sil",
    "zem", "kos", "rav", "mir", "bor", "len", "tar", "ves", "gor", "dal", "mek", "nov",
    "pra", "sel", "tam", "vod", "lesk", "trav", "brun", "hal", "ister",
]  # fmt: skip
# Real countries and regions ending in -ia / -ie, never produced as fictional ones.
REAL_PLACES = {
    "Albania", "Algeria", "Armenia", "Australia", "Austria", "Bolivia", "Bosnia", "Bulgaria",
    "Cambodia", "Colombia", "Croatia", "Estonia", "Ethiopia", "Gambia", "Georgia", "India",
    "Indonesia", "Latvia", "Liberia", "Lithuania", "Macedonia", "Malaysia", "Mauritania",
    "Moldavia", "Mongolia", "Namibia", "Nigeria", "Romania", "Russia", "Serbia", "Slovakia",
    "Slovenia", "Somalia", "Syria", "Tanzania", "Tunisia", "Zambia", "Dalmatia", "Bavaria",
    "Moravia", "Galicia", "Valonia", "Karelia", "Istria", "Tavria", "Bessarabia",
}  # fmt: skip


class Places:
    """Pronounceable made-up stems (``Valdor``, ``Ostrav``…), each given once, from which
    country, city and region names are made."""

    def __init__(self):
        self.used: set[str] = set()

    def stem(self, rng: random.Random) -> str:
        attempts = 0
        while True:
            # Longer stems once the short ones run out, so that any number can be given.
            length = rng.choice((2, 2, 2, 3)) + attempts // 20
            attempts += 1
            syllables = [rng.choice(PLACE_SYLLABLES) for _ in range(length)]
            stem = "".join(syllables).capitalize()
            repeated = any(a == b for a, b in zip(syllables, syllables[1:], strict=False))
            if not (repeated or stem in self.used or f"{stem}ia" in REAL_PLACES):
                self.used.add(stem)
                return stem
