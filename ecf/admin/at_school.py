"""ECTs and mentors at schools, and mentorships, for DfE support staff. Periods are finished, never deleted."""

from django.contrib import admin

from ecf.admin.base import (
    AtSchoolTrainingContractPeriodFilter,
    OngoingFilter,
    PeriodAdmin,
    ReadOnlyInline,
    TrainingPeriodInline,
)
from ects.models import ECTAtSchoolPeriod
from mentors.models import MentorAtSchoolPeriod, MentorshipPeriod


class AtSchoolPeriodAdmin(PeriodAdmin):
    """What the ECT and mentor periods' admin share: search by teacher, TRN, school, URN or email; TRN and URN."""

    search_fields = [
        "=teacher__trn",
        "teacher__trs_first_name",
        "teacher__trs_last_name",
        "teacher__corrected_name",
        "school__name",
        "=school__urn",
        "email",
    ]
    readonly_fields = ["created_at", "updated_at"]

    @admin.display(description="TRN", ordering="teacher__trn")
    def trn(self, obj):
        return obj.teacher.trn

    @admin.display(description="URN", ordering="school__urn")
    def urn(self, obj):
        return obj.school.urn


# ---------------------------------------------------------------------------------------------------
# ECTs


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
class ECTAtSchoolPeriodAdmin(AtSchoolPeriodAdmin):
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
    autocomplete_fields = ["teacher", "school", "appropriate_body"]
    inlines = [MentorshipInline, ECTTrainingPeriodInline]


# ---------------------------------------------------------------------------------------------------
# Mentors and mentorships


class MenteeInline(ReadOnlyInline):
    model = MentorshipPeriod
    fk_name = "mentor"
    fields = ["mentee", "started_on", "finished_on"]
    readonly_fields = fields
    verbose_name = "mentee"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("mentee__teacher")


class MentorTrainingPeriodInline(TrainingPeriodInline):
    fk_name = "mentor_at_school_period"


class HasMenteesFilter(admin.SimpleListFilter):
    title = "mentees"
    parameter_name = "has_mentees"

    def lookups(self, request, model_admin):
        return [("yes", "Mentoring an ECT now"), ("no", "No ECT now")]

    def queryset(self, request, queryset):
        current = MentorshipPeriod.objects.ongoing_today().values("mentor_id")
        if self.value() == "yes":
            return queryset.filter(pk__in=current)
        if self.value() == "no":
            return queryset.exclude(pk__in=current)
        return queryset


class MentorTrainingCompletedFilter(admin.SimpleListFilter):
    title = "mentor training"
    parameter_name = "mentor_training"

    def lookups(self, request, model_admin):
        return [("completed", "Completed"), ("not_completed", "Not completed")]

    def queryset(self, request, queryset):
        if self.value() == "completed":
            return queryset.filter(teacher__mentor_training_completed_on__isnull=False)
        if self.value() == "not_completed":
            return queryset.filter(teacher__mentor_training_completed_on__isnull=True)
        return queryset


@admin.register(MentorAtSchoolPeriod)
class MentorAtSchoolPeriodAdmin(AtSchoolPeriodAdmin):
    list_display = ["teacher", "trn", "school", "urn", "started_on", "finished_on", "training_completed_on"]
    list_filter = [
        OngoingFilter,
        AtSchoolTrainingContractPeriodFilter,
        HasMenteesFilter,
        MentorTrainingCompletedFilter,
        "school__phase",
    ]
    list_select_related = ["teacher", "school"]
    autocomplete_fields = ["teacher", "school"]
    inlines = [MenteeInline, MentorTrainingPeriodInline]

    @admin.display(description="mentor training completed", ordering="teacher__mentor_training_completed_on")
    def training_completed_on(self, obj):
        return obj.teacher.mentor_training_completed_on


@admin.register(MentorshipPeriod)
class MentorshipPeriodAdmin(PeriodAdmin):
    list_display = ["mentee_teacher", "mentor_teacher", "school", "started_on", "finished_on"]
    list_filter = [OngoingFilter, "mentee__school__phase"]
    list_select_related = ["mentee__teacher", "mentee__school", "mentor__teacher"]
    search_fields = [
        "=mentee__teacher__trn",
        "=mentor__teacher__trn",
        "mentee__teacher__trs_last_name",
        "mentor__teacher__trs_last_name",
        "mentee__school__name",
        "=mentee__school__urn",
    ]
    raw_id_fields = ["mentee", "mentor"]
    readonly_fields = ["created_at", "updated_at"]

    def event_links(self, obj, *, deleting=False):
        links = super().event_links(obj, deleting=deleting)
        links.setdefault("ect_at_school_period_id", obj.mentee_id)
        links.setdefault("mentor_at_school_period_id", obj.mentor_id)
        links.setdefault("teacher_id", obj.mentee.teacher_id)
        links.setdefault("school_id", obj.mentee.school_id)
        return links

    @admin.display(description="ECT", ordering="mentee__teacher__trs_last_name")
    def mentee_teacher(self, obj):
        return obj.mentee.teacher

    @admin.display(description="mentor", ordering="mentor__teacher__trs_last_name")
    def mentor_teacher(self, obj):
        return obj.mentor.teacher

    @admin.display(ordering="mentee__school__name")
    def school(self, obj):
        return obj.mentee.school
