"""Register a new mentor for an ECT: `/school/register-mentor/<journey id>/<step>` (docs/journeys/mentors.md).

A mentor is always registered for one ECT: the journey starts from `?ect=<id>` (loaded through the school) and is
seeded with that ECT and the school's phase. It shares the find-a-teacher steps (`ecf.teachers.find`) and the
mentor training steps (`mentors.mentor_training`), and declares its own: the dead ends, the teaching details and
check your answers. Two ways finish it, both ending in a mentorship:

- check your answers' "Confirm details" registers the mentor and assigns them (`register_mentor`);
- "This mentor has already been registered" offers "Assign {mentor} to mentor {ect}", which assigns the school's
  existing mentor (`assign_mentor`), through the mentor training steps when they apply.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import Http404
from django.urls import reverse

from ecf.errors import DomainError
from ecf.events import Author
from ecf.journeys import ANSWERS_CHANGED, SEED, SUBMIT, Answers, Journey, JourneyContext, Outcome, Step, Submission, to
from ecf.journeys.views import id_from_query
from ecf.teachers.find import EMAIL, FindTeacher
from ecf.training.queries import ect_lead_provider
from mentors.mentor_training import REVIEW_MENTOR_ELIGIBILITY, MentorTraining
from mentors.queries import current_mentor_period_at_school, mentor_training_needed, mentorship_at_school
from mentors.services import assign_mentor, mentor_has_a_last_day, register_mentor
from mentors.teaching_details import PRIMARY, AgeRangeForm, KeyStageForm, PhaseForm, SubjectForm, school_phase

WHAT_YOU_WILL_NEED = "what-you-will-need"
FIND = "find-mentor"
CANNOT_MENTOR_THEMSELF = "cannot-mentor-themself"
ALREADY_ACTIVE_AT_SCHOOL = "already-active-at-school"
CANNOT_REGISTER = "cannot-register-mentor"
REVIEW_DETAILS = "review-mentor-details"
PHASE = "phase"
SUBJECT = "subject"
AGE_RANGE = "age-range"
KEY_STAGE = "key-stage"
CHECK_ANSWERS = "check-answers"

# Seeded when the journey starts (`answers.fact(SEED, ...)`).
ECT_ID = "ect_id"
SCHOOL_PHASE = "school_phase"

# Routing (pure) -----------------------------------------------------------------------------------------------


def dead_end(teacher: dict) -> str | None:
    """The reasons the teacher cannot be registered as this ECT's mentor (docs/journeys/mentors.md). "Is the ECT
    themself" is known from the TRN alone, so it is checked before the date of birth is."""
    if teacher.get("is_the_ect"):
        return CANNOT_MENTOR_THEMSELF
    if teacher.get("already_at_school"):
        return ALREADY_ACTIVE_AT_SCHOOL
    if teacher.get("prohibited"):
        return CANNOT_REGISTER
    return None


def after_email(answers: Answers) -> str:
    return SUBJECT if answers.fact(SEED, SCHOOL_PHASE) else PHASE


def needs_mentor_training(answers: Answers) -> bool:
    return bool(FIND_MENTOR.identified_teacher(answers).get("mentor_training_needed"))


def assigning_existing_mentor(answers: Answers) -> bool:
    return ALREADY_ACTIVE_AT_SCHOOL in answers


def after_key_stage(answers: Answers) -> str:
    return REVIEW_MENTOR_ELIGIBILITY if needs_mentor_training(answers) else CHECK_ANSWERS


def after_already_registered(answers: Answers) -> str:
    """ "Assign {mentor} to mentor {ect}": through mentor training when it applies, else assign at once."""
    return REVIEW_MENTOR_ELIGIBILITY if needs_mentor_training(answers) else SUBMIT


def after_mentor_training(answers: Answers) -> str:
    """Registering: on to check your answers. Assigning the school's existing mentor: that finishes it."""
    return SUBMIT if assigning_existing_mentor(answers) else CHECK_ANSWERS


def ect_period_for(context: JourneyContext | Submission):
    """The ECT the mentor is for, loaded through the school (tenancy): None when it is not this school's."""
    ect_id = context.answers.fact(SEED, ECT_ID)
    return context.school.ect_periods.select_related("teacher").filter(pk=ect_id).first() if ect_id else None


def mentor_facts(context: JourneyContext, requested_trn: str, teacher) -> dict:
    """Whether the teacher a TRN names is the ECT themself; once TRS has identified them, whether they already
    mentor at this school and whether assigning them asks the mentor training question."""
    ect_period = ect_period_for(context)
    trns = {requested_trn, teacher.trn} if teacher else {requested_trn}
    facts = {"is_the_ect": ect_period is not None and ect_period.teacher.trn in trns}
    if teacher is None:
        return facts
    return {
        **facts,
        "already_at_school": current_mentor_period_at_school(context.school, teacher.trn) is not None,
        "mentor_training_needed": ect_period is not None
        and mentor_training_needed(ect_period=ect_period, trn=teacher.trn),
    }


def no_trn_url(context: JourneyContext) -> str:
    """ "They do not have a TRN": the ECT, and the journey to go back to once it exists."""
    query = {"ect": context.answers.fact(SEED, ECT_ID)}
    if context.journey_id:
        query["journey"] = context.journey_id
    return f"{reverse('mentors:register-mentor-no-trn')}?{urlencode(query)}"


FIND_MENTOR = FindTeacher(
    role="mentor",
    find_step=FIND,
    review_step=REVIEW_DETAILS,
    facts_about=mentor_facts,
    dead_end=dead_end,
    after_review=to(EMAIL),
    after_email=after_email,
    no_trn_url=no_trn_url,
)
TRAINING = MentorTraining(
    ect_id=lambda answers: answers.fact(SEED, ECT_ID),
    mentor_name=FIND_MENTOR.teacher_name,
    next_after=after_mentor_training,
)

# What each form is given, and each page shows -----------------------------------------------------------------

PHASE_NAMES = {"primary": "Primary", "secondary": "Secondary"}


def mentor_phase(answers: Answers) -> str:
    """The school's phase; for a school of neither phase, the one the school said the mentor teaches (PRIMARY
    until then: the teaching details steps come after the phase question, so they never need it)."""
    return answers.fact(SEED, SCHOOL_PHASE) or answers.value(PHASE, "phase") or PRIMARY


def teaching_form_kwargs(context: JourneyContext) -> dict:
    return {"mentor_name": FIND_MENTOR.teacher_name(context.answers), "phase": mentor_phase(context.answers)}


def check_answers_rows(answers: Answers) -> dict:
    """What check your answers shows, from the stored answers and facts (no queries)."""
    return {
        "name": FIND_MENTOR.teacher_name(answers),
        "trn": FIND_MENTOR.trn(answers),
        "email": FIND_MENTOR.email(answers),
        "phase": PHASE_NAMES.get(answers.value(PHASE, "phase"), "") if PHASE in answers else "",
        "subject": answers.value(SUBJECT, "subject"),
        "age_range": answers.value(AGE_RANGE, "age_range"),
        "key_stage": answers.value(KEY_STAGE, "key_stage"),
        "lead_provider": TRAINING.lead_provider_name(answers),
    }


def journey_page(context: JourneyContext) -> dict:
    ect_period = ect_period_for(context)
    if ect_period is None:  # the ECT left the school's records meanwhile (or never was this school's)
        raise Http404("No such ECT at this school")
    return {
        "ect_name": ect_period.teacher.full_name,
        "mentor_name": FIND_MENTOR.teacher_name(context.answers),
        "list_url": reverse("ects:list"),
        "restart_url": f"{reverse('mentors:register-mentor-start')}?ect={ect_period.pk}&restart=1",
    }


def already_registered_page(context: JourneyContext) -> dict:
    """Why the school's existing mentor cannot be assigned, when they have a last day (reported leaving or no
    longer mentoring): the page then offers no "Assign" button ("" when they can be assigned)."""
    mentor_period = current_mentor_period_at_school(context.school, FIND_MENTOR.trn(context.answers))
    if mentor_period is None or mentor_period.finished_on is None:
        return {"cannot_assign": ""}
    return {"cannot_assign": mentor_has_a_last_day(mentor_period)}


def start_facts(request) -> dict:
    """`?ect=<id>`: the school's current (or future) ECT the mentor will mentor; anything else is a 404."""
    ect_period = request.school.ect_periods.current_or_future().filter(pk=id_from_query(request, "ect")).first()
    if ect_period is None:
        raise Http404("No such ECT at this school")
    return {ECT_ID: ect_period.pk, SCHOOL_PHASE: school_phase(request.school)}


# Completing ---------------------------------------------------------------------------------------------------


def complete(submission: Submission) -> Outcome:
    """Register and assign the new mentor, or assign the school's existing one: the mentorship either way."""
    answers, cleaned = submission.answers, submission.cleaned
    ect_period = ect_period_for(submission)
    if ect_period is None:
        raise DomainError(ANSWERS_CHANGED)
    author = Author.school_user(submission.user)
    lead_provider = TRAINING.lead_provider(submission)
    newly_registered = False
    if assigning_existing_mentor(answers):
        mentor_period = current_mentor_period_at_school(submission.school, FIND_MENTOR.trn(answers))
        if mentor_period is None:
            raise DomainError(ANSWERS_CHANGED)
        assignment = assign_mentor(
            ect_period=ect_period,
            mentor_period=mentor_period,
            author=author,
            mentor_training_lead_provider=lead_provider,
        )
    else:
        registration = register_mentor(
            school=submission.school,
            ect_period=ect_period,
            author=author,
            **FIND_MENTOR.registration(answers).as_kwargs(),
            email=cleaned[EMAIL]["email"],
            subject=cleaned[SUBJECT]["subject"],
            age_range=cleaned[AGE_RANGE]["age_range"],
            key_stage=cleaned[KEY_STAGE]["key_stage"],
            mentor_training_lead_provider=lead_provider,
        )
        assignment, newly_registered = registration.assignment, registration.newly_registered
    training = assignment.mentor_training
    return Outcome(
        assignment.mentorship.pk,
        {
            "newly_registered": newly_registered,
            "ect_provider_led": ect_lead_provider(ect_period) is not None,
            "mentor_training_lead_provider": training.lead_provider.name if training else "",
        },
    )


def confirmation_context(school, completion) -> dict:
    """Loaded through the school: another school's mentorship is a 404."""
    mentorship = mentorship_at_school(school, completion.record_id)
    outcome = completion.outcome
    return {
        "title": "Mentor assigned",
        "mentor_name": mentorship.mentor.teacher.full_name,
        "ect_name": mentorship.mentee.teacher.full_name,
        "newly_registered": outcome.get("newly_registered", False),
        "ect_provider_led": outcome.get("ect_provider_led", False),
        "mentor_training_lead_provider": outcome.get("mentor_training_lead_provider", ""),
        "list_url": reverse("ects:list"),
    }


# The journey --------------------------------------------------------------------------------------------------

REGISTER_MENTOR = Journey(
    name="register-mentor",
    url_namespace="mentors",
    steps=[
        Step(
            WHAT_YOU_WILL_NEED,
            "What you’ll need to add a new mentor",
            next_step=to(FIND),
            page_context=lambda context: {"ect_provider_led": ect_lead_provider(ect_period_for(context)) is not None},
        ),
        *FIND_MENTOR.steps(),
        Step(
            CANNOT_MENTOR_THEMSELF,
            "You cannot assign an ECT as their own mentor",
            page_context=lambda context: {
                "assign_different_mentor_url": reverse("mentors:assign-mentor-start", args=[ect_period_for(context).pk])
            },
        ),
        Step(
            ALREADY_ACTIVE_AT_SCHOOL,
            "This mentor has already been registered",
            next_step=after_already_registered,
            page_context=already_registered_page,
        ),
        Step(CANNOT_REGISTER, "You cannot register this mentor"),
        Step(
            PHASE,
            "Phase",
            PhaseForm,
            to(SUBJECT),
            form_kwargs=lambda context: {"mentor_name": FIND_MENTOR.teacher_name(context.answers)},
        ),
        Step(SUBJECT, "Subject", SubjectForm, to(AGE_RANGE), form_kwargs=teaching_form_kwargs),
        Step(AGE_RANGE, "Age range", AgeRangeForm, to(KEY_STAGE), form_kwargs=teaching_form_kwargs),
        Step(
            KEY_STAGE,
            "Key stage",
            KeyStageForm,
            after_key_stage,
            form_kwargs=lambda context: {
                **teaching_form_kwargs(context),
                "age_range": context.answers.value(AGE_RANGE, "age_range"),
            },
        ),
        *TRAINING.steps(),
        Step(
            CHECK_ANSWERS,
            "Check your answers and confirm mentor details",
            next_step=to(CHECK_ANSWERS),
            page_context=lambda context: {"check": check_answers_rows(context.answers)},
        ),
    ],
    check_answers=CHECK_ANSWERS,
    template_dir="mentors/register",
    exit_url_name="ects:list",
    complete=complete,
    confirmation_context=confirmation_context,
    restart_step=FIND,
    start_facts=start_facts,
    page_context=journey_page,
)
