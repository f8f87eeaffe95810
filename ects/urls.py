from django.urls import path

from ects import views

app_name = "ects"

urlpatterns = [
    path("home/ects", views.ect_list, name="list"),
    path("ects/<int:pk>", views.ect_record, name="record"),
]
