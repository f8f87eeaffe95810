from django.apps import AppConfig


class ECTsConfig(AppConfig):
    name = "ects"
    verbose_name = "ECTs"
