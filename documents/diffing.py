"""What changed between two versions of a text, for a curator to read.

Plain functions with no Django imports. Paragraphs are compared first; within a changed
stretch, words: removed words in ``<del>``, added ones in ``<ins>``. Unchanged paragraphs
are shown only next to a change. Every piece of the texts is HTML-escaped here.
"""

import difflib
import html
import re

_WORDS = re.compile(r"\s+|[^\s]+")


def _escape(text: str) -> str:
    return html.escape(text, quote=True)


def _word_diff(old: str, new: str) -> str:
    old_words, new_words = _WORDS.findall(old), _WORDS.findall(new)
    matcher = difflib.SequenceMatcher(None, old_words, new_words, autojunk=False)
    pieces = []
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag == "equal":
            pieces.append(_escape("".join(old_words[a1:a2])))
            continue
        if a2 > a1:
            pieces.append(f"<del>{_escape(''.join(old_words[a1:a2]))}</del>")
        if b2 > b1:
            pieces.append(f"<ins>{_escape(''.join(new_words[b1:b2]))}</ins>")
    return "".join(pieces)


def _paragraph(content: str, css_class: str = "") -> str:
    attribute = f' class="{css_class}"' if css_class else ""
    return f"<p{attribute}>{content}</p>"


def html_diff(old_text: str, new_text: str, context: int = 1) -> str:
    """An HTML fragment showing how ``old_text`` became ``new_text``, paragraph by
    paragraph, with ``context`` unchanged paragraphs around each change; empty when the
    texts are the same."""
    old, new = old_text.split("\n"), new_text.split("\n")
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    blocks = []
    for group in matcher.get_grouped_opcodes(context):
        parts = []
        for tag, a1, a2, b1, b2 in group:
            if tag == "equal":
                parts += [_paragraph(_escape(line), "unchanged") for line in old[a1:a2]]
            elif tag == "delete":
                parts += [_paragraph(f"<del>{_escape(line)}</del>") for line in old[a1:a2]]
            elif tag == "insert":
                parts += [_paragraph(f"<ins>{_escape(line)}</ins>") for line in new[b1:b2]]
            else:  # replace: the words that changed, over the whole stretch
                parts.append(_paragraph(_word_diff("\n".join(old[a1:a2]), "\n".join(new[b1:b2]))))
        first = group[0]
        header = f"<h4>§ {first[1] + 1} → § {first[3] + 1}</h4>"
        blocks.append(header + "".join(parts))
    return "<hr>".join(blocks)
