from django.urls import path

from ecf.journeys.views import journey_urls
from ects import views
from ects.change_lead_provider.journey import CHANGE_LEAD_PROVIDER, ECT
from ects.change_lead_provider.views import bare_start, record_start
from ects.change_training_programme.journey import CHANGE_TRAINING_PROGRAMME
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
    path(
        "ects/<int:pk>/change-lead-provider",
        record_start(CHANGE_LEAD_PROVIDER, ECT, lead_provider_change=True),
        name="change-lead-provider-start",
    ),
    *journey_urls(CHANGE_LEAD_PROVIDER, access=school_user_required, start_view=bare_start(ECT)),
    path(
        "ects/<int:pk>/change-training-programme",
        record_start(CHANGE_TRAINING_PROGRAMME, ECT),
        name="change-training-programme-start",
    ),
    *journey_urls(CHANGE_TRAINING_PROGRAMME, access=school_user_required, start_view=bare_start(ECT)),
]
