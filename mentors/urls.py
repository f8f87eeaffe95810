from django.urls import path

from ecf.journeys.views import journey_urls
from ects.change_lead_provider.views import bare_start, record_start
from mentors import views
from mentors.assign import views as assign
from mentors.assign.journey import ASSIGN_ECT, ASSIGN_MENTOR
from mentors.change_lead_provider.journey import CHANGE_MENTOR_LEAD_PROVIDER, MENTOR
from mentors.leaving import views as leaving
from mentors.leaving.journey import REMOVE_MENTOR
from mentors.register import views as register
from mentors.register.journey import REGISTER_MENTOR
from schools.access import school_user_required

app_name = "mentors"

urlpatterns = [
    path("home/mentors", views.mentor_list, name="list"),
    path("mentors/<int:pk>", views.mentor_record, name="record"),
    path("mentors/<int:pk>/change-name", views.change_mentor_name, name="change-name"),
    path("mentors/<int:pk>/change-email-address", views.change_mentor_email, name="change-email-address"),
    path("mentors/<int:pk>/change-phase", views.change_mentor_phase, name="change-phase"),
    path("mentors/<int:pk>/change-subject", views.change_mentor_subject, name="change-subject"),
    path("mentors/<int:pk>/change-age-range", views.change_mentor_age_range, name="change-age-range"),
    path("mentors/<int:pk>/change-key-stage", views.change_mentor_key_stage, name="change-key-stage"),
    # Before the additional details' catch-all "change-<detail>".
    path(
        "mentors/<int:pk>/change-lead-provider",
        record_start(CHANGE_MENTOR_LEAD_PROVIDER, MENTOR, lead_provider_change=True),
        name="change-mentor-lead-provider-start",
    ),
    path(
        "mentors/<int:pk>/change-<slug:detail>",
        views.change_mentor_additional_detail,
        name="change-additional-detail",
    ),
    path("ects/<int:ect_id>/assign-mentor", assign.assign_mentor_start, name="assign-mentor-start"),
    path("mentors/<int:mentor_id>/assign-ect", assign.assign_ect_start, name="assign-ect-start"),
    *journey_urls(ASSIGN_MENTOR, access=school_user_required, start_view=assign.assign_mentor_without_an_ect),
    *journey_urls(ASSIGN_ECT, access=school_user_required, start_view=assign.assign_ect_without_a_mentor),
    path("register-mentor/no-trn", register.no_trn, name="register-mentor-no-trn"),
    *journey_urls(REGISTER_MENTOR, access=school_user_required),
    path("mentors/<int:mentor_id>/remove", leaving.remove_mentor_start, name="remove-mentor-from-record"),
    *journey_urls(REMOVE_MENTOR, access=school_user_required),
    *journey_urls(CHANGE_MENTOR_LEAD_PROVIDER, access=school_user_required, start_view=bare_start(MENTOR)),
]
