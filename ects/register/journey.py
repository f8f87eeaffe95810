"""Register an ECT: `/school/register-ect/<journey id>/<step>` (docs/journeys/register-an-ect.md).

The shape of every journey, and the one to copy:

1. Step names: each is a URL segment, and names the step's template in templates/ects/register/ (a question
   without one gets the default question page).
2. Routing: pure functions `answers -> next step`, reading what was answered and the facts the forms worked out
   while validating (ects/register/forms.py). Dead ends have no next step.
3. What each step's form is given (`form_kwargs`) and each page shows (`page_context`), read from the answers.
4. `complete`: every answer has just been validated again (`Submission.cleaned`); call the one service.
5. The confirmation, loaded through the school; and the declaration that ties it together.
6. Its URLs: `journey_urls(REGISTER_ECT, access=school_user_required)` in ects/urls.py.

The find-a-teacher steps (find, National Insurance number, not found, "Check ECT details", email) come from
`ecf.teachers.find`: this journey declares only its differences.
"""

from __future__ import annotations

import datetime

from django.http import Http404
from django.urls import reverse

from ecf.events import Author
from ecf.govuk.filters import govuk_date
from ecf.journeys import Answers, Journey, JourneyContext, Outcome, Step, Submission, to
from ecf.models import TrainingPeriod
from ecf.teachers.find import EMAIL, FindTeacher
from ecf.training.queries import lead_providers_active_on
from ects import queries
from ects.models import ECTAtSchoolPeriod
from ects.register.forms import (
    PROVIDER_LED,
    YES,
    AppropriateBodyForm,
    LeadProviderForm,
    StartDateForm,
    TrainingProgrammeForm,
    UsePreviousChoicesForm,
    WorkingPatternForm,
)
from ects.services import register_ect

WHAT_YOU_WILL_NEED = "what-you-will-need"
FIND = "find-ect"
ALREADY_ACTIVE_AT_SCHOOL = "already-active-at-school"
INDUCTION_COMPLETED = "induction-completed"
INDUCTION_EXEMPT = "induction-exempt"
INDUCTION_FAILED = "induction-failed"
CANNOT_REGISTER = "cannot-register-ect"
REVIEW_DETAILS = "review-ect-details"
REGISTERED_BEFORE = "registered-before"
START_DATE = "start-date"
CANNOT_REGISTER_YET = "cannot-register-ect-yet"
WORKING_PATTERN = "working-pattern"
USE_PREVIOUS_CHOICES = "use-previous-ect-choices"
APPROPRIATE_BODY = "appropriate-body"
TRAINING_PROGRAMME = "training-programme"
LEAD_PROVIDER = "lead-provider"
CHECK_ANSWERS = "check-answers"

# Routing (pure) -----------------------------------------------------------------------------------------------


def dead_end(teacher: dict) -> str | None:
    """Once TRS has identified the teacher, the reasons they cannot be registered, in the order of DfE's service
    (docs/journeys/register-an-ect.md)."""
    if teacher.get("already_at_school"):
        return ALREADY_ACTIVE_AT_SCHOOL
    if teacher.get("induction_passed"):
        return INDUCTION_COMPLETED
    if teacher.get("induction_exempt"):
        return INDUCTION_EXEMPT
    if teacher.get("induction_failed"):  # failed in Wales counts as failed
        return INDUCTION_FAILED
    if teacher.get("prohibited"):
        return CANNOT_REGISTER
    return None


def after_review(answers: Answers) -> str:
    return REGISTERED_BEFORE if FIND_ECT.identified_teacher(answers).get("registered_before") else EMAIL


def after_start_date(answers: Answers) -> str:
    facts = answers.facts(START_DATE)
    if facts.get("contract_period") is None:
        return CANNOT_REGISTER_YET
    if not facts.get("registration_open") and not facts.get("in_the_past"):
        return CANNOT_REGISTER_YET
    return WORKING_PATTERN


def after_working_pattern(answers: Answers) -> str:
    return USE_PREVIOUS_CHOICES if answers.fact(START_DATE, "reusable_choices") else APPROPRIATE_BODY


def after_use_previous_choices(answers: Answers) -> str:
    return CHECK_ANSWERS if reusing_previous_choices(answers) else APPROPRIATE_BODY


def after_training_programme(answers: Answers) -> str:
    return LEAD_PROVIDER if answers.value(TRAINING_PROGRAMME, "training_programme") == PROVIDER_LED else CHECK_ANSWERS


def ect_facts(context: JourneyContext, requested_trn: str, teacher) -> dict:
    """What the routing needs once TRS has identified the teacher (nothing before)."""
    if teacher is None:
        return {}
    return {
        "already_at_school": queries.open_ect_period_at_school(context.school, teacher.trn),
        "registered_before": queries.previous_ect_period(teacher.trn) is not None,
    }


FIND_ECT = FindTeacher(
    role="ECT",
    find_step=FIND,
    review_step=REVIEW_DETAILS,
    facts_about=ect_facts,
    dead_end=dead_end,
    after_review=after_review,
    after_email=to(START_DATE),
)

# What the answers say (pure) ----------------------------------------------------------------------------------

WORKING_PATTERNS = dict(ECTAtSchoolPeriod.WorkingPattern.choices)
PROGRAMMES = dict(TrainingPeriod.Programme.choices)


def start_date(answers: Answers) -> datetime.date | None:
    value = answers.fact(START_DATE, "started_on")
    return datetime.date.fromisoformat(value) if value else None


def reusing_previous_choices(answers: Answers) -> bool:
    return USE_PREVIOUS_CHOICES in answers and answers.value(USE_PREVIOUS_CHOICES, "use_previous") == YES


def check_answers_rows(answers: Answers) -> dict:
    """What check your answers shows, from the stored facts (no queries)."""
    reused = reusing_previous_choices(answers)
    previous = answers.facts(USE_PREVIOUS_CHOICES) if reused else {}
    programme = (
        previous.get("training_programme") if reused else answers.value(TRAINING_PROGRAMME, "training_programme")
    )
    started_on = start_date(answers)
    return {
        "name": FIND_ECT.teacher_name(answers),
        "trn": FIND_ECT.trn(answers),
        "email": FIND_ECT.email(answers),
        "started_on": govuk_date(started_on) if started_on else "",
        "working_pattern": WORKING_PATTERNS.get(answers.value(WORKING_PATTERN, "working_pattern"), ""),
        "offered_previous_choices": USE_PREVIOUS_CHOICES in answers,
        "reused_previous_choices": reused,
        "appropriate_body": previous.get("appropriate_body_name")
        if reused
        else answers.fact(APPROPRIATE_BODY, "appropriate_body_name", ""),
        "provider_led": programme == PROVIDER_LED,
        "training_programme": PROGRAMMES.get(programme, ""),
        "lead_provider": previous.get("lead_provider_name")
        if reused
        else answers.fact(LEAD_PROVIDER, "lead_provider_name", ""),
        "delivery_partner": previous.get("delivery_partner_name", "") if reused else "",
    }


# What each form is given, and each page shows -----------------------------------------------------------------


def named(context: JourneyContext) -> dict:
    return {"ect_name": FIND_ECT.teacher_name(context.answers)}


def start_date_form_kwargs(context: JourneyContext) -> dict:
    teacher = FIND_ECT.identified_teacher(context.answers)
    return {
        **named(context),
        "school": context.school,
        "trn": teacher.get("trn", ""),
        "registered_before": bool(teacher.get("registered_before")),
    }


def with_start_date(context: JourneyContext) -> dict:
    return {**named(context), "school": context.school, "started_on": start_date(context.answers)}


def lead_provider_form_kwargs(context: JourneyContext) -> dict:
    started_on = start_date(context.answers)
    return {"lead_providers": list(lead_providers_active_on(started_on)) if started_on else []}


def journey_page(context: JourneyContext) -> dict:
    return {**named(context), "start_url": reverse("ects:register-ect-start"), "list_url": reverse("ects:list")}


def row(key: str, value: str) -> dict:
    return {"key": {"text": key}, "value": {"text": value}}


def registered_before_page(context: JourneyContext) -> dict:
    """ "{ect} has been registered before": their latest ECT period, at any school."""
    previous = queries.previous_ect_period(FIND_ECT.trn(context.answers))
    if previous is None:
        return {"previous_rows": []}
    training = previous.latest_training_period
    not_confirmed = "Not confirmed"
    rows = [
        row("School name", previous.school.name),
        row("Induction start date", govuk_date(previous.started_on)),
        row("Appropriate body", previous.appropriate_body.name if previous.appropriate_body else not_confirmed),
        row("Training programme", training.get_training_programme_display() if training else not_confirmed),
    ]
    if training and training.provider_led:
        lead_provider, delivery_partner = training.lead_provider, training.delivery_partner
        rows.append(row("Lead provider", lead_provider.name if lead_provider else not_confirmed))
        rows.append(row("Delivery partner", delivery_partner.name if delivery_partner else not_confirmed))
    return {"previous_rows": rows}


def cannot_register_yet_page(context: JourneyContext) -> dict:
    return {"academic_year": context.answers.fact(START_DATE, "academic_year", "")}


def previous_choices_page(context: JourneyContext) -> dict:
    """ "Programme choices used by your school previously", and who will confirm the delivery partner."""
    started_on = start_date(context.answers)
    choices = queries.reusable_programme_choices(context.school, started_on) if started_on else None
    if choices is None:
        return {"previous_rows": [], "previous_note": ""}
    programme = PROGRAMMES[choices["training_programme"]]
    rows = [row("Appropriate body", choices["appropriate_body"].name), row("Training programme", programme)]
    note = ""
    if lead_provider := choices["lead_provider"]:
        rows.append(row("Lead provider", lead_provider.name))
        if choices["delivery_partner"]:
            rows.append(row("Delivery partner", choices["delivery_partner"].name))
        else:
            note = (
                f"{lead_provider.name} will confirm if they’ll be working with your school and which "
                "delivery partner will deliver training events."
            )
    return {"previous_rows": rows, "previous_note": note}


def check_answers_page(context: JourneyContext) -> dict:
    return {
        "check": check_answers_rows(context.answers),
        "restart_url": f"{reverse('ects:register-ect-start')}?restart=1",
    }


# Completing ---------------------------------------------------------------------------------------------------


def complete(submission: Submission) -> Outcome:
    answers, cleaned = submission.answers, submission.cleaned
    if reusing_previous_choices(answers):
        choices = cleaned[USE_PREVIOUS_CHOICES]["choices"]
        appropriate_body = choices["appropriate_body"]
        training_programme = choices["training_programme"]
        lead_provider = choices["lead_provider"]
    else:
        appropriate_body = cleaned[APPROPRIATE_BODY]["appropriate_body"]
        training_programme = cleaned[TRAINING_PROGRAMME]["training_programme"]
        lead_provider = cleaned[LEAD_PROVIDER]["lead_provider"] if training_programme == PROVIDER_LED else None
    ect_period = register_ect(
        school=submission.school,
        author=Author.school_user(submission.user),
        **FIND_ECT.registration(answers).as_kwargs(),
        email=cleaned[EMAIL]["email"],
        started_on=cleaned[START_DATE]["started_on"],
        working_pattern=cleaned[WORKING_PATTERN]["working_pattern"],
        appropriate_body=appropriate_body,
        training_programme=training_programme,
        lead_provider=lead_provider,
    )
    return Outcome(ect_period.pk)


def confirmation_context(school, completion) -> dict:
    """Loaded through the school: another school's record is a 404."""
    period = school.ect_periods.select_related("teacher").filter(pk=completion.record_id).first()
    if period is None:
        raise Http404("No such ECT at this school")
    return {
        "title": "ECT details saved",
        "ect_name": period.teacher.full_name,
        "assign_mentor_url": reverse("mentors:assign-mentor-start", kwargs={"ect_id": period.pk}),
        "list_url": reverse("ects:list"),
    }


# The journey --------------------------------------------------------------------------------------------------

INDUCTION_OVER = "ects/register/induction-over.html"

REGISTER_ECT = Journey(
    name="register-ect",
    url_namespace="ects",
    steps=[
        Step(WHAT_YOU_WILL_NEED, "What you’ll need to register a new ECT", next_step=to(FIND)),
        *FIND_ECT.steps(),
        Step(ALREADY_ACTIVE_AT_SCHOOL, "This ECT is already registered at your school"),
        Step(INDUCTION_COMPLETED, "You cannot register this ECT", template=INDUCTION_OVER),
        Step(INDUCTION_EXEMPT, "You cannot register this ECT", template=INDUCTION_OVER),
        Step(INDUCTION_FAILED, "You cannot register this ECT", template=INDUCTION_OVER),
        Step(CANNOT_REGISTER, "You cannot register this ECT"),
        Step(
            REGISTERED_BEFORE,
            "This ECT has been registered before",
            next_step=to(EMAIL),
            page_context=registered_before_page,
        ),
        Step(
            START_DATE,
            "Start date",
            StartDateForm,
            after_start_date,
            form_kwargs=start_date_form_kwargs,
            # Whether the school's previous choices are offered stays as first worked out: a registration
            # finished meanwhile (another tab) must not send this one back to a question it never saw.
            kept_facts=("reusable_choices",),
        ),
        Step(CANNOT_REGISTER_YET, "You cannot register this ECT yet", page_context=cannot_register_yet_page),
        Step(WORKING_PATTERN, "Working pattern", WorkingPatternForm, after_working_pattern, form_kwargs=named),
        Step(
            USE_PREVIOUS_CHOICES,
            "Programme choices used by your school previously",
            UsePreviousChoicesForm,
            after_use_previous_choices,
            form_kwargs=with_start_date,
            page_context=previous_choices_page,
        ),
        Step(
            APPROPRIATE_BODY,
            "Appropriate body",
            AppropriateBodyForm,
            to(TRAINING_PROGRAMME),
            form_kwargs=lambda context: {**named(context), "school": context.school},
        ),
        Step(
            TRAINING_PROGRAMME,
            "Training programme",
            TrainingProgrammeForm,
            after_training_programme,
            form_kwargs=named,
        ),
        Step(
            LEAD_PROVIDER,
            "Lead provider",
            LeadProviderForm,
            to(CHECK_ANSWERS),
            form_kwargs=lead_provider_form_kwargs,
        ),
        Step(
            CHECK_ANSWERS,
            "Check your answers before submitting",
            next_step=to(CHECK_ANSWERS),
            page_context=check_answers_page,
        ),
    ],
    check_answers=CHECK_ANSWERS,
    template_dir="ects/register",
    exit_url_name="ects:list",
    complete=complete,
    confirmation_context=confirmation_context,
    restart_step=FIND,
    page_context=journey_page,
)
