"""Tenancy: a school user acts for one of their schools at a time, and sees nothing of any other."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect


def school_user_required(view):
    """The page needs a signed-in school user acting for a school: `request.school` is then set. A user of
    several schools who has not chosen one yet chooses first."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not request.school:
            return redirect("schools:choose")
        return view(request, *args, **kwargs)

    return wrapper
