"""The service's URLs plus the benchmark's baseline: a bare page with the same layout."""

from django.shortcuts import render
from django.urls import path
from django.views.decorators.http import require_GET

from ecf.urls import handler403, handler404, handler500
from ecf.urls import urlpatterns as service_urlpatterns

__all__ = ["handler403", "handler404", "handler500", "urlpatterns"]


@require_GET
def bare(request):
    return render(request, "bench/bare.html", {"title": "Bare page", "nav_current": "ects"})


urlpatterns = [path("bench/bare", bare, name="bench-bare"), *service_urlpatterns]
