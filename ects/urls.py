from django.urls import path

from ecf.journeys.views import journey_urls
from ects import views
from ects.leaving import views as leaving
from ects.leaving.journey import REPORT_ECT_LEAVING
from ects.register.journey import REGISTER_ECT
from schools.access import school_user_required

app_name = "ects"

urlpatterns = [
    path("home/ects", views.ect_list, name="list"),
    path("ects/<int:pk>", views.ect_record, name="record"),
    path("ects/<int:pk>/change-name", views.change_ect_name, name="change-name"),
    path("ects/<int:pk>/change-email-address", views.change_ect_email, name="change-email-address"),
    path("ects/<int:pk>/change-working-pattern", views.change_ect_working_pattern, name="change-working-pattern"),
    *journey_urls(REGISTER_ECT, access=school_user_required),
    path("ects/<int:ect_id>/report-leaving", leaving.report_ect_leaving_start, name="report-ect-leaving-from-record"),
    *journey_urls(REPORT_ECT_LEAVING, access=school_user_required),
]
