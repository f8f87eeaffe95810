"""Register a new mentor for an ECT (journeys.md §4, rect.md §2b): `/school/register-mentor/<journey id>/<step>`.

A mentor is always registered for one ECT: the journey starts from `?ect=<id>` (loaded through the school) and
is seeded with that ECT and the school's phase. Routing is pure: it reads stored answers and the facts the forms
worked out while validating (mentors.forms). Two ways finish it:

- check your answers' "Confirm details" registers the mentor and assigns them (`register_mentor`);
- "This mentor has already been registered" offers "Assign {mentor} to mentor {ect}", which assigns the
  school's existing mentor (`assign_mentor`), through the mentor training steps when they apply.

Both create a mentorship; the confirmation is loaded from it.
"""

from __future__ import annotations

import dataclasses
import datetime

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.datastructures import MultiValueDict
from django.views.decorators.http import require_http_methods

from ecf.errors import DomainError
from ecf.events import Author
from ecf.govuk.filters import govuk_date
from ecf.journeys import SEED, SUBMIT, Answers, Journey, JourneyContext, Step
from ecf.journeys import state as journey_state
from ecf.journeys.views import expired, start_journey, step_url
from ecf.teachers.forms import DateOfBirthField
from ecf.trs import TEST_GUIDANCE, TEST_TRNS, normalise_national_insurance_number, using_fake_trs
from mentors import registration
from mentors.forms import (
    AGE_RANGE,
    ALREADY_ACTIVE_AT_SCHOOL,
    CANNOT_MENTOR_THEMSELF,
    CANNOT_REGISTER,
    CANT_USE_EMAIL,
    CHECK_ANSWERS,
    ECT_ID,
    EMAIL,
    FIND,
    KEY_STAGE,
    NATIONAL_INSURANCE_NUMBER,
    NOT_FOUND,
    PHASE,
    REVIEW_DETAILS,
    SCHOOL_PHASE,
    SUBJECT,
    TRN_NOT_FOUND,
    WHAT_YOU_WILL_NEED,
    AgeRangeStepForm,
    FindMentorForm,
    KeyStageStepForm,
    MentorEmailForm,
    MentorNationalInsuranceNumberForm,
    PhaseStepForm,
    ReviewMentorDetailsForm,
    SubjectStepForm,
    ect_period_for,
    identified_teacher,
    mentor_name,
    school_phase,
)
from mentors.mentor_training import (
    ELIGIBILITY_LEAD_PROVIDER,
    REVIEW_MENTOR_ELIGIBILITY,
    MentorTraining,
)
from mentors.models import MentorshipPeriod
from schools.access import school_user_required

ANSWERS_CHANGED = "Some of the details you gave have changed since you entered them. Check your answers and try again."

# Routing (pure) -----------------------------------------------------------------------------------------------


def after_identifying(teacher: dict) -> str:
    """Once TRS has identified the teacher: the dead ends in rect.md's order, else check their details."""
    if teacher.get("is_the_ect"):
        return CANNOT_MENTOR_THEMSELF
    if teacher.get("already_at_school"):
        return ALREADY_ACTIVE_AT_SCHOOL
    if teacher.get("prohibited"):
        return CANNOT_REGISTER
    return REVIEW_DETAILS


def after_find(answers: Answers) -> str:
    if not answers.fact(FIND, "found"):
        return TRN_NOT_FOUND
    if answers.fact(FIND, "is_the_ect"):
        return CANNOT_MENTOR_THEMSELF
    if not answers.fact(FIND, "dob_matched"):
        return NATIONAL_INSURANCE_NUMBER
    return after_identifying(answers.facts(FIND))


def after_national_insurance_number(answers: Answers) -> str:
    if not answers.fact(NATIONAL_INSURANCE_NUMBER, "found"):
        return NOT_FOUND
    return after_identifying(answers.facts(NATIONAL_INSURANCE_NUMBER))


def after_email(answers: Answers) -> str:
    if answers.fact(EMAIL, "in_use"):
        return CANT_USE_EMAIL
    return SUBJECT if answers.fact(SEED, SCHOOL_PHASE) else PHASE


def mentor_training_needed(answers: Answers) -> bool:
    return bool(identified_teacher(answers).get("mentor_training_needed"))


def assigning_existing_mentor(answers: Answers) -> bool:
    return ALREADY_ACTIVE_AT_SCHOOL in answers


def after_mentor_training(answers: Answers) -> str:
    """Registering: on to check your answers. Assigning the school's existing mentor: that finishes it."""
    return SUBMIT if assigning_existing_mentor(answers) else CHECK_ANSWERS


def after_key_stage(answers: Answers) -> str:
    return REVIEW_MENTOR_ELIGIBILITY if mentor_training_needed(answers) else CHECK_ANSWERS


def after_already_registered(answers: Answers) -> str:
    """ "Assign {mentor} to mentor {ect}": through mentor training when it applies, else assign at once."""
    return REVIEW_MENTOR_ELIGIBILITY if mentor_training_needed(answers) else SUBMIT


def to(step_name: str):
    return lambda answers: step_name


TRAINING = MentorTraining(
    ect_id=lambda answers: answers.fact(SEED, ECT_ID),
    mentor_name=mentor_name,
    next_after=CHECK_ANSWERS,  # routed by after_mentor_training below: the two ways through need two next steps
)


def after_review_mentor_eligibility(answers: Answers) -> str:
    following = TRAINING.after_review(answers)
    return following if following == ELIGIBILITY_LEAD_PROVIDER else after_mentor_training(answers)


# Pages --------------------------------------------------------------------------------------------------------

PHASE_NAMES = {"primary": "Primary", "secondary": "Secondary"}


def check_answers_rows(answers: Answers) -> dict:
    """What check your answers shows, from the stored answers and facts (no queries)."""
    teacher = identified_teacher(answers)
    return {
        "name": mentor_name(answers),
        "trn": teacher.get("trn", ""),
        "email": answers.fact(EMAIL, "email", ""),
        "phase": PHASE_NAMES.get(answers.value(PHASE, "phase"), "") if PHASE in answers else "",
        "subject": answers.value(SUBJECT, "subject"),
        "age_range": answers.value(AGE_RANGE, "age_range"),
        "key_stage": answers.value(KEY_STAGE, "key_stage"),
        "lead_provider": TRAINING.lead_provider_name(answers),
    }


def identity_rows(answers: Answers) -> list[dict]:
    """Check mentor details: the name and TRN TRS gave, and the date of birth or NI number typed (read from the
    stored answer only for this page: it is never stored anywhere else)."""
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
        number = normalise_national_insurance_number(
            answers.value(NATIONAL_INSURANCE_NUMBER, "national_insurance_number")
        )
        rows.append({"key": {"text": "National Insurance number"}, "value": {"text": number}})
    return rows


def page_context(step_name: str, context: JourneyContext) -> dict:
    answers = context.answers
    ect_period = ect_period_for(context)
    if ect_period is None:  # the ECT left the school's records meanwhile (or never was this school's)
        raise Http404("No such ECT at this school")
    page = {
        "ect_name": ect_period.teacher.full_name,
        "mentor_name": mentor_name(answers),
        "list_url": reverse("ects:list"),
        "restart_url": f"{reverse('mentors:register-mentor-start')}?ect={ect_period.pk}&restart=1",
        "no_trn_url": reverse("mentors:register-mentor-no-trn", args=[context.journey_id]),
    }
    if step_name == WHAT_YOU_WILL_NEED:
        page["ect_provider_led"] = registration.ect_lead_provider(ect_period) is not None
    elif step_name in (FIND, NATIONAL_INSURANCE_NUMBER):
        page["trs_test_trns"] = TEST_TRNS if using_fake_trs() else ()
        page["trs_test_guidance"] = TEST_GUIDANCE
    elif step_name == REVIEW_DETAILS:
        page["identity_rows"] = identity_rows(answers)
    elif step_name == CANNOT_MENTOR_THEMSELF:
        page["assign_different_mentor_url"] = assign_different_mentor_url(ect_period)
    elif step_name == CHECK_ANSWERS:
        page["check"] = check_answers_rows(answers)
    page.update(TRAINING.page_context(step_name, context))
    return page


def assign_different_mentor_url(ect_period) -> str:
    """ "Who will mentor {ect}?" (journey 3)."""
    return reverse("mentors:assign-mentor-start", args=[ect_period.pk])


# Submitting ---------------------------------------------------------------------------------------------------


def rebind(journey: Journey, context: JourneyContext) -> tuple[Answers, dict[str, dict]]:
    """Validate every answered step again, in path order, from its stored data: the answers with fresh facts
    (what TRS and the database say now), and each step's cleaned_data. DomainError when one no longer holds."""
    answers = context.answers
    cleaned: dict[str, dict] = {}
    for name in journey.path(answers):
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
        answers = journey.answer(answers, name, data=data, facts=form.facts())
    return answers, cleaned


def complete(context: JourneyContext) -> MentorshipPeriod:
    """Register and assign the new mentor, or assign the school's existing one: the mentorship either way."""
    from mentors.services import assign_mentor, register_mentor

    answers, cleaned = rebind(REGISTER_MENTOR, context)
    path = REGISTER_MENTOR.path(answers)
    ect_period = ect_period_for(context)
    if ect_period is None:
        raise DomainError(ANSWERS_CHANGED)
    context = dataclasses.replace(context, answers=answers)
    teacher = identified_teacher(answers)
    author = Author.school_user(context.user)
    lead_provider = TRAINING.lead_provider(context) if REVIEW_MENTOR_ELIGIBILITY in path else None

    if assigning_existing_mentor(answers):
        if path[-1] not in (ALREADY_ACTIVE_AT_SCHOOL, REVIEW_MENTOR_ELIGIBILITY, ELIGIBILITY_LEAD_PROVIDER):
            raise DomainError(ANSWERS_CHANGED)
        mentor_period = registration.current_mentor_period_at_school(context.school, teacher["trn"])
        if mentor_period is None:
            raise DomainError(ANSWERS_CHANGED)
        return assign_mentor(
            ect_period=ect_period,
            mentor_period=mentor_period,
            author=author,
            mentor_training_lead_provider=lead_provider,
        )

    if path[-1] != CHECK_ANSWERS:
        raise DomainError(ANSWERS_CHANGED)
    qts_awarded_on = teacher.get("qts_awarded_on")
    mentor_period = register_mentor(
        school=context.school,
        ect_period=ect_period,
        author=author,
        trn=teacher["trn"],
        trs_first_name=teacher.get("first_name", ""),
        trs_last_name=teacher.get("last_name", ""),
        corrected_name=answers.fact(REVIEW_DETAILS, "corrected_name", ""),
        trs_qts_awarded_on=datetime.date.fromisoformat(qts_awarded_on) if qts_awarded_on else None,
        email=cleaned[EMAIL]["email"],
        subject=cleaned[SUBJECT]["subject"],
        age_range=cleaned[AGE_RANGE]["age_range"],
        key_stage=cleaned[KEY_STAGE]["key_stage"],
        mentor_training_lead_provider=lead_provider,
    )
    return mentor_period.mentorship_periods.filter(mentee=ect_period).order_by("-started_on", "-pk").first()


# The mentor was registered by this journey (not assigned as the school's existing mentor) when this is their
# period's first mentorship, made in the same transaction as the period.
SAME_TRANSACTION = datetime.timedelta(minutes=1)


def confirmation_context(school, record_id: int) -> dict:
    """Loaded through the school: another school's mentorship is a 404."""
    try:
        mentorship = MentorshipPeriod.objects.select_related("mentor__teacher", "mentee__teacher").get(
            pk=record_id, mentee__school=school
        )
    except MentorshipPeriod.DoesNotExist:
        raise Http404("No such mentorship at this school") from None
    mentor_period = mentorship.mentor
    first_mentorship = mentor_period.mentorship_periods.order_by("pk").values_list("pk", flat=True).first()
    newly_registered = (
        first_mentorship == mentorship.pk and mentorship.created_at - mentor_period.created_at < SAME_TRANSACTION
    )
    ect_provider_led = registration.ect_lead_provider(mentorship.mentee) is not None
    training = (
        mentor_period.training_periods.select_related(
            "school_partnership__lead_provider_delivery_partnership__active_lead_provider__lead_provider",
            "expression_of_interest__lead_provider",
        )
        .order_by("-started_on", "-pk")
        .first()
        if ect_provider_led
        else None
    )
    # Only training this assignment started is news (the same transaction); earlier training was told before.
    if training is not None and abs(training.created_at - mentorship.created_at) >= SAME_TRANSACTION:
        training = None
    return {
        "title": "Mentor assigned",
        "mentor_name": mentor_period.teacher.full_name,
        "ect_name": mentorship.mentee.teacher.full_name,
        "newly_registered": newly_registered,
        "ect_provider_led": ect_provider_led,
        "mentor_training_lead_provider": training.lead_provider.name if training and training.lead_provider else "",
        "list_url": reverse("ects:list"),
    }


# The journey --------------------------------------------------------------------------------------------------

REGISTER_MENTOR = Journey(
    name="register-mentor",
    url_namespace="mentors",
    steps=[
        Step(WHAT_YOU_WILL_NEED, "What you’ll need to add a new mentor", next_step=to(FIND)),
        Step(FIND, "Find a mentor", FindMentorForm, after_find),
        Step(
            NATIONAL_INSURANCE_NUMBER,
            "We cannot find the mentor’s details",
            MentorNationalInsuranceNumberForm,
            after_national_insurance_number,
        ),
        Step(TRN_NOT_FOUND, "We’re unable to match the mentor with the details you provided"),
        Step(NOT_FOUND, "We’re unable to match the mentor with the details you provided"),
        Step(CANNOT_MENTOR_THEMSELF, "You cannot assign an ECT as their own mentor"),
        Step(ALREADY_ACTIVE_AT_SCHOOL, "This mentor has already been registered", next_step=after_already_registered),
        Step(CANNOT_REGISTER, "You cannot register this mentor"),
        Step(REVIEW_DETAILS, "Check mentor details", ReviewMentorDetailsForm, to(EMAIL)),
        Step(EMAIL, "Email address", MentorEmailForm, after_email),
        Step(CANT_USE_EMAIL, "This email is already in use for a different ECT or mentor"),
        Step(PHASE, "Phase", PhaseStepForm, to(SUBJECT)),
        Step(SUBJECT, "Subject", SubjectStepForm, to(AGE_RANGE)),
        Step(AGE_RANGE, "Age range", AgeRangeStepForm, to(KEY_STAGE)),
        Step(KEY_STAGE, "Key stage", KeyStageStepForm, after_key_stage),
        Step(
            REVIEW_MENTOR_ELIGIBILITY,
            "Mentor training",
            TRAINING.form_classes[REVIEW_MENTOR_ELIGIBILITY],
            after_review_mentor_eligibility,
        ),
        Step(
            ELIGIBILITY_LEAD_PROVIDER,
            "Lead provider for mentor training",
            TRAINING.form_classes[ELIGIBILITY_LEAD_PROVIDER],
            after_mentor_training,
        ),
        Step(CHECK_ANSWERS, "Check your answers and confirm mentor details", next_step=to(CHECK_ANSWERS)),
    ],
    check_answers=CHECK_ANSWERS,
    template_dir="mentors/register",
    exit_url_name="ects:list",
    complete=complete,
    confirmation_context=confirmation_context,
    page_context=page_context,
)


@school_user_required
@require_http_methods(["GET"])
def start(request):
    """`?ect=<id>`: the school's ECT the mentor will mentor (another school's is a 404). `&restart=1` (the TRN's
    Change link on check your answers) starts at the find step: a different mentor means answering again."""
    ect_id = request.GET.get("ect", "")
    if not ect_id.isascii() or not ect_id.isdigit():
        raise Http404("No ECT given")
    ect_period = request.school.ect_periods.current_or_future().filter(pk=int(ect_id)).first()
    if ect_period is None:
        raise Http404("No such ECT at this school")
    facts = {ECT_ID: ect_period.pk, SCHOOL_PHASE: school_phase(request.school)}
    if request.GET.get("restart") != "1":
        return start_journey(request, REGISTER_MENTOR, facts=facts)
    state = journey_state.start(request, REGISTER_MENTOR.name)
    answers = REGISTER_MENTOR.seed(state.answers, facts)
    state.answers = REGISTER_MENTOR.answer(answers, WHAT_YOU_WILL_NEED, data={}, facts={})
    journey_state.save(request, state)
    return redirect(step_url(REGISTER_MENTOR, state.journey_id, FIND))


@school_user_required
@require_http_methods(["GET"])
def no_trn(request, journey_id):
    """ "They do not have a TRN" (a link on the find step): a dead end outside the path, back to the find step."""
    state = journey_state.load(request, REGISTER_MENTOR.name, journey_id)
    if state is None or state.completed_record_id is not None:
        return expired(request, REGISTER_MENTOR)
    return render(
        request,
        "mentors/register/no-trn.html",
        {
            "title": "You cannot register a mentor without a TRN",
            "back_link_url": step_url(REGISTER_MENTOR, journey_id, FIND),
            "list_url": reverse("ects:list"),
        },
    )
