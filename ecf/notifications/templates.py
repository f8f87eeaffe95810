"""The emails this service sends, one GOV.UK Notify template each.

The wording lives in Notify (see the description for what each says); this registry names the
personalisation each template needs so that a missing value fails in tests, not in Notify.
"""

import dataclasses
import uuid

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


@dataclasses.dataclass(frozen=True, kw_only=True)
class NotifyTemplate:
    name: str
    subject: str
    description: str
    required_personalisation: frozenset[str]

    @property
    def id(self) -> str:
        """The Notify template id: NOTIFY_TEMPLATE_<NAME> in production, a stable made-up id elsewhere."""
        template_id = settings.NOTIFY_TEMPLATE_IDS.get(self.name)
        if template_id:
            return template_id
        if settings.PRODUCTION:
            raise ImproperlyConfigured(
                f"Set NOTIFY_TEMPLATE_{self.name.upper()} (and add it to NOTIFY_TEMPLATE_NAMES)."
            )
        return str(uuid.uuid5(uuid.NAMESPACE_URL, f"local-notify-template:{self.name}"))


_ALL = (
    NotifyTemplate(
        name="ect_registered_provider_led",
        subject="You’ve been registered for early career teacher training and support",
        description=(
            "To the ECT. “((school_name)) has registered you for a training programme for early career "
            "teachers (ECTs).” “Your school is using a training provider for this programme. The provider "
            "will contact you directly with more information and access to training materials.” Links to "
            "ECT guidance and the privacy notice; signed Teacher Continuing Professional Development, "
            "Department for Education."
        ),
        required_personalisation=frozenset({"ect_name", "school_name"}),
    ),
    NotifyTemplate(
        name="ect_registered_school_led",
        subject="You’ve been registered for early career teacher training and support",
        description=(
            "To the ECT. “((school_name)) has registered you for a training programme for early career "
            "teachers (ECTs).” “Your school is designing and delivering its own training programme (we call "
            "this ‘school-led’).” Links to ECT guidance and the privacy notice; same signature."
        ),
        required_personalisation=frozenset({"ect_name", "school_name"}),
    ),
    NotifyTemplate(
        # DfE's service sends mentors one email whatever the ECT's training programme
        # (https://github.com/DFE-Digital/register-early-career-teachers-public).
        name="mentor_registered",
        subject="You’ve been registered as a mentor for early career teachers at ((school_name))",
        description=(
            "To the mentor: they have been registered as a mentor for early career teachers at "
            "((school_name)) and might get up to 20 hours of mentor training."
        ),
        required_personalisation=frozenset({"mentor_name", "school_name"}),
    ),
    NotifyTemplate(
        # A removed mentor is told, so a mistake can be reported (docs/journeys/leaving.md).
        name="mentor_removed",
        subject="You’ve been removed as a mentor at ((school_name))",
        description=(
            "To the mentor: ((school_name)) has told us that after ((last_day)) you will no longer be a mentor for "
            "early career teachers there (they have left or are leaving the school, or will no longer mentor). "
            "“If you think this is a mistake, contact ((school_name)).” Same signature."
        ),
        required_personalisation=frozenset({"mentor_name", "school_name", "last_day"}),
    ),
)
TEMPLATES: dict[str, NotifyTemplate] = {template.name: template for template in _ALL}


def check_personalisation(*, template: str, personalisation: dict[str, object]) -> NotifyTemplate:
    """The template, or ValueError when it is unknown or a personalisation value is missing."""
    try:
        notify_template = TEMPLATES[template]
    except KeyError:
        raise ValueError(f"Unknown email template {template!r}; add it to ecf.notifications.TEMPLATES.") from None
    missing = sorted(notify_template.required_personalisation - personalisation.keys())
    if missing:
        raise ValueError(f"Email {template!r} needs personalisation {', '.join(missing)}.")
    return notify_template
