"""Sign-in and sign-out. Personas stand in for DfE Sign-in locally; they cannot exist in production."""

from django.conf import settings
from django.contrib.auth import get_user_model, login, logout
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST


@require_http_methods(["GET", "HEAD"])
def sign_in(request):
    if not settings.PERSONAS_ENABLED:
        raise Http404("Persona sign-in is turned off.")
    personas = (
        get_user_model()
        .objects.filter(is_active=True, schools__isnull=False)
        .prefetch_related("schools")
        .distinct()
        .order_by("first_name", "last_name")
    )
    return render(request, "auth/sign_in.html", {"title": "Sign in", "personas": personas})


@require_POST
def sign_in_as_persona(request, user_id: int):
    if not settings.PERSONAS_ENABLED:
        raise Http404("Persona sign-in is turned off.")
    user = get_object_or_404(
        get_user_model().objects.filter(is_active=True, schools__isnull=False).distinct(), pk=user_id
    )
    # login() rotates the session key, so a session id planted before sign-in is worthless after it.
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    # Entering the school is the school pages' business (schools:enter): one school, or a choice of several.
    return redirect(settings.LOGIN_REDIRECT_URL)


@require_POST
def sign_out(request):
    logout(request)
    return redirect("signed-out")


@require_http_methods(["GET", "HEAD"])
def signed_out(request):
    return render(request, "auth/signed_out.html", {"title": "You have signed out"})
