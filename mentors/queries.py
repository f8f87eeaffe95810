"""Reads for the school's mentor pages and the mentor journeys.

Each runs a fixed number of queries, however many mentors or ECTs the school has. None locks anything: a
service that assigns or registers on the strength of one of these reads checks it again in its transaction.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Exists, F, OuterRef, Prefetch, QuerySet, Subquery
from django.db.models.functions import Coalesce, Lower
from django.http import Http404

from ecf.models import LeadProvider, Teacher, TrainingPeriod
from ecf.models.periods import not_finished_before
from ecf.models.teachers import display_name_expression
from ecf.teachers.search import TeacherSearch, searchable_name
from ecf.training.queries import (
    current_ect_training_period,
    lead_providers_active_in,
    mentor_has_had_training,
    training_contract_period,
)
from ects.models import ECTAtSchoolPeriod
from mentors.models import MentorAtSchoolPeriod, MentorshipPeriod
from mentors.training_status import (
    latest_mentor_training,
    mentor_training_completed,
    mentor_training_message,
    training_status,
    with_training_status,
)
from schools.models import School

PROVIDER_LED = TrainingPeriod.Programme.PROVIDER_LED


def current_mentorships(today: datetime.date) -> QuerySet[MentorshipPeriod]:
    """Mentorships not finished before today, earliest first (the one running now, else the next one)."""
    return MentorshipPeriod.objects.current_or_future(today).order_by("started_on", "pk")


def mentorships_of_current_ects(today: datetime.date) -> QuerySet[MentorshipPeriod]:
    """Current mentorships of ECTs still at the school (an ECT who has left has no mentor to show)."""
    return current_mentorships(today).filter(not_finished_before(today, "mentee__"))


def mentorship_version(ect_period: ECTAtSchoolPeriod, *, today: datetime.date | None = None) -> str:
    """The ECT's mentoring as it stands, to compare later: the ids of their mentorships not finished before today
    ("12,15"; "" with none). Assigning them a mentor changes it; see `mentors.services.assign_mentor`."""
    ids = (
        current_mentorships(today or datetime.date.today()).filter(mentee_id=ect_period.pk).values_list("pk", flat=True)
    )
    return ",".join(str(pk) for pk in ids)


# The mentors list and the mentor record ------------------------------------------------------------------------


def mentors_for_school_list(school, *, search: str = "", today: datetime.date | None = None) -> QuerySet:
    """The school's current and future mentors by name, each with the ECTs they currently mentor and the status of
    their mentor training (`with_training_status`)."""
    today = today or datetime.date.today()
    queryset = (
        with_training_status(school.mentor_periods.current_or_future(today))
        .select_related("teacher")
        .prefetch_related(
            Prefetch(
                "mentorship_periods",
                queryset=mentorships_of_current_ects(today)
                .select_related("mentee__teacher")
                .order_by("mentee__teacher__trs_last_name", "mentee__teacher__trs_first_name"),
                to_attr="current_mentorships",
            )
        )
        .order_by("teacher__trs_last_name", "teacher__trs_first_name", "pk")
    )
    if terms := TeacherSearch.parse(search):
        queryset = queryset.alias(searchable_name=searchable_name()).filter(terms.q())
    return queryset


@dataclass(frozen=True)
class AssignedECT:
    pk: int
    name: str


@dataclass(frozen=True)
class MentorSummary:
    pk: int
    name: str
    trn: str
    assigned_ects: list[AssignedECT]
    leaving: bool = False  # reported leaving (or no longer mentoring): tagged until their last day
    stopping_mentoring: bool = False  # ... staying at the school but no longer mentoring: "No longer mentoring"
    training_status: str = "active"  # of their mentor training: "active", "withdrawn", "deferred" or "completed"
    training_message: str = ""  # what the lead provider told us, when they withdrew or deferred it


def summarise(period) -> MentorSummary:
    """Needs the prefetch and annotations of `mentors_for_school_list`."""
    name = period.teacher.full_name
    status = training_status(
        period.training_withdrawn_at, period.training_deferred_at, completed=period.training_completed
    )
    return MentorSummary(
        pk=period.pk,
        name=name,
        trn=period.teacher.trn,
        assigned_ects=[
            AssignedECT(pk=mentorship.mentee_id, name=mentorship.mentee.teacher.full_name)
            for mentorship in period.current_mentorships
        ],
        leaving=period.reported_leaving_on is not None,
        stopping_mentoring=period.leaving_reason == MentorAtSchoolPeriod.LeavingReason.NO_LONGER_MENTORING,
        training_status=status,
        training_message=mentor_training_message(name, period.training_lead_provider or "", status),
    )


@dataclass(frozen=True)
class MentorTraining:
    lead_provider: str
    delivery_partner: str  # "" until the lead provider confirms a partnership with the school
    status: str = "active"  # of their mentor training: "active", "withdrawn", "deferred" or "completed"
    message: str = ""  # what the lead provider told us, when they withdrew or deferred it


@dataclass(frozen=True)
class MentorRecord:
    """What the mentor record shows, prepared so the template runs no queries."""

    pk: int
    name: str
    trn: str
    email: str
    subject: str
    age_range: str
    key_stage: str
    qts_awarded_on: datetime.date | None
    qualifications: str
    started_mentoring: str
    provider_training: str
    send_training: str
    subject_networks: str
    other_experiences: str
    mentees: list[AssignedECT]
    can_take_another_ect: bool
    can_start_training: bool  # no mentor training yet, and a provider-led ECT: the school may choose a lead provider
    training: MentorTraining | None
    training_completed: bool
    finished_on: datetime.date | None = None  # the last day as a mentor at the school, once known
    reported_leaving: bool = False  # the school told us (docs/journeys/leaving.md)
    stopping_mentoring: bool = False  # ... that they stay but will no longer mentor
    has_left: bool = False  # their last day as a mentor here is past


RECORD_FIELDS = (
    "pk",
    "email",
    "subject",
    "age_range",
    "key_stage",
    "started_mentoring",
    "provider_training",
    "send_training",
    "subject_networks",
    "other_experiences",
)


def mentor_record(school, pk: int, *, today: datetime.date | None = None) -> MentorRecord:
    """One of the school's mentors as the record shows them, in two queries; 404 for anyone else's."""
    today = today or datetime.date.today()
    training = TrainingPeriod.objects.filter(
        mentor_at_school_period=OuterRef("pk"), training_programme=TrainingPeriod.Programme.PROVIDER_LED
    ).order_by(F("finished_on").desc(nulls_first=True), "-started_on", "-pk")
    partnership = "school_partnership__lead_provider_delivery_partnership__"

    def latest(expression):
        return Subquery(training.annotate(value=expression).values("value")[:1])

    row = (
        school.mentor_periods.filter(pk=pk)
        .values(
            *RECORD_FIELDS,
            "finished_on",
            "reported_leaving_on",
            "leaving_reason",
            trn=F("teacher__trn"),
            name=display_name_expression("teacher__"),
            qts_awarded_on=F("teacher__trs_qts_awarded_on"),
            qualifications=F("teacher__trs_qualifications"),
            has_training=Exists(training),
            lead_provider=latest(
                Coalesce(
                    F(f"{partnership}active_lead_provider__lead_provider__name"),
                    F("expression_of_interest__lead_provider__name"),
                )
            ),
            delivery_partner=latest(F(f"{partnership}delivery_partner__name")),
            training_withdrawn_at=Subquery(latest_mentor_training().values("withdrawn_at")[:1]),
            training_deferred_at=Subquery(latest_mentor_training().values("deferred_at")[:1]),
            training_completed=mentor_training_completed(),
            # Mentor training could start for them (docs/journeys/change-lead-provider.md): they mentor an ECT in
            # provider-led training, and have never had mentor training, at any school, nor completed it.
            mentors_provider_led_ect=Exists(
                mentorships_of_current_ects(today).filter(
                    mentor=OuterRef("pk"),
                    mentee__training_periods__in=TrainingPeriod.objects.filter(
                        not_finished_before(today), training_programme=PROVIDER_LED
                    ),
                )
            ),
            trained_anywhere=Exists(
                TrainingPeriod.objects.filter(mentor_at_school_period__teacher=OuterRef("teacher"))
            ),
            completed_on=F("teacher__mentor_training_completed_on"),
            ect_to_offer=Exists(
                _ects_a_mentor_could_take(
                    school=OuterRef("school"), teacher=OuterRef("teacher"), mentor=OuterRef(OuterRef("pk")), today=today
                )
            ),
        )
        .first()
    )
    if row is None:
        raise Http404("No such mentor at this school")
    mentees = [
        AssignedECT(pk=mentee["mentee_id"], name=mentee["name"])
        for mentee in mentorships_of_current_ects(today)
        .filter(mentor_id=pk)
        .values("mentee_id", name=display_name_expression("mentee__teacher__"))
        .order_by("name", "mentee_id")
    ]
    still_mentoring = row["finished_on"] is None or row["finished_on"] >= today
    has_training = row["has_training"]
    status = training_status(
        row["training_withdrawn_at"], row["training_deferred_at"], completed=row["training_completed"]
    )
    return MentorRecord(
        **{field: row[field] for field in (*RECORD_FIELDS, "trn", "name", "qts_awarded_on", "qualifications")},
        mentees=mentees,
        # Not once they have a last day (`mentors.services.assign_mentor` refuses).
        can_take_another_ect=row["finished_on"] is None and row["ect_to_offer"],
        can_start_training=(
            still_mentoring
            and row["mentors_provider_led_ect"]
            and not row["trained_anywhere"]
            and row["completed_on"] is None
        ),
        training=MentorTraining(
            row["lead_provider"] or "",
            row["delivery_partner"] or "",
            status=status,
            message=mentor_training_message(row["name"], row["lead_provider"] or "", status),
        )
        if has_training
        else None,
        training_completed=row["training_completed"],
        finished_on=row["finished_on"],
        reported_leaving=row["reported_leaving_on"] is not None,
        has_left=not still_mentoring,
        stopping_mentoring=row["leaving_reason"] == MentorAtSchoolPeriod.LeavingReason.NO_LONGER_MENTORING,
    )


# Who can mentor whom (the assign and register journeys) --------------------------------------------------------


def _ects_a_mentor_could_take(*, school, teacher, mentor, today: datetime.date) -> QuerySet[ECTAtSchoolPeriod]:
    """The current and future ECTs at `school` that the mentor period `mentor` could be assigned: never the
    mentor themself (`teacher`), and not the ECTs they already mentor. Each of school, teacher and mentor is a
    value or an OuterRef (so the mentor record can ask with `Exists`)."""
    already_theirs = current_mentorships(today).filter(mentee=OuterRef("pk"), mentor=mentor)
    return (
        ECTAtSchoolPeriod.objects.current_or_future(today)
        .filter(school=school)
        .exclude(teacher=teacher)
        .exclude(Exists(already_theirs))
    )


def mentors_offered_for(
    ect_period: ECTAtSchoolPeriod, *, today: datetime.date | None = None
) -> list[MentorAtSchoolPeriod]:
    """ "Who will mentor {ect}?": the school's current (and future) mentors by surname then first name (as the
    lists sort), in one query.

    Never the ECT themself (a teacher can be an ECT and a mentor at once), not the ECT's current mentor (when
    changing their mentor), and not a mentor with a last day (reported leaving or no longer mentoring: the ECT
    would need another mentor the day after). Each has `teacher` loaded.
    """
    today = today or datetime.date.today()
    mentors_this_ect_now = current_mentorships(today).filter(mentee_id=ect_period.pk, mentor=OuterRef("pk"))
    return list(
        MentorAtSchoolPeriod.objects.filter(finished_on__isnull=True, school_id=ect_period.school_id)
        .exclude(teacher_id=ect_period.teacher_id)
        .exclude(Exists(mentors_this_ect_now))
        .select_related("teacher")
        .order_by(Lower("teacher__trs_last_name"), Lower("teacher__trs_first_name"), "pk")
    )


@dataclass(frozen=True)
class OfferedECT:
    """One radio of "Who would you like to assign to {mentor}?"."""

    ect_period: ECTAtSchoolPeriod
    name: str
    current_mentor_name: str  # "" when not currently being mentored


def ects_offered_for(mentor_period: MentorAtSchoolPeriod, *, today: datetime.date | None = None) -> list[OfferedECT]:
    """ "Who would you like to assign to {mentor}?": the ECTs the mentor could take, in one query.

    ECTs without a mentor first, then by name. The current mentor is the one of the mentorship running now
    (else the next one).
    """
    today = today or datetime.date.today()
    mentorships = current_mentorships(today).filter(mentee=OuterRef("pk"))
    periods = (
        _ects_a_mentor_could_take(
            school=mentor_period.school_id, teacher=mentor_period.teacher_id, mentor=mentor_period.pk, today=today
        )
        .select_related("teacher")
        .annotate(
            has_mentor=Exists(mentorships),
            current_mentor_name=Subquery(
                mentorships.annotate(name=display_name_expression("mentor__teacher__")).values("name")[:1]
            ),
            sort_name=Lower(display_name_expression("teacher__")),
        )
        .order_by("has_mentor", "sort_name", "pk")
    )
    return [
        OfferedECT(period, name=period.teacher.full_name, current_mentor_name=period.current_mentor_name or "")
        for period in periods
    ]


def current_mentor_period_at_school(school: School, trn: str) -> MentorAtSchoolPeriod | None:
    """The teacher's mentor period at this school not finished before today (a reported leaver is still a
    mentor until their last day), with `teacher` loaded; the earliest if a future one follows."""
    return (
        MentorAtSchoolPeriod.objects.current_or_future()
        .filter(school_id=school.pk, teacher__trn=trn)
        .select_related("teacher")
        .order_by("started_on", "pk")
        .first()
    )


def mentor_training_needed(
    *, ect_period: ECTAtSchoolPeriod, mentor_teacher: Teacher | None = None, trn: str | None = None
) -> bool:
    """Whether assigning this mentor to this ECT asks the mentor training question (and then starts training).

    True when the ECT's current training is provider-led, the mentor is eligible (has not completed mentor
    training; a teacher we do not know yet is eligible) and has had no mentor training yet. Give the mentor's
    Teacher, or their TRN when they may be new to the service.
    """
    training_period = current_ect_training_period(ect_period)
    if training_period is None or training_period.training_programme != PROVIDER_LED:
        return False
    if mentor_teacher is None and trn is not None:
        mentor_teacher = Teacher.objects.filter(trn=trn).first()
    if mentor_teacher is None:
        return True
    return mentor_teacher.mentor_training_completed_on is None and not mentor_has_had_training(mentor_teacher.pk)


def lead_providers_for_mentor_training(ect_period: ECTAtSchoolPeriod) -> QuerySet[LeadProvider]:
    """The lead providers active in the contract period of the ECT's current training, by name (none when the
    ECT has no training)."""
    return lead_providers_active_in(training_contract_period(current_ect_training_period(ect_period)))


def mentorship_at_school(school, pk: int) -> MentorshipPeriod:
    """A mentorship of one of the school's ECTs, with both teachers loaded; Http404 for anyone else's."""
    mentorship = (
        MentorshipPeriod.objects.filter(mentee__school=school, pk=pk)
        .select_related("mentee__teacher", "mentor__teacher")
        .first()
    )
    if mentorship is None:
        raise Http404("No such mentorship at this school")
    return mentorship
