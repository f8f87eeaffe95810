"""What every admin page shares: the audit on save and delete, periods that cannot be deleted, filters."""

import datetime

from django.contrib import admin
from django.core.exceptions import BadRequest, ValidationError
from django.db import DataError, models, transaction
from django.db.models import Q
from django.db.models.constants import LOOKUP_SEP

from ecf.events import Author, jsonable, record_event
from ecf.govuk.text import HiddenCharactersValidator
from ecf.models import ContractPeriod, Event, TrainingPeriod

# The records an Event can point at, by the name of its foreign key: {"teacher": Teacher, ...}.
EVENT_LINKS = {
    field.name: field.related_model
    for field in Event._meta.get_fields()
    if field.many_to_one and field.name != "author_user"
}


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
            before = {name: jsonable(_model_value(original, name)) for name in changed}
        super().save_model(request, obj, form, change)
        after = {
            name: jsonable(form.cleaned_data[name] if name in form.cleaned_data else _model_value(obj, name))
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


class SafeChangelistMixin:
    """A hand-written query string on a changelist is a 400, never a 500.

    The admin accepts any lookup on a model's own fields from the URL (`?trn__regex=(`), and values go
    to PostgreSQL as they come (`?event_type=%00`). Regular expressions are refused outright (a bad one
    is an error and a slow one ties up the database); a NUL byte (in a filter, a search or an autocomplete
    term), or any value PostgreSQL or a field rejects, turns into BadRequest, which Django answers with
    the service's 400 page. Every registered model admin uses this mixin (tests/views/
    test_admin_hostile_lookups.py checks).
    """

    refused_lookups = frozenset({"regex", "iregex"})

    def lookup_allowed(self, lookup, value, request=None):
        if lookup.split(LOOKUP_SEP)[-1] in self.refused_lookups:
            return False  # Django raises DisallowedModelAdminLookup: a 400
        return super().lookup_allowed(lookup, value, request)

    def get_search_results(self, request, queryset, search_term):
        # The changelist's ?q= and the admin's autocomplete (?term=, for another model's form) both search here.
        if "\x00" in search_term:
            raise BadRequest("A NUL character in the search.")
        return super().get_search_results(request, queryset, search_term)

    def changelist_view(self, request, extra_context=None):
        if request.method not in ("GET", "HEAD"):  # actions: left to Django and their own transactions
            return super().changelist_view(request, extra_context)
        if any("\x00" in key or "\x00" in value for key, values in request.GET.lists() for value in values):
            raise BadRequest("A NUL character in the query string.")
        try:
            # A savepoint, so a refused query leaves the request's connection usable for the 400 page.
            with transaction.atomic():
                response = super().changelist_view(request, extra_context)
                if hasattr(response, "render"):
                    response.render()  # the page's queries run here, inside the try
        except (DataError, OverflowError, ValueError, ValidationError) as error:  # OverflowError: ?x__year=9999999999
            raise BadRequest("The list's filters or search are not valid.") from error
        return response


class VisibleTextAdminMixin:
    """Text typed by staff follows the service's rule (ecf/govuk/text.py): no control, format or bidi
    characters, so a name changed in the admin cannot be invisible or reversed either."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if isinstance(db_field, models.CharField | models.TextField) and formfield is not None:
            formfield.validators.append(HiddenCharactersValidator(multiline=isinstance(db_field, models.TextField)))
        return formfield


class AuditedModelAdmin(VisibleTextAdminMixin, SafeChangelistMixin, AuditedAdminMixin, admin.ModelAdmin):
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


def at_school_period(training_period):
    return training_period.ect_at_school_period or training_period.mentor_at_school_period


class AtSchoolTrainingContractPeriodFilter(TrainingContractPeriodFilter):
    """For ECT and mentor periods: the contract period of any of their training periods."""

    path = "training_periods__"


class TrainingPeriodInline(ReadOnlyInline):
    """An at-school period's training periods; subclasses name the foreign key (`fk_name`)."""

    model = TrainingPeriod
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
