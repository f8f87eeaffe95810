"""ECT-at-school periods, for DfE support staff. Periods are finished, never deleted."""

from django.contrib import admin

from ecf.admin.base import (
    AtSchoolTrainingContractPeriodFilter,
    OngoingFilter,
    PeriodAdmin,
    ReadOnlyInline,
    TrainingPeriodInline,
)
from ects.models import ECTAtSchoolPeriod
from mentors.models import MentorshipPeriod


class MentorshipInline(ReadOnlyInline):
    model = MentorshipPeriod
    fk_name = "mentee"
    fields = ["mentor", "started_on", "finished_on"]
    readonly_fields = fields
    verbose_name = "mentorship"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("mentor__teacher")


class ECTTrainingPeriodInline(TrainingPeriodInline):
    fk_name = "ect_at_school_period"


@admin.register(ECTAtSchoolPeriod)
class ECTAtSchoolPeriodAdmin(PeriodAdmin):
    list_display = [
        "teacher",
        "trn",
        "school",
        "urn",
        "started_on",
        "finished_on",
        "working_pattern",
        "appropriate_body",
    ]
    list_filter = [
        OngoingFilter,
        AtSchoolTrainingContractPeriodFilter,
        "training_periods__training_programme",
        "working_pattern",
        "school__phase",
        "appropriate_body__body_type",
    ]
    list_select_related = ["teacher", "school", "appropriate_body"]
    search_fields = [
        "=teacher__trn",
        "teacher__trs_first_name",
        "teacher__trs_last_name",
        "teacher__corrected_name",
        "school__name",
        "=school__urn",
        "email",
    ]
    autocomplete_fields = ["teacher", "school", "appropriate_body"]
    readonly_fields = ["created_at", "updated_at"]
    inlines = [MentorshipInline, ECTTrainingPeriodInline]

    @admin.display(description="TRN", ordering="teacher__trn")
    def trn(self, obj):
        return obj.teacher.trn

    @admin.display(description="URN", ordering="school__urn")
    def urn(self, obj):
        return obj.school.urn
