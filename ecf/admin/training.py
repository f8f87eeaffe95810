"""Training periods and the declarations lead providers make about them."""

from django.contrib import admin, messages
from django.db import transaction
from django.template.response import TemplateResponse

from ecf.admin.base import (
    TRAINING_PERIOD_RELATED,
    AuditedModelAdmin,
    OngoingFilter,
    PeriodAdmin,
    ReadOnlyInline,
    TrainingContractPeriodFilter,
    TrainingRoleFilter,
    TrainingStatusFilter,
    at_school_period,
)
from ecf.declarations import record_completed_mentor_declaration, void_declaration
from ecf.errors import DomainError
from ecf.events import Author
from ecf.models import (
    Declaration,
    TrainingPeriod,
)
from ecf.training.provider_actions import ECT, MENTOR, defer_training, resume_training, withdraw_training


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
    # What a lead provider reported changes only through the actions below, which call the API's own services
    # (the audit event, the finish date, the same checks), never by editing the fields.
    readonly_fields = [
        "api_id",
        "created_at",
        "updated_at",
        "withdrawn_at",
        "withdrawal_reason",
        "deferred_at",
        "deferral_reason",
    ]
    inlines = [DeclarationInline]
    actions = ["withdraw", "defer", "resume"]

    @admin.action(description="Withdraw the selected training (for its lead provider)", permissions=["change"])
    def withdraw(self, request, queryset):
        return self._pause(request, queryset, "withdraw", withdraw_training, TrainingPeriod.WithdrawalReason.choices)

    @admin.action(description="Defer the selected training (for its lead provider)", permissions=["change"])
    def defer(self, request, queryset):
        return self._pause(request, queryset, "defer", defer_training, TrainingPeriod.DeferralReason.choices)

    def _pause(self, request, queryset, action, service, reasons):
        """Asks for the reason first (an intermediate page), then calls the API's own service for each period."""
        if request.POST.get("apply") != "yes":
            return TemplateResponse(
                request,
                "admin/ecf/trainingperiod/pause.html",
                {
                    **self.admin_site.each_context(request),
                    "title": f"{action.capitalize()} training",
                    "queryset": queryset.select_related(*TRAINING_PERIOD_RELATED),
                    "reasons": reasons,
                    "action": action,
                },
            )
        done = 0
        for period in queryset.select_related(*TRAINING_PERIOD_RELATED):
            at_school = at_school_period(period)
            if period.lead_provider is None:
                messages.error(request, f"{period}: school-led training has no lead provider.")
                continue
            try:
                service(
                    lead_provider=period.lead_provider,
                    teacher=at_school.teacher,
                    course_identifier=ECT if period.ect_at_school_period_id else MENTOR,
                    reason=request.POST.get("reason"),
                    author=Author.dfe_staff(request.user),
                )
                done += 1
            except DomainError as error:
                messages.error(request, f"{at_school.teacher}: {error.message}")
        if done:
            messages.success(request, f"{action.capitalize()}: {done} training period{'s' if done != 1 else ''}.")
        return None

    @admin.action(
        description="Resume the selected withdrawn or deferred training (for its lead provider)", permissions=["change"]
    )
    def resume(self, request, queryset):
        """Through the same service as the lead provider API's resume, so the rules and the events are the same;
        the author is the DfE staff user."""
        resumed = 0
        for period in queryset.select_related(*TRAINING_PERIOD_RELATED):
            at_school = at_school_period(period)
            lead_provider = period.lead_provider
            if lead_provider is None:
                messages.error(request, f"{period}: school-led training has no lead provider to resume with.")
                continue
            try:
                resume_training(
                    lead_provider=lead_provider,
                    teacher=at_school.teacher,
                    course_identifier=ECT if period.ect_at_school_period_id else MENTOR,
                    author=Author.dfe_staff(request.user),
                )
                resumed += 1
            except DomainError as error:
                messages.error(request, f"{at_school.teacher}: {error.message}")
        if resumed:
            messages.success(request, f"Resumed {resumed} training period{'s' if resumed != 1 else ''}.")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related(*TRAINING_PERIOD_RELATED)

    def event_links(self, obj, *, deleting=False):
        links = super().event_links(obj, deleting=deleting)
        if at_school := at_school_period(obj):
            links.setdefault("teacher_id", at_school.teacher_id)
            links.setdefault("school_id", at_school.school_id)
        return links

    @admin.display(ordering="ect_at_school_period__teacher__trs_last_name")
    def teacher(self, obj):
        return at_school_period(obj).teacher

    @admin.display()
    def trainee(self, obj):
        return "ECT" if obj.ect_at_school_period_id else "Mentor"

    @admin.display()
    def school(self, obj):
        return at_school_period(obj).school

    @admin.display(description="training status")
    def status(self, obj):
        return obj.status


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
    readonly_fields = ["api_id", "created_at", "updated_at"]
    date_hierarchy = "declaration_date"
    actions = ["void"]

    @admin.action(description="Void the selected declarations", permissions=["change"])
    def void(self, request, queryset):
        """Through the same service as the lead provider API: a mentor's voided `completed` reverts completion."""
        voided = 0
        for declaration in queryset:
            try:
                void_declaration(declaration, author=Author.dfe_staff(request.user))
                voided += 1
            except DomainError as error:
                messages.error(request, f"{declaration}: {error.message}")
        if voided:
            messages.success(request, f"Voided {voided} declaration{'s' if voided != 1 else ''}.")

    def event_links(self, obj, *, deleting=False):
        links = super().event_links(obj, deleting=deleting)
        if at_school := at_school_period(obj.training_period):
            links.setdefault("teacher_id", at_school.teacher_id)
            links.setdefault("school_id", at_school.school_id)
        return links

    def save_model(self, request, obj, form, change):
        with transaction.atomic():
            super().save_model(request, obj, form, change)
            if record_completed_mentor_declaration(obj, author=Author.dfe_staff(request.user)):
                messages.info(
                    request, f"{at_school_period(obj.training_period).teacher} has completed mentor training."
                )

    @admin.display()
    def teacher(self, obj):
        return at_school_period(obj.training_period).teacher

    @admin.display()
    def trainee(self, obj):
        return "ECT" if obj.training_period.ect_at_school_period_id else "Mentor"

    @admin.display()
    def lead_provider(self, obj):
        return obj.training_period.lead_provider
