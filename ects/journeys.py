"""Register an ECT (journeys.md §2, rect.md §2a): `/school/register-ect/<journey id>/<step>`.

Routing functions are pure: they read stored answers and the facts the forms worked out while
validating (ects.forms). Dead ends have no next step. Check your answers submits through
`complete`, which re-binds every step's form from the stored data (fresh facts, cleaned values)
and calls `ects.services.register_ect`.
"""

from __future__ import annotations

import dataclasses
import datetime

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.datastructures import MultiValueDict
from django.views.decorators.http import require_http_methods

from ecf.errors import DomainError
from ecf.events import Author
from ecf.govuk.filters import govuk_date
from ecf.journeys import Answers, Journey, JourneyContext, Step
from ecf.journeys import state as journey_state
from ecf.journeys.views import start_journey, step_url
from ecf.teachers.forms import DateOfBirthField
from ecf.trs import TEST_GUIDANCE, TEST_TRNS, normalise_national_insurance_number, using_fake_trs
from ects import registration
from ects.forms import (
    ALREADY_ACTIVE_AT_SCHOOL,
    APPROPRIATE_BODY,
    CANNOT_REGISTER,
    CANNOT_REGISTER_YET,
    CANT_USE_EMAIL,
    CHECK_ANSWERS,
    EMAIL,
    FIND,
    INDUCTION_COMPLETED,
    INDUCTION_EXEMPT,
    INDUCTION_FAILED,
    LEAD_PROVIDER,
    NATIONAL_INSURANCE_NUMBER,
    NOT_FOUND,
    PROVIDER_LED,
    REGISTERED_BEFORE,
    REVIEW_DETAILS,
    START_DATE,
    TRAINING_PROGRAMME,
    TRN_NOT_FOUND,
    USE_PREVIOUS_CHOICES,
    WHAT_YOU_WILL_NEED,
    WORKING_PATTERN,
    YES,
    AppropriateBodyForm,
    ECTNationalInsuranceNumberForm,
    EmailForm,
    FindECTForm,
    LeadProviderForm,
    ReviewECTDetailsForm,
    StartDateForm,
    TrainingProgrammeForm,
    UsePreviousChoicesForm,
    WorkingPatternForm,
    ect_name,
    identified_teacher,
    start_date,
)
from schools.access import school_user_required

# Routing (pure) -----------------------------------------------------------------------------------------------


def after_identifying(teacher: dict) -> str:
    """Once TRS has identified the teacher: the dead ends in rect.md's order, else check their details."""
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
    return REVIEW_DETAILS


def after_find(answers: Answers) -> str:
    if not answers.fact(FIND, "found"):
        return TRN_NOT_FOUND
    if not answers.fact(FIND, "dob_matched"):
        return NATIONAL_INSURANCE_NUMBER
    return after_identifying(answers.facts(FIND))


def after_national_insurance_number(answers: Answers) -> str:
    if not answers.fact(NATIONAL_INSURANCE_NUMBER, "found"):
        return NOT_FOUND
    return after_identifying(answers.facts(NATIONAL_INSURANCE_NUMBER))


def after_review(answers: Answers) -> str:
    return REGISTERED_BEFORE if identified_teacher(answers).get("registered_before") else EMAIL


def after_email(answers: Answers) -> str:
    return CANT_USE_EMAIL if answers.fact(EMAIL, "in_use") else START_DATE


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
    return CHECK_ANSWERS if answers.value(USE_PREVIOUS_CHOICES, "use_previous") == YES else APPROPRIATE_BODY


def after_training_programme(answers: Answers) -> str:
    return LEAD_PROVIDER if answers.value(TRAINING_PROGRAMME, "training_programme") == PROVIDER_LED else CHECK_ANSWERS


def to(step_name: str):
    return lambda answers: step_name


# Pages --------------------------------------------------------------------------------------------------------


def reusing_previous_choices(answers: Answers) -> bool:
    return answers.value(USE_PREVIOUS_CHOICES, "use_previous") == YES and USE_PREVIOUS_CHOICES in answers


def check_answers_rows(answers: Answers) -> dict:
    """What check your answers shows, from the stored facts (no queries)."""
    teacher = identified_teacher(answers)
    reused = reusing_previous_choices(answers)
    previous = answers.facts(USE_PREVIOUS_CHOICES) if reused else {}
    programme = (
        previous.get("training_programme") if reused else answers.value(TRAINING_PROGRAMME, "training_programme")
    )
    started_on = start_date(answers)
    return {
        "name": ect_name(answers),
        "trn": teacher.get("trn", ""),
        "email": answers.fact(EMAIL, "email", ""),
        "started_on": govuk_date(started_on) if started_on else "",
        "working_pattern": {"full_time": "Full time", "part_time": "Part time"}.get(
            answers.value(WORKING_PATTERN, "working_pattern"), ""
        ),
        "offered_previous_choices": USE_PREVIOUS_CHOICES in answers,
        "reused_previous_choices": reused,
        "appropriate_body": previous.get("appropriate_body_name")
        if reused
        else answers.fact(APPROPRIATE_BODY, "appropriate_body_name", ""),
        "provider_led": programme == PROVIDER_LED,
        "training_programme": {"provider_led": "Provider-led", "school_led": "School-led"}.get(programme or "", ""),
        "lead_provider": previous.get("lead_provider_name")
        if reused
        else answers.fact(LEAD_PROVIDER, "lead_provider_name", ""),
        "delivery_partner": previous.get("delivery_partner_name", "") if reused else "",
    }


def identity_rows(answers: Answers) -> list[dict]:
    """Check ECT details: the name and TRN TRS gave, and the date of birth or NI number typed (read from the
    stored answer only for this page: it is not a fact and is never stored anywhere else)."""
    teacher = identified_teacher(answers)
    rows = [
        {"key": {"text": "Name"}, "value": {"text": f"{teacher.get('first_name', '')} {teacher.get('last_name', '')}"}},
        {"key": {"text": "Teacher reference number (TRN)"}, "value": {"text": teacher.get("trn", "")}},
    ]
    if answers.fact(FIND, "dob_matched"):
        data = answers[FIND]["data"]
        parts = [(data.get(f"date_of_birth-{part}") or [""])[0] for part in ("day", "month", "year")]
        try:
            date_of_birth = govuk_date(DateOfBirthField().clean(parts))
        except ValidationError:  # it was valid when stored; show nothing rather than fail
            date_of_birth = ""
        rows.append({"key": {"text": "Date of birth"}, "value": {"text": date_of_birth}})
    else:
        number = answers.value(NATIONAL_INSURANCE_NUMBER, "national_insurance_number")
        number = normalise_national_insurance_number(number)
        rows.append({"key": {"text": "National Insurance number"}, "value": {"text": number}})
    return rows


def registered_before_rows(answers: Answers) -> list[dict]:
    previous = registration.previous_ect_period(identified_teacher(answers).get("trn", ""))
    if previous is None:
        return []
    training = previous.latest_training_period
    not_confirmed = "Not confirmed"
    rows = [
        {"key": {"text": "School name"}, "value": {"text": previous.school.name}},
        {"key": {"text": "Induction start date"}, "value": {"text": govuk_date(previous.started_on)}},
        {
            "key": {"text": "Appropriate body"},
            "value": {"text": previous.appropriate_body.name if previous.appropriate_body else not_confirmed},
        },
        {
            "key": {"text": "Training programme"},
            "value": {"text": training.get_training_programme_display() if training else not_confirmed},
        },
    ]
    if training and training.provider_led:
        lead_provider, delivery_partner = training.lead_provider, training.delivery_partner
        rows += [
            {
                "key": {"text": "Lead provider"},
                "value": {"text": lead_provider.name if lead_provider else not_confirmed},
            },
            {
                "key": {"text": "Delivery partner"},
                "value": {"text": delivery_partner.name if delivery_partner else not_confirmed},
            },
        ]
    return rows


def previous_choices_rows(school, answers: Answers) -> tuple[list[dict], str]:
    started_on = start_date(answers)
    choices = registration.reusable_programme_choices(school, started_on) if started_on else None
    if choices is None:
        return [], ""
    rows = [
        {"key": {"text": "Appropriate body"}, "value": {"text": choices["appropriate_body"].name}},
        {
            "key": {"text": "Training programme"},
            "value": {"text": "Provider-led" if choices["training_programme"] == PROVIDER_LED else "School-led"},
        },
    ]
    note = ""
    if choices["lead_provider"]:
        rows.append({"key": {"text": "Lead provider"}, "value": {"text": choices["lead_provider"].name}})
        if choices["delivery_partner"]:
            rows.append({"key": {"text": "Delivery partner"}, "value": {"text": choices["delivery_partner"].name}})
        else:
            note = (
                f"{choices['lead_provider'].name} will confirm if they’ll be working with your school and which "
                "delivery partner will deliver training events."
            )
    return rows, note


def page_context(step_name: str, context: JourneyContext) -> dict:
    answers = context.answers
    page = {
        "ect_name": ect_name(answers),
        "start_url": reverse("ects:register-ect-start"),
        "list_url": reverse("ects:list"),
    }
    if step_name in (FIND, NATIONAL_INSURANCE_NUMBER):
        page["trs_test_trns"] = TEST_TRNS if using_fake_trs() else ()
        page["trs_test_guidance"] = TEST_GUIDANCE
    elif step_name == REVIEW_DETAILS:
        page["identity_rows"] = identity_rows(answers)
    elif step_name == REGISTERED_BEFORE:
        page["previous_rows"] = registered_before_rows(answers)
    elif step_name == CANNOT_REGISTER_YET:
        page["academic_year"] = answers.fact(START_DATE, "academic_year", "")
    elif step_name == USE_PREVIOUS_CHOICES:
        page["previous_rows"], page["previous_note"] = previous_choices_rows(context.school, answers)
    elif step_name == APPROPRIATE_BODY:
        page["independent"] = bool(context.school.independent)
    elif step_name == CHECK_ANSWERS:
        page["check"] = check_answers_rows(answers)
        page["restart_url"] = f"{reverse('ects:register-ect-start')}?restart=1"
    return page


# Submitting ---------------------------------------------------------------------------------------------------

ANSWERS_CHANGED = "Some of the details you gave have changed since you entered them. Check your answers and try again."


def rebind(journey: Journey, context: JourneyContext) -> tuple[Answers, dict[str, dict]]:
    """Validate every answered step again, in path order, from its stored data: the answers with fresh facts,
    and each step's cleaned_data. Raises DomainError when an answer is no longer valid."""
    answers = context.answers
    cleaned: dict[str, dict] = {}
    for name in journey.path(answers)[:-1]:
        if name not in answers:  # fresh facts took the path elsewhere
            break
        step = journey.step(name)
        if step.form_class is None:
            continue
        data = answers[name]["data"]
        form = step.form_class(MultiValueDict(data), context=dataclasses.replace(context, answers=answers))
        if not form.is_valid():
            raise DomainError(ANSWERS_CHANGED)
        cleaned[name] = form.cleaned_data
        facts = form.facts()
        if name == START_DATE:
            # Offering the school's previous choices is not a rule: a registration finished meanwhile (another
            # tab) may make some reusable, which must not send this one back to a question it never saw.
            facts["reusable_choices"] = answers.fact(START_DATE, "reusable_choices", False)
        answers = journey.answer(answers, name, data=data, facts=facts)
    return answers, cleaned


def complete(context: JourneyContext):
    from ects.services import register_ect

    answers, cleaned = rebind(REGISTER_ECT, context)
    if REGISTER_ECT.furthest_allowed_step(answers) != CHECK_ANSWERS:
        raise DomainError(ANSWERS_CHANGED)
    teacher = identified_teacher(answers)
    if reusing_previous_choices(answers):
        choices = cleaned[USE_PREVIOUS_CHOICES]["choices"]
        appropriate_body = choices["appropriate_body"]
        training_programme = choices["training_programme"]
        lead_provider = choices["lead_provider"]
    else:
        appropriate_body = cleaned[APPROPRIATE_BODY]["appropriate_body"]
        training_programme = cleaned[TRAINING_PROGRAMME]["training_programme"]
        lead_provider = cleaned[LEAD_PROVIDER]["lead_provider"] if training_programme == PROVIDER_LED else None
    qts_awarded_on = teacher.get("qts_awarded_on")
    return register_ect(
        school=context.school,
        author=Author.school_user(context.user),
        trn=teacher["trn"],
        trs_first_name=teacher.get("first_name", ""),
        trs_last_name=teacher.get("last_name", ""),
        trs_induction_status=teacher.get("induction_status", ""),
        trs_qts_awarded_on=datetime.date.fromisoformat(qts_awarded_on) if qts_awarded_on else None,
        corrected_name=answers.fact(REVIEW_DETAILS, "corrected_name", ""),
        email=cleaned[EMAIL]["email"],
        started_on=cleaned[START_DATE]["started_on"],
        working_pattern=cleaned[WORKING_PATTERN]["working_pattern"],
        appropriate_body=appropriate_body,
        training_programme=training_programme,
        lead_provider=lead_provider,
    )


def confirmation_context(school, record_id: int) -> dict:
    """Loaded through the school: another school's record is a 404."""
    try:
        period = school.ect_periods.select_related("teacher").get(pk=record_id)
    except school.ect_periods.model.DoesNotExist:
        raise Http404("No such ECT at this school") from None
    return {
        "title": "ECT details saved",
        "ect_name": period.teacher.full_name,
        "assign_mentor_url": reverse("mentors:assign-mentor-start", kwargs={"ect_id": period.pk}),
        "list_url": reverse("ects:list"),
    }


# The journey --------------------------------------------------------------------------------------------------

REGISTER_ECT = Journey(
    name="register-ect",
    url_namespace="ects",
    steps=[
        Step(WHAT_YOU_WILL_NEED, "What you’ll need to register a new ECT", next_step=to(FIND)),
        Step(FIND, "Find an ECT", FindECTForm, after_find),
        Step(
            NATIONAL_INSURANCE_NUMBER,
            "We cannot find the ECT’s details",
            ECTNationalInsuranceNumberForm,
            after_national_insurance_number,
        ),
        Step(TRN_NOT_FOUND, "We’re unable to match the ECT with the TRN you provided"),
        Step(NOT_FOUND, "We’re unable to match the ECT with the details you provided"),
        Step(ALREADY_ACTIVE_AT_SCHOOL, "This ECT is already registered at your school"),
        Step(INDUCTION_COMPLETED, "You cannot register this ECT"),
        Step(INDUCTION_EXEMPT, "You cannot register this ECT"),
        Step(INDUCTION_FAILED, "You cannot register this ECT"),
        Step(CANNOT_REGISTER, "You cannot register this ECT"),
        Step(REVIEW_DETAILS, "Check ECT details", ReviewECTDetailsForm, after_review),
        Step(REGISTERED_BEFORE, "This ECT has been registered before", next_step=to(EMAIL)),
        Step(EMAIL, "Email address", EmailForm, after_email),
        Step(CANT_USE_EMAIL, "This email is already in use for a different ECT or mentor"),
        Step(START_DATE, "Start date", StartDateForm, after_start_date),
        Step(CANNOT_REGISTER_YET, "You cannot register this ECT yet"),
        Step(WORKING_PATTERN, "Working pattern", WorkingPatternForm, after_working_pattern),
        Step(
            USE_PREVIOUS_CHOICES,
            "Programme choices used by your school previously",
            UsePreviousChoicesForm,
            after_use_previous_choices,
        ),
        Step(APPROPRIATE_BODY, "Appropriate body", AppropriateBodyForm, to(TRAINING_PROGRAMME)),
        Step(TRAINING_PROGRAMME, "Training programme", TrainingProgrammeForm, after_training_programme),
        Step(LEAD_PROVIDER, "Lead provider", LeadProviderForm, to(CHECK_ANSWERS)),
        Step(CHECK_ANSWERS, "Check your answers before submitting", next_step=to(CHECK_ANSWERS)),
    ],
    check_answers=CHECK_ANSWERS,
    template_dir="ects/register",
    exit_url_name="ects:list",
    complete=complete,
    confirmation_context=confirmation_context,
    page_context=page_context,
)


@school_user_required
@require_http_methods(["GET"])
def start(request):
    """Start a new journey. `?restart=1` (the TRN's Change link on check your answers) starts it at the find
    step: a different teacher means answering everything again, so nothing is carried over."""
    if request.GET.get("restart") != "1":
        return start_journey(request, REGISTER_ECT)
    state = journey_state.start(request, REGISTER_ECT.name)
    state.answers = REGISTER_ECT.answer(state.answers, WHAT_YOU_WILL_NEED, data={}, facts={})
    journey_state.save(request, state)
    return redirect(step_url(REGISTER_ECT, state.journey_id, FIND))
