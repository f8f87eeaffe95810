from django.shortcuts import render
from django.views.decorators.http import require_GET

from ecf.pagination import govuk_pagination_params, paginate
from ects import queries
from schools.access import school_user_required


@school_user_required
@require_GET
def ect_list(request):
    search = request.GET.get("q", "")[:200]
    page = paginate(request, queries.ects_for_school_list(request.school, search=search))
    return render(
        request,
        "ects/list.html",
        {
            "title": "Early career teachers (ECT)",
            "nav_current": "ects",
            "school": request.school,
            "search": search,
            "ects": [queries.summarise(period) for period in page],
            "pagination": govuk_pagination_params(request, page),
            "total": page.paginator.count,
        },
    )


@school_user_required
@require_GET
def ect_record(request, pk: int):
    ect = queries.summarise(queries.ect_for_record(request.school, pk))
    # The heading names the ECT, so the title stays generic (names must not reach analytics).
    return render(request, "ects/record.html", {"title": "ECT details", "nav_current": "ects", "ect": ect})
