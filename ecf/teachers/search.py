"""Searching a list of teachers by name or TRN: one reading of what the user typed, for the ORM and for SQL."""

from __future__ import annotations

from dataclasses import dataclass
from functools import reduce
from operator import and_

from django.db.models import Q

from ecf.models.teachers import NameSQL, name_sql

TRN_LENGTH = 7
# A name is searched word by word, each word anywhere in the name ("Adams Poppy" finds Poppy Adams); words after
# these many are not searched (the term is at most 200 characters).
MAX_WORDS = 10
# Apostrophes people type, or names arrive with, read as the plain one: "O’Brien" finds "O'Brien" and back.
APOSTROPHES = "’‘ʼ`´′"
PLAIN_APOSTROPHE = "'"
# What a name search looks in: TRS's first and last name and the name the school gave, with the apostrophes
# above made plain (translate: a constant, no parameters; '' is one apostrophe in SQL).
SEARCHABLE_NAME_SQL = (
    "translate({first_name} || ' ' || {last_name} || ' ' || {corrected_name}, "
    + f"'{APOSTROPHES}', '{PLAIN_APOSTROPHE * 2 * len(APOSTROPHES)}')"
)


@dataclass(frozen=True)
class TeacherSearch:
    """A list page's search term: a TRN when, without spaces and other non-digits, it is 7 digits and has no
    letters ("123 4567"); else the words of a name, apostrophes made plain (none when nothing was typed)."""

    trn: str = ""
    words: tuple[str, ...] = ()

    @classmethod
    def parse(cls, term: str) -> TeacherSearch:
        digits = "".join(character for character in term if character.isdigit())
        if len(digits) == TRN_LENGTH and not any(character.isalpha() for character in term):
            return cls(trn=digits)
        plain = term.translate(str.maketrans(APOSTROPHES, PLAIN_APOSTROPHE * len(APOSTROPHES)))
        return cls(words=tuple(plain.split()[:MAX_WORDS]))

    def __bool__(self) -> bool:
        return bool(self.trn or self.words)

    def q(self, prefix: str = "teacher__") -> Q:
        """The filter for an ORM query whose teacher is reached through `prefix` (alias the query with
        `searchable_name=searchable_name(prefix)` first)."""
        if self.trn:
            return Q(**{f"{prefix}trn": self.trn})
        return reduce(and_, (Q(searchable_name__icontains=word) for word in self.words), Q())

    def sql(self, table: str = "teacher") -> tuple[str, dict]:
        """(" AND ..." condition, parameters) for raw SQL over the teacher row `table`; terms only ever travel
        as parameters."""
        if self.trn:
            return f" AND {table}.trn = %(trn)s", {"trn": self.trn}
        searchable = name_sql(SEARCHABLE_NAME_SQL, table)
        condition, params = "", {}
        for number, word in enumerate(self.words):
            escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            condition += f" AND ({searchable}) ILIKE %(name_{number})s ESCAPE '\\'"
            params[f"name_{number}"] = f"%{escaped}%"
        return condition, params


def searchable_name(prefix: str = "teacher__") -> NameSQL:
    """What a name search looks in, in the ORM, for the teacher reached through `prefix`."""
    return NameSQL(SEARCHABLE_NAME_SQL, prefix)
