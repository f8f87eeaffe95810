"""Tenancy: a school user acts for one of their schools at a time, and sees nothing of any other."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect, render

from schools.models import School

# Why a school cannot register, by its GIAS status (schools/gias/): the page's heading and explanation.
CANNOT_REGISTER = {
    School.Status.CLOSED: ("This school is closed", "is closed."),
    School.Status.PROPOSED_TO_OPEN: ("This school is not open yet", "has not opened yet."),
}
NOT_ELIGIBLE = (
    "This school cannot register early career teachers",
    "is not a type of school that registers early career teachers with this service.",
)


def cannot_register(request):
    """The page a user of a closed, not yet open or ineligible school sees instead of the service (403)."""
    school = request.school
    title, reason = CANNOT_REGISTER.get(school.status, NOT_ELIGIBLE)
    context = {
        "title": title,
        "reason": reason,
        "school_name": school.name,
        "urn": school.urn,
        "other_schools": request.user.schools.exclude(pk=school.pk).exists(),
    }
    return render(request, "schools/cannot_register.html", context, status=403)


def school_user_required(view):
    """The page needs a signed-in school user acting for a school that can register ECTs: `request.school`
    is then set. A user of several schools who has not chosen one yet chooses first; a user of a school
    that is closed or not eligible (GIAS says so: schools/gias/) sees why instead of the page."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not request.school:
            return redirect("schools:choose")
        if not request.school.can_register:
            return cannot_register(request)
        return view(request, *args, **kwargs)

    return wrapper
