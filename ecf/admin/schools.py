"""Schools (GIAS data) and their users, for DfE support staff."""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin as DjangoGroupAdmin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.models import Group

from ecf.admin.base import AuditedModelAdmin, SafeChangelistMixin, VisibleTextAdminMixin
from schools.models import DfESignInAccount, School

User = get_user_model()


@admin.register(School)
class SchoolAdmin(AuditedModelAdmin):
    list_display = ["name", "urn", "phase", "establishment_type", "status", "local_authority", "postcode"]
    list_filter = ["phase", "status", "eligible", "independent", "establishment_type", "local_authority"]
    search_fields = ["name", "=urn", "postcode"]
    autocomplete_fields = ["users", "last_chosen_appropriate_body", "last_chosen_lead_provider"]
    list_select_related = []
    fieldsets = [
        # From GIAS (manage.py import_gias): the next import overwrites changes made here.
        (
            None,
            {
                "fields": [
                    "urn",
                    "name",
                    "phase",
                    "establishment_type",
                    "independent",
                    "status",
                    "closed_on",
                    "eligible",
                ]
            },
        ),
        ("Address", {"fields": ["local_authority", "address_line1", "address_line2", "town", "postcode"]}),
        (
            "Programme choices used by the school previously",
            {
                "fields": [
                    "last_chosen_appropriate_body",
                    "last_chosen_training_programme",
                    "last_chosen_lead_provider",
                ]
            },
        ),
        ("School users", {"fields": ["users"]}),
    ]


class SchoolMembershipInline(admin.TabularInline):
    """The schools a user may act for."""

    model = School.users.through
    extra = 0
    autocomplete_fields = ["school"]
    verbose_name = "school"
    verbose_name_plural = "schools this user may act for"


class DfESignInAccountInline(admin.StackedInline):
    """The DfE Sign-in account a school user signs in with; written only by signing in, so read-only."""

    model = DfESignInAccount
    extra = 0
    can_delete = False
    readonly_fields = ["sub", "last_signed_in_at"]
    fields = readonly_fields

    def has_add_permission(self, request, obj=None):
        return False


class HasSchoolsFilter(admin.SimpleListFilter):
    title = "school user"
    parameter_name = "school_user"

    def lookups(self, request, model_admin):
        return [("yes", "Acts for a school"), ("no", "No school")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(schools__isnull=False).distinct()
        if self.value() == "no":
            return queryset.filter(schools__isnull=True)
        return queryset


admin.site.unregister(User)
admin.site.unregister(Group)


@admin.register(Group)
class GroupAdmin(SafeChangelistMixin, DjangoGroupAdmin):
    """Django's, with hand-written query strings answered by a 400 rather than a 500."""


@admin.register(User)
class UserAdmin(VisibleTextAdminMixin, SafeChangelistMixin, DjangoUserAdmin):
    list_display = ["username", "email", "first_name", "last_name", "is_staff", "school_names"]
    list_filter = [HasSchoolsFilter, *DjangoUserAdmin.list_filter]
    inlines = [SchoolMembershipInline, DfESignInAccountInline]
    search_fields = [*DjangoUserAdmin.search_fields, "=dfe_sign_in_account__sub"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("schools")

    @admin.display(description="schools")
    def school_names(self, obj):
        return ", ".join(school.name for school in obj.schools.all()) or "-"
