"""Admin permissions are real: every action says what it needs, and view-only staff can run none of them.

Before, "Retry delivery" declared no permission, so the support user (view-only on emails) could re-send
an email. Django only checks an action's `allowed_permissions`; an action without them is open to anyone
who can see the list.
"""

import pytest
from django.contrib import admin
from django.contrib.auth.models import Permission, User
from django.urls import reverse

from ecf.management.commands.seed_demo_data import SUPPORT, SUPPORT_VIEW_ONLY, Command
from ecf.models import EmailMessage
from tests.factories import EmailMessageFactory

MODEL_ADMINS = sorted(admin.site._registry.items(), key=lambda item: item[0]._meta.label)
# (model label, action name) for every action of every registered model admin, site-wide ones included.
ACTIONS = [
    (model._meta.label, name)
    for model, model_admin in MODEL_ADMINS
    for _function, name, _description in model_admin._get_base_actions()
]


def action_function(label, name):
    model_admin = next(model_admin for model, model_admin in MODEL_ADMINS if model._meta.label == label)
    return next(function for function, action, _ in model_admin._get_base_actions() if action == name), model_admin


@pytest.fixture
def support_user(db):
    """support@example.com as seed_demo_data makes it: view and change on domain records, view-only on
    events, emails and users, no delete anywhere."""
    Command().seed_staff()
    return User.objects.get(username=SUPPORT[0])


def test_there_are_actions_to_check():
    assert ("ecf.EmailMessage", "retry_delivery") in ACTIONS


@pytest.mark.parametrize(("label", "name"), ACTIONS)
def test_every_admin_action_declares_the_permissions_it_needs(label, name):
    function, model_admin = action_function(label, name)

    permissions = getattr(function, "allowed_permissions", ())
    assert permissions, f"{label} action {name} declares no allowed_permissions"
    for permission in permissions:
        assert callable(getattr(model_admin, f"has_{permission}_permission", None))


@pytest.mark.parametrize(("label", "name"), ACTIONS)
def test_the_support_user_is_offered_an_action_only_with_every_permission_it_declares(rf, support_user, label, name):
    function, model_admin = action_function(label, name)
    request = rf.get("/admin/")
    request.user = support_user
    opts = model_admin.opts
    view_only = (opts.app_label, opts.model_name) in SUPPORT_VIEW_ONLY

    offered = name in model_admin.get_actions(request)

    if view_only or "delete" in function.allowed_permissions:  # support staff delete nothing
        assert not offered, f"view-only support staff are offered {name} on {label}"
    # Django's own permissions map onto the model's; what an offered action needs, support staff hold.
    for permission in set(function.allowed_permissions) & {"add", "change", "delete", "view"} if offered else ():
        assert support_user.has_perm(f"{opts.app_label}.{permission}_{opts.model_name}")


def test_the_support_user_cannot_retry_delivery_of_an_email(client, support_user):
    failed = EmailMessageFactory(status=EmailMessage.Status.FAILED, attempts=5, last_error="Notify was down")
    client.force_login(support_user)
    changelist = reverse("admin:ecf_emailmessage_changelist")

    assert client.get(changelist).status_code == 200  # they may look
    response = client.post(changelist, {"action": "retry_delivery", "_selected_action": [failed.pk]})

    assert response.status_code in (200, 302)
    failed.refresh_from_db()
    assert failed.status == EmailMessage.Status.FAILED
    assert failed.attempts == 5


def test_staff_who_may_change_emails_can_retry_delivery(client, support_user):
    support_user.user_permissions.add(Permission.objects.get(codename="change_emailmessage"))
    failed = EmailMessageFactory(status=EmailMessage.Status.FAILED, attempts=5, last_error="Notify was down")
    client.force_login(User.objects.get(pk=support_user.pk))

    client.post(
        reverse("admin:ecf_emailmessage_changelist"), {"action": "retry_delivery", "_selected_action": [failed.pk]}
    )

    failed.refresh_from_db()
    assert failed.status == EmailMessage.Status.SENT
