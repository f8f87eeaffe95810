"""Searching a list of teachers by name or TRN: one reading of what the user typed, for the ORM and for SQL."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q

from ecf.models.teachers import NameSQL, name_sql

TRN_LENGTH = 7
# What a name search looks in: TRS's first and last name and the name the school gave.
SEARCHABLE_NAME_SQL = "{first_name} || ' ' || {last_name} || ' ' || {corrected_name}"


@dataclass(frozen=True)
class TeacherSearch:
    """A list page's search term: a TRN when, without spaces and other non-digits, it is 7 digits and has no
    letters ("123 4567"); else a part of a name ("" when nothing was typed)."""

    trn: str = ""
    name: str = ""

    @classmethod
    def parse(cls, term: str) -> TeacherSearch:
        digits = "".join(character for character in term if character.isdigit())
        if len(digits) == TRN_LENGTH and not any(character.isalpha() for character in term):
            return cls(trn=digits)
        return cls(name=term.strip())

    def __bool__(self) -> bool:
        return bool(self.trn or self.name)

    def q(self, prefix: str = "teacher__") -> Q:
        """The filter for an ORM query whose teacher is reached through `prefix` (alias the query with
        `searchable_name=searchable_name(prefix)` first)."""
        if self.trn:
            return Q(**{f"{prefix}trn": self.trn})
        return Q(searchable_name__icontains=self.name)

    def sql(self, table: str = "teacher") -> tuple[str, dict]:
        """(" AND ..." condition, parameters) for raw SQL over the teacher row `table`; terms only ever travel
        as parameters."""
        if self.trn:
            return f" AND {table}.trn = %(trn)s", {"trn": self.trn}
        if self.name:
            searchable = name_sql(SEARCHABLE_NAME_SQL, table)
            escaped = self.name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            return f" AND ({searchable}) ILIKE %(name)s ESCAPE '\\'", {"name": f"%{escaped}%"}
        return "", {}


def searchable_name(prefix: str = "teacher__") -> NameSQL:
    """What a name search looks in, in the ORM, for the teacher reached through `prefix`."""
    return NameSQL(SEARCHABLE_NAME_SQL, prefix)
