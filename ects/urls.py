from django.urls import path

from ecf.journeys.views import journey_urls
from ects import journeys, views

app_name = "ects"

urlpatterns = [
    path("home/ects", views.ect_list, name="list"),
    path("ects/<int:pk>", views.ect_record, name="record"),
    *journey_urls(journeys.REGISTER_ECT, start_view=journeys.start),
]
