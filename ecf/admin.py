"""The admin for DfE support staff: every domain model, audited.

Saves and deletions made here write an audit Event with the DfE staff author and the changed fields
(`AuditedAdminMixin`). Periods and events are never deleted; events and emails are read-only.
"""

import datetime
import decimal
import uuid

from django.contrib import admin, messages
from django.db import models, transaction
from django.db.models import Q

from ecf.events import Author, record_event
from ecf.models import (
    ActiveLeadProvider,
    AppropriateBody,
    ContractPeriod,
    Declaration,
    DeliveryPartner,
    EmailMessage,
    Event,
    LeadProvider,
    LeadProviderDeliveryPartnership,
    SchoolPartnership,
    Teacher,
    TrainingPeriod,
)
from ects.models import ECTAtSchoolPeriod
from mentors.models import MentorAtSchoolPeriod

admin.site.site_header = "Register early career teachers: support"
admin.site.site_title = "Register early career teachers support"
admin.site.index_title = "Support for DfE staff"

# The records an Event can point at, by the name of its foreign key: {"teacher": Teacher, ...}.
EVENT_LINKS = {
    field.name: field.related_model
    for field in Event._meta.get_fields()
    if field.many_to_one and field.name != "author_user"
}


def _jsonable(value):
    """A value for Event.changes: plain JSON, readable by people."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, datetime.date | datetime.datetime | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, list | tuple | set | models.QuerySet):
        return [_jsonable(item) for item in value]
    return str(value)


def _model_value(obj, name):
    field = obj._meta.get_field(name)
    if field.many_to_many:
        return [str(item) for item in getattr(obj, name).all()] if obj.pk else []
    return getattr(obj, name)


class AuditedAdminMixin:
    """Writes an Event for every save and deletion made through the admin, authored by the DfE staff user.

    The Event records the changed fields (`form.changed_data`) as {field: [before, after]} and links to
    the record and to the records it belongs to (teacher, school, periods, providers) where the Event
    has a link for them.
    """

    def event_links(self, obj, *, deleting: bool = False) -> dict:
        links = {}
        for name, related_model in EVENT_LINKS.items():
            if isinstance(obj, related_model):
                if not deleting:  # an Event protects what it points at: a deleted record can't be linked
                    links[name] = obj
                continue
            try:
                field = obj._meta.get_field(name)
            except Exception:  # noqa: S112 - the model has no such link
                continue
            if field.many_to_one and field.related_model is related_model and getattr(obj, field.attname):
                links[f"{name}_id"] = getattr(obj, field.attname)
        return links

    def _describe(self, obj) -> str:
        return f"{obj._meta.verbose_name.capitalize()} {obj}"

    def save_model(self, request, obj, form, change):
        before = {}
        changed = [name for name in form.changed_data if name in {f.name for f in obj._meta.get_fields()}]
        if change:
            original = type(obj)._default_manager.get(pk=obj.pk)
            before = {name: _jsonable(_model_value(original, name)) for name in changed}
        super().save_model(request, obj, form, change)
        after = {
            name: _jsonable(form.cleaned_data[name] if name in form.cleaned_data else _model_value(obj, name))
            for name in changed
        }
        label = obj._meta.label_lower.replace(".", "_")
        record_event(
            event_type=f"admin_{label}_{'changed' if change else 'created'}",
            heading=f"{self._describe(obj)} {'changed' if change else 'added'} by DfE staff",
            author=Author.dfe_staff(request.user),
            changes={name: [before.get(name), after[name]] for name in changed},
            metadata={"model": obj._meta.label, "pk": obj.pk, "via": "admin"},
            **self.event_links(obj),
        )

    def delete_model(self, request, obj):
        label = obj._meta.label_lower.replace(".", "_")
        record_event(
            event_type=f"admin_{label}_deleted",
            heading=f"{self._describe(obj)} deleted by DfE staff",
            author=Author.dfe_staff(request.user),
            metadata={"model": obj._meta.label, "pk": obj.pk, "via": "admin", "deleted": str(obj)},
            **self.event_links(obj, deleting=True),
        )
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)


class AuditedModelAdmin(AuditedAdminMixin, admin.ModelAdmin):
    pass


class PeriodAdmin(AuditedModelAdmin):
    """Periods are history: they are finished (given a `finished_on`), never deleted."""

    date_hierarchy = "started_on"
    list_per_page = 50

    def has_delete_permission(self, request, obj=None):
        return False


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    show_change_link = True
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class OngoingFilter(admin.SimpleListFilter):
    """Ongoing today, finished, or starting in the future."""

    title = "status"
    parameter_name = "ongoing"

    def lookups(self, request, model_admin):
        return [("ongoing", "Ongoing"), ("finished", "Finished"), ("future", "Starting in the future")]

    def queryset(self, request, queryset):
        today = datetime.date.today()
        if self.value() == "ongoing":
            return queryset.ongoing_on(today)
        if self.value() == "finished":
            return queryset.filter(finished_on__lt=today)
        if self.value() == "future":
            return queryset.filter(started_on__gt=today)
        return queryset


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


# ---------------------------------------------------------------------------------------------------
# Contract periods, providers and partnerships


@admin.register(ContractPeriod)
class ContractPeriodAdmin(AuditedModelAdmin):
    list_display = ["year", "started_on", "finished_on", "enabled"]
    list_filter = ["enabled"]
    search_fields = ["=year"]

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(LeadProvider)
class LeadProviderAdmin(AuditedModelAdmin):
    list_display = ["name", "contract_periods", "api_id"]
    search_fields = ["name", "=api_id"]
    list_filter = [("active_periods__contract_period", admin.RelatedOnlyFieldListFilter)]
    readonly_fields = ["api_id"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("active_periods")

    @admin.display(description="contract periods")
    def contract_periods(self, obj):
        return ", ".join(str(active.contract_period_id) for active in obj.active_periods.all()) or "None"


@admin.register(ActiveLeadProvider)
class ActiveLeadProviderAdmin(AuditedModelAdmin):
    list_display = ["lead_provider", "contract_period"]
    list_filter = ["contract_period", "lead_provider"]
    list_select_related = ["lead_provider", "contract_period"]
    search_fields = ["lead_provider__name", "=contract_period__year"]
    autocomplete_fields = ["lead_provider", "contract_period"]


@admin.register(DeliveryPartner)
class DeliveryPartnerAdmin(AuditedModelAdmin):
    list_display = ["name", "api_id"]
    search_fields = ["name", "=api_id"]
    list_filter = [
        (
            "lead_provider_partnerships__active_lead_provider__contract_period",
            admin.RelatedOnlyFieldListFilter,
        )
    ]
    readonly_fields = ["api_id"]


@admin.register(LeadProviderDeliveryPartnership)
class LeadProviderDeliveryPartnershipAdmin(AuditedModelAdmin):
    list_display = ["lead_provider", "delivery_partner", "contract_period"]
    list_filter = ["active_lead_provider__contract_period", "active_lead_provider__lead_provider"]
    list_select_related = [
        "active_lead_provider__lead_provider",
        "active_lead_provider__contract_period",
        "delivery_partner",
    ]
    search_fields = ["active_lead_provider__lead_provider__name", "delivery_partner__name"]
    autocomplete_fields = ["active_lead_provider", "delivery_partner"]

    @admin.display(ordering="active_lead_provider__lead_provider__name")
    def lead_provider(self, obj):
        return obj.active_lead_provider.lead_provider

    @admin.display(ordering="active_lead_provider__contract_period")
    def contract_period(self, obj):
        return obj.active_lead_provider.contract_period


@admin.register(SchoolPartnership)
class SchoolPartnershipAdmin(AuditedModelAdmin):
    list_display = ["school", "urn", "lead_provider", "delivery_partner", "contract_period", "created_at"]
    list_filter = [
        "lead_provider_delivery_partnership__active_lead_provider__contract_period",
        "lead_provider_delivery_partnership__active_lead_provider__lead_provider",
        "school__phase",
    ]
    list_select_related = [
        "school",
        "lead_provider_delivery_partnership__active_lead_provider__lead_provider",
        "lead_provider_delivery_partnership__delivery_partner",
    ]
    search_fields = [
        "school__name",
        "=school__urn",
        "lead_provider_delivery_partnership__active_lead_provider__lead_provider__name",
        "lead_provider_delivery_partnership__delivery_partner__name",
    ]
    autocomplete_fields = ["school", "lead_provider_delivery_partnership"]
    readonly_fields = ["api_id", "created_at"]
    date_hierarchy = "created_at"

    @admin.display(description="URN", ordering="school__urn")
    def urn(self, obj):
        return obj.school.urn

    @admin.display(ordering="lead_provider_delivery_partnership__active_lead_provider__contract_period")
    def contract_period(self, obj):
        return obj.lead_provider_delivery_partnership.active_lead_provider.contract_period_id


@admin.register(AppropriateBody)
class AppropriateBodyAdmin(AuditedModelAdmin):
    list_display = ["name", "body_type"]
    list_filter = ["body_type"]
    search_fields = ["name"]


# ---------------------------------------------------------------------------------------------------
# Training periods and declarations


TRAINING_PERIOD_RELATED = [
    "ect_at_school_period__teacher",
    "ect_at_school_period__school",
    "mentor_at_school_period__teacher",
    "mentor_at_school_period__school",
    "school_partnership__lead_provider_delivery_partnership__active_lead_provider__lead_provider",
    "school_partnership__lead_provider_delivery_partnership__delivery_partner",
    "expression_of_interest__lead_provider",
]


class TrainingContractPeriodFilter(admin.SimpleListFilter):
    """The contract period of the confirmed partnership or, before confirmation, of the expression of interest."""

    title = "contract period"
    parameter_name = "contract_period"
    path = ""

    def lookups(self, request, model_admin):
        return [(str(year), str(year)) for year in ContractPeriod.objects.values_list("year", flat=True)]

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        return queryset.filter(
            Q(
                **{
                    f"{self.path}school_partnership__lead_provider_delivery_partnership__"
                    "active_lead_provider__contract_period": self.value()
                }
            )
            | Q(**{f"{self.path}expression_of_interest__contract_period": self.value()})
        )


class TrainingStatusFilter(admin.SimpleListFilter):
    """Training status as the API reports it: the later of withdrawal and deferral wins."""

    title = "training status"
    parameter_name = "training_status"

    def lookups(self, request, model_admin):
        return [("active", "Active"), ("deferred", "Deferred"), ("withdrawn", "Withdrawn")]

    def queryset(self, request, queryset):
        withdrawn = Q(withdrawn_at__isnull=False) & (
            Q(deferred_at__isnull=True) | Q(withdrawn_at__gte=models.F("deferred_at"))
        )
        if self.value() == "withdrawn":
            return queryset.filter(withdrawn)
        if self.value() == "deferred":
            return queryset.filter(deferred_at__isnull=False).exclude(withdrawn)
        if self.value() == "active":
            return queryset.filter(withdrawn_at__isnull=True, deferred_at__isnull=True)
        return queryset


class TrainingRoleFilter(admin.SimpleListFilter):
    title = "trainee"
    parameter_name = "trainee"

    def lookups(self, request, model_admin):
        return [("ect", "ECT"), ("mentor", "Mentor")]

    def queryset(self, request, queryset):
        if self.value() == "ect":
            return queryset.filter(ect_at_school_period__isnull=False)
        if self.value() == "mentor":
            return queryset.filter(mentor_at_school_period__isnull=False)
        return queryset


def _at_school_period(training_period):
    return training_period.ect_at_school_period or training_period.mentor_at_school_period


class DeclarationInline(ReadOnlyInline):
    model = Declaration
    fields = ["declaration_type", "declaration_date", "state", "created_at"]
    readonly_fields = fields


@admin.register(TrainingPeriod)
class TrainingPeriodAdmin(PeriodAdmin):
    list_display = [
        "__str__",
        "teacher",
        "trainee",
        "school",
        "training_programme",
        "lead_provider",
        "delivery_partner",
        "status",
        "started_on",
        "finished_on",
    ]
    list_filter = [
        TrainingContractPeriodFilter,
        "training_programme",
        TrainingStatusFilter,
        TrainingRoleFilter,
        "withdrawal_reason",
        "deferral_reason",
        OngoingFilter,
    ]
    list_select_related = TRAINING_PERIOD_RELATED
    search_fields = [
        "=ect_at_school_period__teacher__trn",
        "=mentor_at_school_period__teacher__trn",
        "ect_at_school_period__teacher__trs_last_name",
        "mentor_at_school_period__teacher__trs_last_name",
        "=ect_at_school_period__school__urn",
        "=mentor_at_school_period__school__urn",
        "=api_id",
    ]
    raw_id_fields = ["ect_at_school_period", "mentor_at_school_period"]
    autocomplete_fields = ["school_partnership", "expression_of_interest"]
    readonly_fields = ["api_id", "created_at", "updated_at"]
    inlines = [DeclarationInline]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related(*TRAINING_PERIOD_RELATED)

    def event_links(self, obj, *, deleting=False):
        links = super().event_links(obj, deleting=deleting)
        if at_school := _at_school_period(obj):
            links.setdefault("teacher_id", at_school.teacher_id)
            links.setdefault("school_id", at_school.school_id)
        return links

    @admin.display(ordering="ect_at_school_period__teacher__trs_last_name")
    def teacher(self, obj):
        return _at_school_period(obj).teacher

    @admin.display()
    def trainee(self, obj):
        return "ECT" if obj.ect_at_school_period_id else "Mentor"

    @admin.display()
    def school(self, obj):
        return _at_school_period(obj).school

    @admin.display(description="training status")
    def status(self, obj):
        return obj.status


class CompletedMentorDeclarationError(Exception):
    pass


def record_completed_mentor_declaration(declaration: Declaration, *, author: Author) -> bool:
    """A `completed` declaration for a mentor's training marks the mentor's training completed.

    Returns whether the teacher's record changed. Runs in the caller's transaction, with the teacher locked.
    """
    training_period = declaration.training_period
    if (
        declaration.declaration_type != Declaration.DeclarationType.COMPLETED
        or not training_period.mentor_at_school_period_id
        or declaration.state in {Declaration.State.VOIDED, Declaration.State.INELIGIBLE}
    ):
        return False
    mentor_period = training_period.mentor_at_school_period
    teacher = Teacher.objects.select_for_update().get(pk=mentor_period.teacher_id)
    if teacher.mentor_training_completed_on:
        return False
    teacher.mentor_training_completed_on = declaration.declaration_date
    teacher.mentor_training_completion_reason = Teacher.MentorTrainingCompletionReason.COMPLETED_DECLARATION_RECEIVED
    teacher.save(update_fields=["mentor_training_completed_on", "mentor_training_completion_reason", "updated_at"])
    record_event(
        event_type="mentor_training_completed",
        heading=f"{teacher.full_name} completed mentor training",
        author=author,
        changes={
            "mentor_training_completed_on": [None, declaration.declaration_date.isoformat()],
            "mentor_training_completion_reason": ["", teacher.mentor_training_completion_reason],
        },
        metadata={"declaration_api_id": str(declaration.api_id)},
        teacher=teacher,
        school_id=mentor_period.school_id,
        mentor_at_school_period=mentor_period,
        training_period=training_period,
    )
    return True


@admin.register(Declaration)
class DeclarationAdmin(AuditedModelAdmin):
    list_display = [
        "declaration_type",
        "teacher",
        "trainee",
        "lead_provider",
        "declaration_date",
        "state",
        "created_at",
    ]
    list_filter = [
        "declaration_type",
        "state",
        ("training_period__training_programme", admin.ChoicesFieldListFilter),
    ]
    list_select_related = [f"training_period__{name}" for name in TRAINING_PERIOD_RELATED]
    search_fields = [
        "=training_period__ect_at_school_period__teacher__trn",
        "=training_period__mentor_at_school_period__teacher__trn",
        "training_period__ect_at_school_period__teacher__trs_last_name",
        "training_period__mentor_at_school_period__teacher__trs_last_name",
        "=api_id",
    ]
    raw_id_fields = ["training_period"]
    readonly_fields = ["api_id", "created_at"]
    date_hierarchy = "declaration_date"

    def event_links(self, obj, *, deleting=False):
        links = super().event_links(obj, deleting=deleting)
        if at_school := _at_school_period(obj.training_period):
            links.setdefault("teacher_id", at_school.teacher_id)
            links.setdefault("school_id", at_school.school_id)
        return links

    def save_model(self, request, obj, form, change):
        with transaction.atomic():
            super().save_model(request, obj, form, change)
            if record_completed_mentor_declaration(obj, author=Author.dfe_staff(request.user)):
                messages.info(
                    request, f"{_at_school_period(obj.training_period).teacher} has completed mentor training."
                )

    @admin.display()
    def teacher(self, obj):
        return _at_school_period(obj.training_period).teacher

    @admin.display()
    def trainee(self, obj):
        return "ECT" if obj.training_period.ect_at_school_period_id else "Mentor"

    @admin.display()
    def lead_provider(self, obj):
        return obj.training_period.lead_provider


# ---------------------------------------------------------------------------------------------------
# The audit trail and the email outbox: read-only


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["happened_at", "heading", "event_type", "author_type", "author_name", "teacher", "school"]
    list_filter = ["author_type", "event_type"]
    list_select_related = ["teacher", "school"]
    search_fields = ["heading", "=event_type", "=teacher__trn", "=school__urn", "author_name", "author_email"]
    date_hierarchy = "happened_at"
    list_per_page = 50

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


def _delivery():
    """`ecf.notifications.deliver` and its attempt limit, when the notifications module provides them."""
    try:
        from ecf.notifications import MAX_ATTEMPTS, deliver
    except ImportError:
        return None
    return deliver, MAX_ATTEMPTS


@admin.register(EmailMessage)
class EmailMessageAdmin(admin.ModelAdmin):
    list_display = ["created_at", "template", "to", "status", "attempts", "sent_at"]
    list_filter = ["status", "template"]
    search_fields = ["to", "=template", "=reference", "=provider_id"]
    date_hierarchy = "created_at"
    actions = ["retry_delivery"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_actions(self, request):
        actions = super().get_actions(request)
        if _delivery() is None:
            actions.pop("retry_delivery", None)
        return actions

    @admin.action(description="Retry delivery")
    def retry_delivery(self, request, queryset):
        """Try once more to send failed or pending emails (sent ones are left alone)."""
        deliver, max_attempts = _delivery()
        outcomes = dict.fromkeys(EmailMessage.Status.values, 0)
        retried = []
        for message in queryset.exclude(status=EmailMessage.Status.SENT).order_by("created_at", "pk"):
            # A failed email has used its attempts: give it one more.
            EmailMessage.objects.filter(pk=message.pk, status=EmailMessage.Status.FAILED).update(
                status=EmailMessage.Status.PENDING
            )
            delivered = deliver(message_id=message.pk, max_attempts=max(max_attempts, message.attempts + 1))
            if delivered is not None:
                outcomes[delivered.status] += 1
                retried.append(str(message.reference))
        if retried:
            record_event(
                event_type="email_delivery_retried",
                heading=f"Delivery of {len(retried)} email(s) retried by DfE staff",
                author=Author.dfe_staff(request.user),
                metadata={"references": retried, "outcomes": outcomes},
            )
        self.message_user(
            request,
            f"Retried {len(retried)} email(s): {outcomes['sent']} sent, {outcomes['pending']} still pending, "
            f"{outcomes['failed']} failed.",
            messages.SUCCESS if retried and not outcomes["failed"] else messages.WARNING,
        )
