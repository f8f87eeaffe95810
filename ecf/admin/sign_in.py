"""Staff sign-in lockouts (django-axes), for DfE support staff: who is locked, and unlocking by deleting.

Axes' own admin is turned off (AXES_ENABLE_ADMIN = False): its actions declare no permissions and its
changelists do not answer bad query strings with a 400. Deleting an attempt here unlocks that username
and address at once, and is audited like every admin deletion.
"""

from axes.models import AccessAttempt
from django.contrib import admin

from ecf.admin.base import AuditedModelAdmin


@admin.register(AccessAttempt)
class AccessAttemptAdmin(AuditedModelAdmin):
    list_display = ["attempt_time", "username", "ip_address", "failures_since_start", "path_info"]
    list_filter = ["attempt_time"]
    search_fields = ["=username", "=ip_address"]
    date_hierarchy = "attempt_time"
    readonly_fields = ["attempt_time", "username", "ip_address", "user_agent", "path_info", "failures_since_start"]
    exclude = ["get_data", "post_data"]
    list_per_page = 50

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
