from django.shortcuts import render
from django.views.decorators.http import require_GET

from ecf.pagination import govuk_pagination_params, paginate
from mentors import queries
from schools.access import school_user_required


@school_user_required
@require_GET
def mentor_list(request):
    search = request.GET.get("q", "")[:200]
    page = paginate(request, queries.mentors_for_school_list(request.school, search=search))
    return render(
        request,
        "mentors/list.html",
        {
            "title": "Mentors",
            "nav_current": "mentors",
            "school": request.school,
            "search": search,
            "mentors": [queries.summarise(period) for period in page],
            "pagination": govuk_pagination_params(request, page),
            "total": page.paginator.count,
        },
    )
