from django.apps import AppConfig

# Imported for its receivers: they add method, path, status and duration to django-structlog's request lines.
from ecf import request_ids  # noqa: F401


class ECFConfig(AppConfig):
    name = "ecf"
    verbose_name = "Early career framework"
