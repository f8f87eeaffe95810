"""Countless pagination, as the reference's `pagy_countless`: `page[page]` and `page[per_page]`, no total."""

from dataclasses import dataclass

from api.errors import BAD_PAGE, BadRequest

DEFAULT_PER_PAGE = 100
MAX_PER_PAGE = 3000
# PostgreSQL's OFFSET is a bigint: a page beyond it is past the last row anyway, so it is an empty page.
MAX_OFFSET = 2**63 - 1 - MAX_PER_PAGE


@dataclass(frozen=True)
class Page:
    number: int
    per_page: int

    @property
    def offset(self) -> int:
        return (self.number - 1) * self.per_page

    def slice(self, queryset):
        """The page's rows of `queryset` (a QuerySet); an empty QuerySet past the last row PostgreSQL can count to."""
        if self.offset > MAX_OFFSET:
            return queryset.none()
        return queryset[self.offset : self.offset + self.per_page]


def positive(value: int | None, default: int) -> int:
    if value is None:
        return default
    if value < 1:
        raise BadRequest(BAD_PAGE)
    return value


def page_from(number: int | None, per_page: int | None) -> Page:
    """The page asked for. Raises BadRequest (400, the reference's message) for anything but positive whole
    numbers; more than MAX_PER_PAGE per page gives MAX_PER_PAGE (the reference caps, it does not refuse)."""
    return Page(number=positive(number, 1), per_page=min(positive(per_page, DEFAULT_PER_PAGE), MAX_PER_PAGE))
