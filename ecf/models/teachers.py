import uuid

from django.db import models
from django.db.models import CharField, F, Func
from django.utils import timezone

# The name the service shows for a teacher: the name the school gave when TRS's was wrong or out of date,
# else TRS's first and last name. `display_name` is the rule in Python; DISPLAY_NAME_SQL the same rule in SQL,
# for queries that sort, search or show names without loading teachers (a test keeps the two in step).
DISPLAY_NAME_SQL = "COALESCE(NULLIF({corrected_name}, ''), {first_name} || ' ' || {last_name})"
NAME_COLUMNS = {"first_name": "trs_first_name", "last_name": "trs_last_name", "corrected_name": "corrected_name"}


def display_name(*, corrected_name: str, first_name: str, last_name: str) -> str:
    return corrected_name or f"{first_name} {last_name}"


def name_sql(sql: str, table: str) -> str:
    """`sql` (over {first_name}, {last_name} and {corrected_name}) for the teacher row `table` of a raw query."""
    return sql.format(**{part: f"{table}.{column}" for part, column in NAME_COLUMNS.items()})


class NameSQL(Func):
    """`sql` (over {first_name}, {last_name} and {corrected_name}) in the ORM, for the teacher reached through
    `prefix`: `NameSQL(DISPLAY_NAME_SQL, "teacher__")` is the display name of each row's teacher."""

    output_field = CharField()

    def __init__(self, sql: str, prefix: str = ""):
        self.name_sql = sql
        super().__init__(*(F(f"{prefix}{column}") for column in NAME_COLUMNS.values()))

    def as_sql(self, compiler, connection, **extra_context):
        columns = {}
        for part, expression in zip(NAME_COLUMNS, self.get_source_expressions(), strict=True):
            columns[part], params = compiler.compile(expression)
            assert not params, "a teacher's name columns take no parameters"
        return self.name_sql.format(**columns), []


def display_name_expression(prefix: str = "") -> NameSQL:
    """The display name in the ORM, of the teacher reached through `prefix` (e.g. "mentor__teacher__")."""
    return NameSQL(DISPLAY_NAME_SQL, prefix)


class Teacher(models.Model):
    """A teacher as the Teaching Record System knows them, identified by TRN.

    Never holds a date of birth or National Insurance number: those are used once, to find the
    teacher, and stay in the journey's session.
    """

    class MentorTrainingCompletionReason(models.TextChoices):
        COMPLETED_DECLARATION_RECEIVED = "completed_declaration_received", "Completion declaration received"
        COMPLETED_DURING_EARLY_ROLL_OUT = "completed_during_early_roll_out", "Completed during early roll-out"
        STARTED_NOT_COMPLETED = "started_not_completed", "Started but not completed"

    trn = models.CharField("TRN", max_length=7, unique=True)
    trs_first_name = models.CharField("first name (TRS)", max_length=200)
    trs_last_name = models.CharField("last name (TRS)", max_length=200)
    corrected_name = models.CharField(
        max_length=400, blank=True, help_text="The name the school gave when TRS's name was wrong or out of date."
    )
    trs_induction_status = models.CharField("induction status (TRS)", max_length=50, blank=True)
    trs_qts_awarded_on = models.DateField("QTS awarded on (TRS)", null=True, blank=True)
    trs_qualifications = models.CharField("qualifications (TRS)", max_length=500, blank=True)
    mentor_training_completed_on = models.DateField(null=True, blank=True)
    mentor_training_completion_reason = models.CharField(
        max_length=50, choices=MentorTrainingCompletionReason.choices, blank=True
    )
    api_id = models.UUIDField("API id", default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    api_updated_at = models.DateTimeField(
        "updated at (API)",
        default=timezone.now,
        db_index=True,
        help_text="When anything about this teacher's registration or training last changed (the API's updated_at).",
    )

    class Meta:
        ordering = ["trs_last_name", "trs_first_name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(trn__regex=r"^[0-9]{7}\Z"),
                name="teacher_trn_is_7_digits",
                violation_error_message="A teacher reference number is 7 digits.",
            ),
            models.CheckConstraint(
                condition=models.Q(mentor_training_completed_on__isnull=True, mentor_training_completion_reason="")
                | (
                    models.Q(mentor_training_completed_on__isnull=False)
                    & ~models.Q(mentor_training_completion_reason="")
                ),
                name="teacher_mentor_training_completion_has_date_and_reason",
                violation_error_message="Mentor training completion needs both a date and a reason.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.full_name} ({self.trn})"

    @property
    def full_name(self) -> str:
        return display_name(
            corrected_name=self.corrected_name, first_name=self.trs_first_name, last_name=self.trs_last_name
        )

    @property
    def mentor_training_completed(self) -> bool:
        return self.mentor_training_completed_on is not None
