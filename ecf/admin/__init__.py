"""The admin for DfE support staff: every domain model, audited.

Saves and deletions made here write an audit Event with the DfE staff author and the changed fields
(`AuditedAdminMixin`). Periods and events are never deleted; events and emails are read-only.
"""

from django.contrib import admin

from ecf.admin import api_tokens, at_school, audit, providers, schools, sign_in, teachers, training  # noqa: F401  (each registers its models)
from ecf.auth import lockout  # noqa: F401  (connects the audit event for staff sign-in lockouts to django-axes)

admin.site.site_header = "Register early career teachers: support"
admin.site.site_title = "Register early career teachers support"
admin.site.index_title = "Support for DfE staff"
