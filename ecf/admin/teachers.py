"""Teachers, with their periods at schools."""

from django.contrib import admin
from django.db.models import Q
from django.utils import timezone
from django.utils.html import format_html, format_html_join

from ecf.admin.base import AuditedModelAdmin, ReadOnlyInline
from ecf.models import (
    Event,
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
    readonly_fields = ["api_id", "created_at", "updated_at", "api_updated_at", "timeline"]
    inlines = [TeacherECTPeriodInline, TeacherMentorPeriodInline]
    fieldsets = [
        (None, {"fields": ["trn", "corrected_name", "api_id"]}),
        (
            "From the Teaching Record System",
            {"fields": ["trs_first_name", "trs_last_name", "trs_induction_status", "trs_qts_awarded_on"]},
        ),
        ("Mentor training", {"fields": ["mentor_training_completed_on", "mentor_training_completion_reason"]}),
        ("Record", {"fields": ["created_at", "updated_at", "api_updated_at"]}),
        (
            "Timeline",
            {"fields": ["timeline"], "description": "What schools, lead providers and DfE staff did, oldest first."},
        ),
    ]

    TIMELINE_LIMIT = 300

    @admin.display(description="events")
    def timeline(self, obj):
        """Every event about the teacher, whichever record it names (one query), in the order it happened."""
        if obj is None or obj.pk is None:
            return "None"
        events = (
            Event.objects.filter(
                Q(teacher=obj)
                | Q(ect_at_school_period__teacher=obj)
                | Q(mentor_at_school_period__teacher=obj)
                | Q(mentorship_period__mentee__teacher=obj)
                | Q(mentorship_period__mentor__teacher=obj)
                | Q(training_period__ect_at_school_period__teacher=obj)
                | Q(training_period__mentor_at_school_period__teacher=obj)
            )
            .distinct()
            .order_by("happened_at", "id")[: self.TIMELINE_LIMIT]
        )
        rows = format_html_join(
            "",
            "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
            (
                (
                    timezone.localtime(event.happened_at).strftime("%d %b %Y %H:%M"),
                    event.heading,
                    f"{event.get_author_type_display()}: {event.author_name}"
                    if event.author_name
                    else event.get_author_type_display(),
                )
                for event in events
            ),
        )
        if not rows:
            return "None"
        return format_html(
            "<table><thead><tr><th>When</th><th>What</th><th>Who</th></tr></thead><tbody>{}</tbody></table>", rows
        )
