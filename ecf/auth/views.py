"""Sign-in and sign-out. DfE Sign-in signs school users in (schools/sign_in.py decides which school they act
for); personas stand in for it locally and cannot exist in production."""

from django.conf import settings
from django.contrib.auth import get_user_model, login, logout
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from ecf.auth import dfe_sign_in
from ecf.auth.audit import record_sign_in_refused, record_signed_in, record_signed_out
from ecf.auth.limits import sign_in_attempt


@require_http_methods(["GET", "HEAD"])
def sign_in(request):
    if not (settings.PERSONAS_ENABLED or settings.DFE_SIGN_IN_ENABLED):
        raise Http404("No way of signing in is turned on.")
    personas = (
        get_user_model()
        .objects.filter(is_active=True, schools__isnull=False, dfe_sign_in_account__isnull=True)
        .prefetch_related("schools")
        .distinct()
        .order_by("first_name", "last_name")
        if settings.PERSONAS_ENABLED
        else []
    )
    return render(
        request,
        "auth/sign_in.html",
        {
            "title": "Sign in",
            "personas": personas,
            "personas_enabled": settings.PERSONAS_ENABLED,
            "dfe_sign_in_enabled": settings.DFE_SIGN_IN_ENABLED,
        },
    )


@require_POST
@sign_in_attempt
def sign_in_with_dfe_sign_in(request):
    """Sends the user to DfE Sign-in; they come back to schools:dfe-sign-in-callback."""
    if not settings.DFE_SIGN_IN_ENABLED:
        raise Http404("DfE Sign-in is turned off.")
    callback_url = request.build_absolute_uri(reverse("dfe-sign-in-callback"))
    try:
        return dfe_sign_in.redirect_to_provider(request, callback_url)
    except dfe_sign_in.SignInFailed as failure:
        record_sign_in_refused(
            failure.reason, "Signing in with DfE Sign-in failed", metadata={"detail": failure.detail}
        )
        return sign_in_failed_page(request, failure.reason)


def sign_in_failed_page(request, reason: str):
    """The page for a sign-in that was cancelled or did not finish; nobody is signed in."""
    cancelled = reason == "cancelled"
    title = "You have not signed in" if cancelled else "Sorry, signing in did not work"
    return render(request, "auth/sign_in_failed.html", {"title": title, "cancelled": cancelled}, status=403)


@require_POST
@sign_in_attempt
def sign_in_as_persona(request, user_id: int):
    if not settings.PERSONAS_ENABLED:
        raise Http404("Persona sign-in is turned off.")
    user = get_object_or_404(
        get_user_model().objects.filter(is_active=True, schools__isnull=False).distinct(), pk=user_id
    )
    # login() rotates the session key, so a session id planted before sign-in is worthless after it.
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    record_signed_in(user, method="persona")
    # Entering the school is the school pages' business (schools:enter): one school, or a choice of several.
    return redirect(settings.LOGIN_REDIRECT_URL)


@require_POST
def sign_out(request):
    """Signs the user out here and, when DfE Sign-in signed them in, there too (end_session with
    id_token_hint); DfE Sign-in then sends them back to the signed-out page."""
    id_token = request.session.get(dfe_sign_in.ID_TOKEN_SESSION_KEY)
    provider_sign_out = None
    if request.user.is_authenticated:
        record_signed_out(request.user)
    if id_token and settings.DFE_SIGN_IN_ENABLED:
        provider_sign_out = dfe_sign_in.sign_out_redirect(
            request, id_token, request.build_absolute_uri(reverse("signed-out"))
        )
    logout(request)
    return provider_sign_out or redirect("signed-out")


@require_http_methods(["GET", "HEAD"])
def signed_out(request):
    return render(request, "auth/signed_out.html", {"title": "You have signed out"})
