"""The ECT record's one-page edits: name, email address and working pattern (journeys.md §1).

The name and email fields are the register journeys' (ecf.teachers.forms), so the messages are those of
journeys.md "Validation shared by the find steps", and NUL characters (which PostgreSQL cannot store in
text) get a GOV.UK message.
"""

from django.core.exceptions import ValidationError

from ecf.govuk.fields import TypedChoiceField
from ecf.govuk.forms import GovUKForm
from ecf.teachers.forms import EmailAddressField, NameField
from ects import services
from ects.models import ECTAtSchoolPeriod
from ects.registration import email_in_use_by_someone_else


def split_name(name: str) -> tuple[str, str]:
    """A display name as first and last name: the last word is the last name."""
    first, _, last = name.strip().rpartition(" ")
    return (first, last) if first else (last, "")


class ChangeNameForm(GovUKForm):
    # autocomplete off: the ECT's name, not the signed-in user's
    first_name = NameField("First name", autocomplete="off")
    last_name = NameField("Last name", autocomplete="off")

    def __init__(self, *args, period: ECTAtSchoolPeriod, **kwargs):
        teacher = period.teacher
        if teacher.corrected_name:
            first, last = split_name(teacher.corrected_name)
        else:
            first, last = teacher.trs_first_name, teacher.trs_last_name
        super().__init__(*args, initial={"first_name": first, "last_name": last}, **kwargs)

    @property
    def corrected_name(self) -> str:
        return " ".join(f"{self.cleaned_data['first_name']} {self.cleaned_data['last_name']}".split())

    def changes(self) -> dict:
        return {"corrected_name": self.corrected_name}


class ChangeEmailForm(GovUKForm):
    email = EmailAddressField(
        autocomplete="off",  # the ECT's email, not the signed-in user's
        classes="govuk-!-width-two-thirds",
        help_text=(
            "Make sure you use an email the ECT can access. Do not use a generic email like headteacher@school.com."
        ),
    )

    def __init__(self, *args, period: ECTAtSchoolPeriod, **kwargs):
        self.trn = period.teacher.trn
        super().__init__(*args, initial={"email": period.email}, **kwargs)
        self.fields["email"].label = f"What is {period.teacher.full_name}’s email address?"

    def clean_email(self) -> str:
        email = self.cleaned_data["email"]
        if email_in_use_by_someone_else(email, self.trn):
            raise ValidationError(services.EMAIL_IN_USE, code="in_use")
        return email

    def changes(self) -> dict:
        return {"email": self.cleaned_data["email"]}


class ChangeWorkingPatternForm(GovUKForm):
    working_pattern = TypedChoiceField(
        choices=ECTAtSchoolPeriod.WorkingPattern.choices,
        help_text="We’ll pass this information on so adjustments can be made to training if needed.",
        error_messages={
            "required": services.WORKING_PATTERN_REQUIRED,
            "invalid_choice": services.WORKING_PATTERN_REQUIRED,
        },
    )

    def __init__(self, *args, period: ECTAtSchoolPeriod, **kwargs):
        super().__init__(*args, initial={"working_pattern": period.working_pattern}, **kwargs)
        name = period.teacher.full_name
        self.fields["working_pattern"].label = f"Is {name}’s working pattern as an ECT full or part time?"

    def changes(self) -> dict:
        return {"working_pattern": self.cleaned_data["working_pattern"]}
