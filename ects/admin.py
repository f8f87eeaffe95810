"""ECT-at-school periods, for DfE support staff. Periods are finished, never deleted."""

from django.contrib import admin

from ecf.admin import OngoingFilter, PeriodAdmin, ReadOnlyInline, TrainingContractPeriodFilter
from ecf.models import TrainingPeriod
from ects.models import ECTAtSchoolPeriod
from mentors.models import MentorshipPeriod


class ECTTrainingContractPeriodFilter(TrainingContractPeriodFilter):
    path = "training_periods__"


class MentorshipInline(ReadOnlyInline):
    model = MentorshipPeriod
    fk_name = "mentee"
    fields = ["mentor", "started_on", "finished_on"]
    readonly_fields = fields
    verbose_name = "mentorship"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("mentor__teacher")


class ECTTrainingPeriodInline(ReadOnlyInline):
    model = TrainingPeriod
    fk_name = "ect_at_school_period"
    fields = ["training_programme", "school_partnership", "expression_of_interest", "started_on", "finished_on"]
    readonly_fields = fields

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related(
                "school_partnership__school",
                "school_partnership__lead_provider_delivery_partnership__active_lead_provider__lead_provider",
                "school_partnership__lead_provider_delivery_partnership__delivery_partner",
                "expression_of_interest__lead_provider",
            )
        )


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
        ECTTrainingContractPeriodFilter,
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
