"""Tenancy: a school user acts for one of their schools at a time, and sees nothing of any other."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect

from schools.middleware import CURRENT_SCHOOL_SESSION_KEY


def enter_school_after_sign_in(request):
    schools = list(request.user.schools.all()[:2])
    if len(schools) == 1:
        request.session[CURRENT_SCHOOL_SESSION_KEY] = schools[0].pk
        return redirect("schools:home")
    return redirect("schools:choose")


def school_user_required(view):
    """The page needs a signed-in school user acting for a school: `request.school` is then set."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not request.school:
            return redirect("schools:choose")
        return view(request, *args, **kwargs)

    return wrapper
