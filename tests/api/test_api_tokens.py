"""API tokens: shown once, stored as a SHA-256 only, listed and revoked in the admin, demo tokens for local use."""

import hashlib
import io
import re

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from ecf.models import APIToken, Event
from tests.factories import LeadProviderFactory

pytestmark = pytest.mark.django_db


def test_the_command_prints_a_token_once_and_stores_only_its_hash(client):
    provider = LeadProviderFactory(name="Teach First")
    out, err = io.StringIO(), io.StringIO()

    call_command("create_api_token", "--lead-provider", "Teach First", stdout=out, stderr=err)

    token = out.getvalue().strip()
    assert len(token) >= 43  # 32 random bytes, base64url
    stored = APIToken.objects.get()
    assert stored.lead_provider == provider
    assert stored.digest == hashlib.sha256(token.encode()).hexdigest()
    assert token not in str(list(APIToken.objects.values()))
    assert "shown only this once" in err.getvalue()
    assert client.get("/api/v3/participants", HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 200


def test_the_command_refuses_an_unknown_lead_provider(db):
    LeadProviderFactory(name="Teach First")
    with pytest.raises(
        CommandError, match=re.escape("No lead provider is called 'Nobody'. Lead providers: Teach First.")
    ):
        call_command("create_api_token", "--lead-provider", "Nobody", stdout=io.StringIO(), stderr=io.StringIO())


def test_staff_create_a_token_in_the_admin_and_see_it_once(admin_client):
    provider = LeadProviderFactory()
    response = admin_client.post(
        reverse("admin:ecf_apitoken_add"), {"lead_provider": provider.pk, "description": "Their client"}, follow=True
    )
    assert response.status_code == 200
    stored = APIToken.objects.get()
    [message] = [str(m) for m in response.context["messages"] if "shown only this once" in str(m)]
    token = message.split(": ", 1)[1].split(" .")[0]
    assert hashlib.sha256(token.encode()).hexdigest() == stored.digest
    assert Event.objects.filter(event_type="api_token_created", author_type="dfe_staff").exists()

    listing = admin_client.get(reverse("admin:ecf_apitoken_changelist")).content.decode()
    assert token not in listing
    assert stored.digest not in listing
    assert (
        stored.digest not in admin_client.get(reverse("admin:ecf_apitoken_change", args=[stored.pk])).content.decode()
    )


def test_staff_revoke_a_token_and_it_stops_working(admin_client, client, api, lead_provider):
    stored = lead_provider.api_tokens.get()
    admin_client.post(
        reverse("admin:ecf_apitoken_changelist"), {"action": "revoke", "_selected_action": [stored.pk]}, follow=True
    )
    stored.refresh_from_db()
    assert stored.revoked
    assert api.get("/participants").status_code == 401
    assert Event.objects.filter(event_type="api_token_revoked").exists()


def test_demo_data_gives_each_lead_provider_a_printed_local_token(client):
    out = io.StringIO()
    call_command("seed_demo_data", stdout=out)
    printed = out.getvalue()
    token = "local-demo-token-ambition-institute"
    assert f"Ambition Institute: {token}" in printed
    response = client.get("/api/v3/participants", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 200
    assert response.json()["data"], "the demo lead provider trains demo ECTs"
