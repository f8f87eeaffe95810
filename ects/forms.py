"""The ECT record's one-page edits (docs/journeys/register-an-ect.md, "The ECT record"): the name and email
address are the teacher forms every record shares (`ecf.teachers.forms`); the working pattern is the ECT's own.
"""

from ecf.govuk.fields import TypedChoiceField
from ecf.govuk.forms import GovUKForm
from ecf.teachers.forms import ChangeEmailForm, ChangeNameForm
from ects import services
from ects.models import ECTAtSchoolPeriod

__all__ = ["ChangeEmailForm", "ChangeNameForm", "ChangeWorkingPatternForm"]


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
        self.period = period
        super().__init__(*args, initial={"working_pattern": period.working_pattern}, **kwargs)
        name = period.teacher.full_name
        self.fields["working_pattern"].label = f"Is {name}’s working pattern as an ECT full or part time?"

    def changes(self) -> dict:
        working_pattern = self.cleaned_data["working_pattern"]
        return {} if working_pattern == self.period.working_pattern else {"working_pattern": working_pattern}
