"""Teachers, with their periods at schools."""

from django.contrib import admin

from ecf.admin.base import AuditedModelAdmin, ReadOnlyInline
from ecf.models import (
    Teacher,
)
from ects.models import ECTAtSchoolPeriod
from mentors.models import MentorAtSchoolPeriod

# ---------------------------------------------------------------------------------------------------
# Teachers


class TeacherECTPeriodInline(ReadOnlyInline):
    model = ECTAtSchoolPeriod

    fields = ["school", "started_on", "finished_on", "email", "working_pattern", "appropriate_body"]
    readonly_fields = fields
    verbose_name = "ECT at school period"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("school", "appropriate_body")


class TeacherMentorPeriodInline(ReadOnlyInline):
    model = MentorAtSchoolPeriod

    fields = ["school", "started_on", "finished_on", "email"]
    readonly_fields = fields
    verbose_name = "mentor at school period"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("school")


@admin.register(Teacher)
class TeacherAdmin(AuditedModelAdmin):
    list_display = [
        "trn",
        "trs_first_name",
        "trs_last_name",
        "corrected_name",
        "trs_induction_status",
        "trs_qts_awarded_on",
        "mentor_training_completed_on",
    ]
    list_display_links = ["trn", "trs_first_name", "trs_last_name"]
    search_fields = ["=trn", "trs_first_name", "trs_last_name", "corrected_name", "=api_id"]
    list_filter = ["trs_induction_status", "mentor_training_completion_reason"]
    readonly_fields = ["api_id", "created_at", "updated_at"]
    inlines = [TeacherECTPeriodInline, TeacherMentorPeriodInline]
    fieldsets = [
        (None, {"fields": ["trn", "corrected_name", "api_id"]}),
        (
            "From the Teaching Record System",
            {"fields": ["trs_first_name", "trs_last_name", "trs_induction_status", "trs_qts_awarded_on"]},
        ),
        ("Mentor training", {"fields": ["mentor_training_completed_on", "mentor_training_completion_reason"]}),
        ("Record", {"fields": ["created_at", "updated_at"]}),
    ]
