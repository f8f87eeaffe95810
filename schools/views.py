from django.conf import settings
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_safe

from ecf.auth import dfe_sign_in
from ecf.auth.audit import record_sign_in_refused
from ecf.auth.limits import sign_in_attempt
from ecf.auth.views import sign_in_failed_page
from schools import sign_in
from schools.access import school_user_required
from schools.forms import ChooseSchoolForm
from schools.middleware import CURRENT_SCHOOL_SESSION_KEY, SEVERAL_SCHOOLS_SESSION_KEY


@school_user_required
def home(request):
    return redirect("ects:list")


@login_required
@require_http_methods(["GET", "HEAD"])
def enter(request):
    """Where sign-in lands (settings.LOGIN_REDIRECT_URL): a user of one school acts for it at once, a user of
    several chooses which first."""
    schools = list(request.user.schools.all()[:2])
    request.session[SEVERAL_SCHOOLS_SESSION_KEY] = len(schools) > 1
    if len(schools) == 1:
        request.session[CURRENT_SCHOOL_SESSION_KEY] = schools[0].pk
        return redirect("schools:home")
    return redirect("schools:choose")


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def choose_school(request):
    """Which school the user acts for: after signing in, and from "Change school" in the service navigation."""
    form = ChooseSchoolForm(request.POST if request.method == "POST" else None, user=request.user)
    if request.method == "POST" and form.is_valid():
        request.session[CURRENT_SCHOOL_SESSION_KEY] = form.cleaned_data["school"].pk
        return redirect("schools:home")
    return render(request, "question.html", {"title": "Which school are you signing in for?", "form": form})


REFUSAL_TITLES = {
    "unknown_organisation": "You cannot use this service with this organisation",
    "school_not_eligible": "This school cannot use this service",
    "no_role": "You do not have access to this service",
    "account_disabled": "Your account for this service has been turned off",
}


@require_safe
@sign_in_attempt
def dfe_sign_in_callback(request):
    """Where DfE Sign-in sends the user back: signs them in for the schools they may act for, or shows why
    not (never an error page) with nobody signed in, not even whoever was before. One school: they act for
    it; several: they choose (schools:enter)."""
    if not settings.DFE_SIGN_IN_ENABLED:
        raise Http404("DfE Sign-in is turned off.")
    try:
        identity = dfe_sign_in.identity_from_callback(request)
        user = sign_in.sign_in_school_user(identity, sign_in.schools_for(identity))
    except dfe_sign_in.SignInFailed as failure:
        record_sign_in_refused(
            failure.reason, "Signing in with DfE Sign-in did not finish", metadata={"detail": failure.detail}
        )
        logout(request)  # whoever was signed in before in this browser is not any more: the page says so
        return sign_in_failed_page(request, failure.reason)
    except sign_in.SignInRefused as refused:
        refusal = refused.refusal
        record_sign_in_refused(
            refusal.reason,
            f"{identity.first_name} {identity.last_name} could not sign in: {REFUSAL_TITLES[refusal.reason].lower()}",
            name=f"{identity.first_name} {identity.last_name}".strip(),
            email=identity.email,
            school=refusal.school,
            metadata={"sub": identity.sub, "organisation_id": refusal.organisation.id, "urn": refusal.organisation.urn},
        )
        context = {"title": REFUSAL_TITLES[refusal.reason], "refusal": refusal, "reason": refusal.reason}
        # Someone else may have signed in before in this browser (a shared computer): a refused sign-in
        # must not leave them signed in under the page that refuses this one.
        logout(request)
        return render(request, "auth/sign_in_refused.html", context, status=403)
    # login() rotates the session key; the ID token stays for signing out of DfE Sign-in too.
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    request.session[dfe_sign_in.ID_TOKEN_SESSION_KEY] = identity.id_token
    return redirect(settings.LOGIN_REDIRECT_URL)
