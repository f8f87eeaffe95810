"""1,000 requests / 5 minutes per token (here 3, by setting): then 429 with Retry-After, per token."""

import importlib

import pytest
from django.core.cache import caches
from django.db import connection

from ecf.events import Author
from ecf.training.api_tokens import create_api_token

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def small_limit(settings):
    settings.RATELIMIT_ENABLE = True  # tests/conftest.py turns the rate limits off for every other test
    settings.API_RATE_LIMIT = "3/5m"
    caches["ratelimit"].clear()
    yield
    caches["ratelimit"].clear()


def test_over_the_limit_a_token_gets_429_with_retry_after(api, lead_provider, client):
    assert [api.get("/participants").status_code for _ in range(3)] == [200, 200, 200]

    response = api.get("/participants")

    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 300
    assert response.json()["errors"][0]["title"] == "Too many requests"
    # Another token of the same provider has its own count.
    other = create_api_token(lead_provider=lead_provider, author=Author.system())[1]
    assert client.get("/api/v3/participants", HTTP_AUTHORIZATION=f"Bearer {other}").status_code == 200


def test_the_count_lives_in_the_database_shared_by_every_process(api):
    api.get("/participants")

    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM ecf_cache")
        assert cursor.fetchone()[0] == 1


def test_the_migration_creates_the_counts_table_on_a_fresh_database():
    """Deployments run only `migrate` (the test database also gets `createcachetable`, which would hide a gap)."""
    migration = importlib.import_module("ecf.migrations.0005_ratelimit_cache_table")
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE ecf_cache")
    with connection.schema_editor() as schema_editor:
        migration.create_cache_table(None, schema_editor)
    assert "ecf_cache" in connection.introspection.table_names()
