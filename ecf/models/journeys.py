import uuid

from django.db import models


class JourneyCompletion(models.Model):
    """A finished journey (register an ECT, register a mentor...), the record it is about, and what happened.

    Written in the same transaction as the record, with the journey id as primary key: a second submit
    of the same journey (double click, second tab, back button) blocks on the first and then finds this
    row, so it shows the same confirmation and creates nothing. The confirmation page reads `outcome` (what
    the service reported, e.g. whether mentor training started) rather than guess it from the data.
    """

    journey_id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    journey_name = models.CharField(max_length=50)
    record_id = models.BigIntegerField()
    outcome = models.JSONField(default=dict, blank=True)
    completed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-completed_at"]

    def __str__(self) -> str:
        return f"{self.journey_name} {self.journey_id}"
