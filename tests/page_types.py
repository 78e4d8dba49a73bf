"""The public page types, one seeded example of each in both languages: the browser tests
(axe, layout at a phone's and a desktop's width) and the page tests go through all of them."""

PAGE_TYPES = {
    "home": {"fr": "/fr/", "en": "/en/"},
    "relationship list": {"fr": "/fr/relations/", "en": "/en/relationships/"},
    "relationship": {"fr": "/fr/relations/nato-serbia/", "en": "/en/relationships/nato-serbia/"},
    "partner list": {"fr": "/fr/partenaires/", "en": "/en/partners/"},
    "partner": {"fr": "/fr/partenaires/serbia/", "en": "/en/partners/serbia/"},
    "programme list": {"fr": "/fr/programmes/", "en": "/en/programmes/"},
    "programme": {
        "fr": "/fr/programmes/pfp/",
        "en": "/en/programmes/pfp/",
    },
    "document list": {"fr": "/fr/documents/", "en": "/en/documents/"},
    "document": {
        "fr": "/fr/documents/nato-relations-serbia/",
        "en": "/en/documents/nato-relations-serbia/",
    },
    "network": {"fr": "/fr/reseau/", "en": "/en/network/"},
    "search": {"fr": "/fr/recherche/?q=Serbie", "en": "/en/search/?q=Serbia"},
    "document version": {
        "fr": "/fr/documents/nato-relations-serbia/versions/1/",
        "en": "/en/documents/nato-relations-serbia/versions/1/",
    },
    "open data": {"fr": "/fr/donnees/", "en": "/en/data/"},
    "not found": {"fr": "/fr/relations/no-such-relationship/", "en": "/en/no-such-page/"},
}
