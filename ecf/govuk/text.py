"""What typed text may contain: the one rule for every free-text field of the service.

Refused: control characters (Unicode category Cc: NUL, escape, backspace...), format characters (Cf:
zero-width space U+200B, zero-width joiners, soft hyphen, the bidirectional embeddings, overrides and
isolates U+202A-U+202E and U+2066-U+2069, byte order mark), line and paragraph separators (Zl, Zp),
private-use (Co) and surrogate (Cs) code points, and the default-ignorable code points of other
categories, which show nothing either (INVISIBLE: Hangul fillers, letters in Unicode's eyes, once made a
whole name). They are invisible or reorder what is shown, so a name
made of them looks empty, or looks like another, in lists, emails and the audit trail (CVE-2021-42574,
"Trojan Source", is the same trick in source code). Line breaks and tabs are allowed only where the field
is a textarea.

Used by ecf/govuk/fields.py (every CharField and EmailField of a GovUKForm) and by the admin's forms
(ecf/admin/base.py).
"""

import unicodedata

from django.core.exceptions import ValidationError

HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Co", "Cs"})
LINE_BREAKS = frozenset("\r\n\t")
# Unicode's Default_Ignorable_Code_Point characters outside the categories above (DerivedCoreProperties.txt,
# https://www.unicode.org/Public/UCD/latest/ucd/DerivedCoreProperties.txt): combining grapheme joiner, Hangul
# fillers, Khmer inherent vowels, Mongolian free variation selectors, variation selectors.
INVISIBLE = frozenset(
    "\u034f\u115f\u1160\u17b4\u17b5\u180b\u180c\u180d\u180f\u3164\uffa0"
    + "".join(chr(code) for code in range(0xFE00, 0xFE10))
    + "".join(chr(code) for code in range(0xE0100, 0xE01F0))
)
# Django's ProhibitNullCharactersValidator code, so the message each field already has for NUL ("First name
# must not include hidden characters") is the one shown for every hidden character.
HIDDEN_CHARACTERS = "null_characters_not_allowed"


def hidden_characters(text: str, *, multiline: bool = False) -> list[str]:
    """The characters of `text` that are refused, in order, e.g. ["\\u200b"]; [] when it is all visible."""
    allowed = LINE_BREAKS if multiline else frozenset()
    return [
        character
        for character in text
        if (unicodedata.category(character) in HIDDEN_CATEGORIES or character in INVISIBLE) and character not in allowed
    ]


def has_a_letter(text: str) -> bool:
    """True when `text` has at least one letter of any script (Unicode category L*): "Ó", "李", "a"."""
    return any(unicodedata.category(character).startswith("L") for character in text)


def refuse_hidden_characters(text: str, message: str, *, multiline: bool = False) -> None:
    """Raises ValidationError(message, code=HIDDEN_CHARACTERS) when `text` has a hidden character."""
    if isinstance(text, str) and hidden_characters(text, multiline=multiline):
        raise ValidationError(message, code=HIDDEN_CHARACTERS)


class HiddenCharactersValidator:
    """A Django validator for forms built elsewhere (the admin): the same rule, Django's message style."""

    message = "Remove hidden characters (such as zero-width spaces or text direction controls)"

    def __init__(self, multiline: bool = False):
        self.multiline = multiline

    def __call__(self, value):
        refuse_hidden_characters(value, self.message, multiline=self.multiline)

    def __eq__(self, other):
        return isinstance(other, HiddenCharactersValidator) and other.multiline == self.multiline

    def __hash__(self):
        return hash((type(self), self.multiline))
