from django import forms

from ecf.govuk.forms import GovUKForm


class ChooseSchoolForm(GovUKForm):
    school = forms.ModelChoiceField(
        queryset=None,
        widget=forms.RadioSelect,
        label="Which school are you signing in for?",
        error_messages={
            "required": "Select the school you are signing in for",
            "invalid_choice": "Select the school you are signing in for",
        },
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["school"].queryset = user.schools.order_by("name")
