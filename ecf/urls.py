from django.contrib import admin
from django.urls import include, path, re_path

from api import docs as api_docs
from api.v3 import unknown_path as api_v3_unknown_path
from api.v3 import urls as api_v3_urls
from ecf import views
from ecf.auth import views as auth_views
from schools import views as school_views

urlpatterns = [
    path("", views.start, name="start"),
    path("healthcheck", views.healthcheck, name="healthcheck"),
    # Browsers ask for /favicon.ico on pages that link no icon (the Django admin): GOV.UK's, not a 404.
    path("favicon.ico", views.favicon),
    path("sign-in", auth_views.sign_in, name="sign-in"),
    path("sign-in/dfe", auth_views.sign_in_with_dfe_sign_in, name="dfe-sign-in"),
    path("sign-in/dfe/callback", school_views.dfe_sign_in_callback, name="dfe-sign-in-callback"),
    path("sign-in/persona/<int:user_id>", auth_views.sign_in_as_persona, name="sign-in-as-persona"),
    path("sign-out", auth_views.sign_out, name="sign-out"),
    path("signed-out", auth_views.signed_out, name="signed-out"),
    path("school/", include("schools.urls")),
    path("school/", include("ects.urls")),
    path("school/", include("mentors.urls")),
    path("admin/", admin.site.urls),
    path("api/v3/", api_v3_urls()),
    re_path(r"^api/v3/(?P<path>.*)$", api_v3_unknown_path),
    path("api/docs/v3", api_docs.docs, name="api-docs-v3"),
]

handler400 = "ecf.views.bad_request"
handler403 = "ecf.views.forbidden"
handler404 = "ecf.views.page_not_found"
handler500 = "ecf.views.server_error"
