from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from schools.access import school_user_required
from schools.forms import ChooseSchoolForm
from schools.middleware import CURRENT_SCHOOL_SESSION_KEY


@school_user_required
def home(request):
    return redirect("ects:list")


@login_required
@require_http_methods(["GET", "HEAD"])
def enter(request):
    """Where sign-in lands (settings.LOGIN_REDIRECT_URL): a user of one school acts for it at once, a user of
    several chooses which first."""
    schools = list(request.user.schools.all()[:2])
    if len(schools) == 1:
        request.session[CURRENT_SCHOOL_SESSION_KEY] = schools[0].pk
        return redirect("schools:home")
    return redirect("schools:choose")


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def choose_school(request):
    form = ChooseSchoolForm(request.POST if request.method == "POST" else None, user=request.user)
    if request.method == "POST" and form.is_valid():
        request.session[CURRENT_SCHOOL_SESSION_KEY] = form.cleaned_data["school"].pk
        return redirect("schools:home")
    return render(request, "question.html", {"title": "Which school are you signing in for?", "form": form})
