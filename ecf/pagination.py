"""List pages: the search term, and Django's Paginator shown with the GOV.UK pagination component."""

from django.core.paginator import Page, Paginator
from django.http import QueryDict
from django.shortcuts import render

PAGE_SIZE = 20
SEARCH_MAX_LENGTH = 200


def search_term(request) -> str:
    """The list page's ?q=, as text PostgreSQL can compare: no control characters (NUL would be refused)."""
    term = request.GET.get("q", "")[:SEARCH_MAX_LENGTH]
    return "".join(character for character in term if character.isprintable()).strip()


def paginate(request, queryset, *, per_page: int = PAGE_SIZE) -> Page:
    # get_page() turns a missing, malformed or out-of-range ?page= into a real page, never an error.
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


def paginate_count(request, count: int, *, per_page: int = PAGE_SIZE) -> Page:
    """The page asked for, when the caller counts the rows and reads the page's rows itself."""
    return paginate(request, range(count), per_page=per_page)


def govuk_pagination_params(request, page: Page) -> dict | None:
    """Parameters for govukPagination: previous/next links and numbered items with ellipses."""
    if page.paginator.num_pages <= 1:
        return None

    def href(number: int) -> str:
        query: QueryDict = request.GET.copy()
        query["page"] = str(number)
        return f"?{query.urlencode()}"

    items = []
    for number in page.paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1):
        if number == page.paginator.ELLIPSIS:
            items.append({"ellipsis": True})
        else:
            items.append({"number": number, "href": href(number), "current": number == page.number})
    params = {"items": items}
    if page.has_previous():
        params["previous"] = {"href": href(page.previous_page_number())}
    if page.has_next():
        params["next"] = {"href": href(page.next_page_number())}
    return params


def list_page(request, template: str, page: Page, *, search: str, title: str, nav_current: str, **rows):
    """A school's list page (ECTs, mentors) with search and pagination. `rows` names the page's rows for the
    template (e.g. ects=[...]); `nav_current` is the service navigation item of the list."""
    context = {
        "title": title,
        "nav_current": nav_current,
        "school": request.school,
        "search": search,
        "pagination": govuk_pagination_params(request, page),
        "total": page.paginator.count,
        # "Showing 1 to 20 of 500 ECTs": from the count the paginator has made already (no query more).
        "showing": {"first": page.start_index(), "last": page.end_index(), "of": page.paginator.count}
        if page.paginator.count
        else None,
        **rows,
    }
    return render(request, template, context)
