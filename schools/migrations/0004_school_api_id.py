"""Schools get an API id (the lead provider API's school_id): each existing school its own random UUID."""

import uuid

from django.db import migrations, models


def give_each_school_an_api_id(apps, schema_editor):
    School = apps.get_model("schools", "School")
    for school in School.objects.filter(api_id__isnull=True).only("pk"):
        School.objects.filter(pk=school.pk).update(api_id=uuid.uuid4())


class Migration(migrations.Migration):
    dependencies = [("schools", "0003_dfe_sign_in_account")]

    operations = [
        migrations.AddField(
            model_name="school", name="api_id", field=models.UUIDField(null=True, editable=False, verbose_name="API id")
        ),
        migrations.RunPython(give_each_school_an_api_id, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="school",
            name="api_id",
            field=models.UUIDField(default=uuid.uuid4, editable=False, unique=True, verbose_name="API id"),
        ),
    ]
