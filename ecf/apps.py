from django.apps import AppConfig


class ECFConfig(AppConfig):
    name = "ecf"
    verbose_name = "Early career framework"
