from django.urls import path

from schools import views

app_name = "schools"

urlpatterns = [
    path("", views.home, name="home"),
    path("enter", views.enter, name="enter"),
    path("choose", views.choose_school, name="choose"),
]
