import uuid

from django.conf import settings
from django.db import models


class School(models.Model):
    """A school as Get Information About Schools (GIAS) describes it, identified by URN."""

    class Phase(models.TextChoices):
        NURSERY = "Nursery", "Nursery"
        PRIMARY = "Primary", "Primary"
        MIDDLE_DEEMED_PRIMARY = "Middle deemed primary", "Middle deemed primary"
        SECONDARY = "Secondary", "Secondary"
        MIDDLE_DEEMED_SECONDARY = "Middle deemed secondary", "Middle deemed secondary"
        SIXTEEN_PLUS = "16 plus", "16 plus"
        ALL_THROUGH = "All-through", "All-through"
        NOT_APPLICABLE = "Not applicable", "Not applicable"

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        CLOSED = "closed", "Closed"
        PROPOSED_TO_CLOSE = "proposed_to_close", "Open, but proposed to close"
        PROPOSED_TO_OPEN = "proposed_to_open", "Proposed to open"

    urn = models.PositiveIntegerField("URN", unique=True)
    api_id = models.UUIDField("API id", default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(max_length=200)
    phase = models.CharField(max_length=40, choices=Phase.choices)
    establishment_type = models.CharField(max_length=100)
    independent = models.BooleanField(
        default=False, help_text="Independent schools choose the Independent Schools Teacher Induction Panel."
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN)
    closed_on = models.DateField(null=True, blank=True)
    eligible = models.BooleanField(
        default=True,
        help_text="In England and of a type that can register early career teachers (GIAS decides: schools/gias/).",
    )
    local_authority = models.CharField(max_length=100, blank=True)
    address_line1 = models.CharField(max_length=200, blank=True)
    address_line2 = models.CharField(max_length=200, blank=True)
    town = models.CharField(max_length=100, blank=True)
    postcode = models.CharField(max_length=10, blank=True)

    # Remembered from the last registration, offered as "Programme choices used by your school previously".
    last_chosen_appropriate_body = models.ForeignKey(
        "ecf.AppropriateBody", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    last_chosen_training_programme = models.CharField(
        max_length=20, blank=True, choices=[("provider_led", "Provider-led"), ("school_led", "School-led")]
    )
    last_chosen_lead_provider = models.ForeignKey(
        "ecf.LeadProvider", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    users = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="schools",
        help_text="School users who may act for this school.",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.urn})"

    @property
    def can_register(self) -> bool:
        """Open (or open but proposed to close) and eligible: its users may register ECTs and mentors."""
        return self.eligible and self.status in {self.Status.OPEN, self.Status.PROPOSED_TO_CLOSE}

    @property
    def primary(self) -> bool:
        return self.phase in {self.Phase.PRIMARY, self.Phase.MIDDLE_DEEMED_PRIMARY, self.Phase.NURSERY}

    @property
    def secondary(self) -> bool:
        return self.phase in {self.Phase.SECONDARY, self.Phase.MIDDLE_DEEMED_SECONDARY, self.Phase.SIXTEEN_PLUS}


class DfESignInAccount(models.Model):
    """The DfE Sign-in account a school user signs in with. DfE Sign-in names a person by `sub` for good;
    their email address may change, so it is never what finds the user (OWASP ASVS 5.0, 10.5.2)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="dfe_sign_in_account")
    sub = models.CharField("DfE Sign-in user id (sub)", max_length=255, unique=True)
    last_signed_in_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "DfE Sign-in account"

    def __str__(self) -> str:
        return self.sub
