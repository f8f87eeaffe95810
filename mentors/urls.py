from django.urls import path

from ecf.journeys.views import journey_urls
from mentors import journeys, views

app_name = "mentors"

urlpatterns = [
    path("home/mentors", views.mentor_list, name="list"),
    path("ects/<int:ect_id>/assign-mentor", journeys.assign_mentor_start, name="assign-mentor-start"),
    path("mentors/<int:mentor_id>/assign-ect", journeys.assign_ect_start, name="assign-ect-start"),
    *journey_urls(journeys.ASSIGN_MENTOR, start_view=journeys.assign_mentor_without_an_ect),
    *journey_urls(journeys.ASSIGN_ECT, start_view=journeys.assign_ect_without_a_mentor),
]
