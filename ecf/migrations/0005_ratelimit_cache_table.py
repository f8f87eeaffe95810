"""The PostgreSQL table behind the "ratelimit" cache (settings.CACHES), which counts sign-in attempts.

Django creates cache tables with `createcachetable`, not with migrations; running it here means a
deployment that migrates needs no extra step. `createcachetable` skips a table that exists.
"""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [
        ("ecf", "0004_event_request_id"),
    ]

    operations = [
        migrations.RunPython(create_cache_table, migrations.RunPython.noop),
    ]
