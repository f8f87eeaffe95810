import uuid

from django.db import models


class Declaration(models.Model):
    """A lead provider's claim that training reached a milestone (started, retained, completed)."""

    class DeclarationType(models.TextChoices):
        STARTED = "started", "Started"
        RETAINED_1 = "retained-1", "Retained 1"
        RETAINED_2 = "retained-2", "Retained 2"
        RETAINED_3 = "retained-3", "Retained 3"
        RETAINED_4 = "retained-4", "Retained 4"
        COMPLETED = "completed", "Completed"
        EXTENDED_1 = "extended-1", "Extended 1"
        EXTENDED_2 = "extended-2", "Extended 2"
        EXTENDED_3 = "extended-3", "Extended 3"

    class State(models.TextChoices):
        SUBMITTED = "submitted", "Submitted"
        ELIGIBLE = "eligible", "Eligible"
        PAYABLE = "payable", "Payable"
        PAID = "paid", "Paid"
        VOIDED = "voided", "Voided"
        INELIGIBLE = "ineligible", "Ineligible"
        AWAITING_CLAWBACK = "awaiting_clawback", "Awaiting clawback"
        CLAWED_BACK = "clawed_back", "Clawed back"

    training_period = models.ForeignKey("ecf.TrainingPeriod", on_delete=models.PROTECT, related_name="declarations")
    declaration_type = models.CharField(max_length=20, choices=DeclarationType.choices)
    declaration_date = models.DateField()
    state = models.CharField(max_length=20, choices=State.choices, default=State.SUBMITTED)
    api_id = models.UUIDField("API id", default=uuid.uuid4, unique=True, editable=False)
    evidence_held = models.CharField(max_length=50, blank=True, help_text="What evidence the lead provider holds.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["declaration_date"]

    def __str__(self) -> str:
        return f"{self.get_declaration_type_display()} on {self.declaration_date}"
