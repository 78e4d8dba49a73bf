"""Suggested facts: candidate claims read from a document text by rules.

Plain functions with no Django imports, like ``documents.anchoring``. The extractor is
fed with what is already known — partners (names, short names, acronyms, aliases) and
programmes (names, acronyms), in every language — and reads a normalised text sentence by
sentence. It proposes:

- **participation** — a known partner and a known programme named in the same sentence,
  with the start (or end) the sentence gives: "depuis 2012", "achevé en 2011";
- **event** — a date expression (``periods.expressions``) in a sentence that names
  a known partner or programme; one per date;
- **new programme** / **new partner** — an acronym in parentheses that nothing known
  bears, with the words before it as its name.

How things are recognised:

- A partner or a programme is named by one of its names or acronyms, word for word (names
  whatever their case and accents, acronyms exactly). Where names overlap the longest
  wins ("Bureau de presse de l'Union" is one partner, not also the Union), except that
  the partner running a programme stays named in the programme's name ("Programme de
  l'Union pour la recherche"), though never as taking part in that programme.
- A programme is also named by most of the words of its name — curated names are often
  descriptions: the share of the name's words found in the sentence, each word weighted
  by how rare it is among programme names, must reach ``NAME_COVERAGE``, and the name's
  numbers and one-word partner names ("2250", "Moldavie") must all be there. A programme
  whose words found are all words of another programme found gives way to it.
  A short name (``SHORT_NAME`` words) needs its first word, and its words together:
  "Force de réaction rapide" is not "… une force … sa réaction … rapide".
- A definite article and the first word of a programme named earlier in the text, the
  only one so far with that first word, refer to it: "… aux travaux du centre".
- A sentence that opens on "ce", "cette", "ces", "this", "il", "elle"… and names no
  partner (or no programme) takes those of the sentence before it; one that opens on a
  subject pronoun ("Elle a signé…") takes the partners before as its subject.
- A sentence that names a programme and no partner is about the partners the document's
  title names ("Relations avec la Moldavie"), the publisher aside.
- Every partner is paired with every programme of its sentence, except: the publisher
  with a programme it runs itself; a partner named only inside the programme's name; and,
  in a sentence naming ``CROWDED`` partners or more, pairs not named close together
  (each programme with the nearest list of partners, each partner with the nearest
  programme).

Nothing here knows any particular text: every rule works from the lexicon it is given.

Where each part lives: ``lexicon`` (what is known, indexed), ``sentences`` (a text cut into
sentences), ``words`` (words as compared), ``naming`` (what a sentence names),
``references`` (sentences that refer back), ``pairing`` (participations), ``acronyms``
(new names), ``scoring`` (confidence, guesses, the surest of each), ``candidates`` (what is
proposed) and ``extractor`` (a text read sentence by sentence).
"""
