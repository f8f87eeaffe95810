"""Lead provider API tokens: support staff list them (never the token), create one (shown once) and revoke."""

from django.contrib import admin, messages

from ecf.admin.base import SafeChangelistMixin, VisibleTextAdminMixin
from ecf.errors import DomainError
from ecf.events import Author
from ecf.models import APIToken
from ecf.training.api_tokens import create_api_token, revoke_api_token


@admin.register(APIToken)
class APITokenAdmin(VisibleTextAdminMixin, SafeChangelistMixin, admin.ModelAdmin):
    list_display = ["lead_provider", "description", "created_at", "last_used_at", "revoked_at"]
    list_filter = ["lead_provider", ("revoked_at", admin.EmptyFieldListFilter)]
    list_select_related = ["lead_provider"]
    search_fields = ["lead_provider__name", "description"]
    fields = ["lead_provider", "description", "created_at", "last_used_at", "revoked_at"]
    actions = ["revoke"]

    def get_readonly_fields(self, request, obj=None):
        # A token is created, then only revoked: nothing about it changes through a form.
        if obj is None:
            return ["created_at", "last_used_at", "revoked_at"]
        return self.fields

    def has_delete_permission(self, request, obj=None):
        return False  # revoked tokens stay, so events and support can still name them

    def save_model(self, request, obj, form, change):
        if change:
            return
        api_token, token = create_api_token(
            lead_provider=form.cleaned_data["lead_provider"],
            description=form.cleaned_data["description"],
            author=Author.dfe_staff(request.user),
        )
        obj.pk, obj.created_at = api_token.pk, api_token.created_at
        messages.warning(
            request,
            f"API token for {api_token.lead_provider}: {token} . Copy it now: it is shown only this once.",
        )

    @admin.action(description="Revoke the selected API tokens", permissions=["change"])
    def revoke(self, request, queryset):
        revoked = 0
        for api_token in queryset:
            try:
                revoke_api_token(api_token, author=Author.dfe_staff(request.user))
                revoked += 1
            except DomainError as error:
                messages.error(request, f"{api_token}: {error.message}")
        if revoked:
            messages.success(request, f"Revoked {revoked} API token{'s' if revoked != 1 else ''}.")
