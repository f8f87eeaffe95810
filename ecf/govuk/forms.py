"""Base forms for GOV.UK pages.

    class EmailForm(GovUKForm):
        email = EmailField(label="Email address", error_messages={"required": "Enter the ECT's email address"})

Every field of a GovUKForm renders through the bridge (`{{ form.email.as_field_group() }}`, or `{{ form }}`),
text is stripped (Django's CharField default, kept), browsers' own validation is off, and every required
field must carry its own `required` message: building a form without one raises ImproperlyConfigured, so
the first test that touches the form fails instead of a user reading "This field is required.".
"""

from django import forms
from django.core.exceptions import ImproperlyConfigured

from ecf.govuk.bound_field import GovUKBoundField
from ecf.govuk.fields import DateField
from ecf.govuk.rendering import govuk_renderer

DJANGO_REQUIRED_MESSAGE = str(forms.Field.default_error_messages["required"])


def missing_error_messages(form: forms.BaseForm) -> list[str]:
    """What a form lacks: a `required` message on each required field, and `invalid` on each DateField
    (which has no default)."""
    problems = []
    for name, field in form.fields.items():
        messages = field.error_messages
        if field.required and str(messages.get("required") or DJANGO_REQUIRED_MESSAGE) == DJANGO_REQUIRED_MESSAGE:
            problems.append(f"{name}: required")
        if isinstance(field, DateField) and not messages.get("invalid"):
            problems.append(f"{name}: invalid")
    return problems


class GovUKForm(forms.Form):
    bound_field_class = GovUKBoundField
    default_renderer = govuk_renderer
    template_name = "govuk/form.html"
    use_required_attribute = False  # GOV.UK: our messages, not the browser's

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if problems := missing_error_messages(self):
            raise ImproperlyConfigured(
                f"{type(self).__name__} needs GOV.UK error messages (error_messages=…) for: {', '.join(problems)}"
            )

    @property
    def revealed_fields(self) -> dict[str, tuple[str, str]]:
        """{revealed field name: (radios or checkboxes field name, option value)} from the `reveal` options."""
        revealed = {}
        for name, field in self.fields.items():
            for value, names in (getattr(field, "govuk", {}).get("reveal") or {}).items():
                for revealed_name in names:
                    revealed[revealed_name] = (name, str(value))
        return revealed

    @property
    def revealed_field_names(self) -> set[str]:
        return set(self.revealed_fields)

    def _clean_fields(self):
        """A field revealed under an option counts only when that option is chosen: otherwise its errors
        are dropped and its value is None, so `required` on it means "required when revealed"."""
        super()._clean_fields()
        for name, (chooser, value) in self.revealed_fields.items():
            data = self[chooser].data
            if value not in ({str(item) for item in data} if isinstance(data, list | tuple) else {str(data)}):
                self._errors.pop(name, None)
                self.cleaned_data[name] = None
