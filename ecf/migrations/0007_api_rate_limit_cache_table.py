"""The database cache table the API's rate limit counts in (settings.CACHES["api-rate-limit"]).

Created by a migration so every deployment has it without a separate `createcachetable` step.
"""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    # Creates the table of every database cache in settings.CACHES that is missing (here "api-rate-limit").
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


def drop_cache_table(apps, schema_editor):
    schema_editor.execute("DROP TABLE IF EXISTS ecf_api_rate_limit")


class Migration(migrations.Migration):
    dependencies = [("ecf", "0006_events_move_teacher_api_updated_at")]

    operations = [migrations.RunPython(create_cache_table, drop_cache_table)]
