"""The API documentation page, /api/docs/v3: Swagger UI from our own static files (no CDN, CSP intact)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse


def docs(request: HttpRequest) -> HttpResponse:
    return render(request, "api/docs.html", {"openapi_url": reverse("api-v3:openapi-json")})
