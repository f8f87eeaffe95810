"""Reads the mentor journeys need to route and validate (the writes are in `mentors.services`).

Each answers one question a step asks in a fixed number of queries, however many mentors or ECTs the
school has; none locks anything, so the service that finally assigns or registers checks again inside
its transaction.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Lower

from ecf.models import ActiveLeadProvider, ContractPeriod, LeadProvider, Teacher, TrainingPeriod
from ects.models import ECTAtSchoolPeriod
from ects.queries import display_name
from ects.registration import email_in_use_by_someone_else
from mentors.models import MentorAtSchoolPeriod, MentorshipPeriod
from schools.models import School

__all__ = [
    "OfferedECT",
    "current_ect_training_period",
    "current_mentor_period_at_school",
    "ect_lead_provider",
    "ects_offered_for",
    "email_in_use_by_someone_else",
    "lead_providers_for_mentor_training",
    "mentor_has_had_training",
    "mentor_training_contract_period",
    "mentor_training_needed",
    "mentors_offered_for",
]

PROVIDER_LED = TrainingPeriod.Programme.PROVIDER_LED
PARTNERSHIP = "school_partnership__lead_provider_delivery_partnership__active_lead_provider__"


def _not_finished_before(day: datetime.date) -> Q:
    return Q(finished_on__isnull=True) | Q(finished_on__gte=day)


def _current_mentorships(today: datetime.date) -> QuerySet:
    """Mentorships not finished before today, earliest first (the one running now, else the next one)."""
    return MentorshipPeriod.objects.filter(_not_finished_before(today)).order_by("started_on", "pk")


# Who can mentor whom ------------------------------------------------------------------------------------------


def mentors_offered_for(
    ect_period: ECTAtSchoolPeriod, *, today: datetime.date | None = None
) -> list[MentorAtSchoolPeriod]:
    """ "Who will mentor {ect}?": the school's current (and future) mentors by name, in one query.

    Never the ECT themself (a teacher can be an ECT and a mentor at once), and not the ECT's current
    mentor (when changing their mentor). Each has `teacher` loaded.
    """
    today = today or datetime.date.today()
    mentors_this_ect_now = _current_mentorships(today).filter(mentee_id=ect_period.pk, mentor=OuterRef("pk"))
    return list(
        MentorAtSchoolPeriod.objects.filter(_not_finished_before(today), school_id=ect_period.school_id)
        .exclude(teacher_id=ect_period.teacher_id)
        .exclude(Exists(mentors_this_ect_now))
        .select_related("teacher")
        .annotate(sort_name=Lower(display_name("teacher__")))
        .order_by("sort_name", "pk")
    )


@dataclass(frozen=True)
class OfferedECT:
    """One radio of "Who would you like to assign to {mentor}?"."""

    ect_period: ECTAtSchoolPeriod
    name: str
    current_mentor_name: str  # "" when not currently being mentored

    @property
    def pk(self) -> int:
        return self.ect_period.pk


def ects_offered_for(mentor_period: MentorAtSchoolPeriod, *, today: datetime.date | None = None) -> list[OfferedECT]:
    """ "Who would you like to assign to {mentor}?": the current ECTs at the mentor's school, in one query.

    ECTs without a mentor first, then by name. Never the mentor themself, and not the ECTs this mentor
    already mentors. The current mentor is the one of the mentorship running now (else the next one).
    """
    today = today or datetime.date.today()
    mentorships = _current_mentorships(today).filter(mentee=OuterRef("pk"))
    periods = (
        ECTAtSchoolPeriod.objects.filter(_not_finished_before(today), school_id=mentor_period.school_id)
        .exclude(teacher_id=mentor_period.teacher_id)
        .exclude(Exists(mentorships.filter(mentor_id=mentor_period.pk)))
        .select_related("teacher")
        .annotate(
            has_mentor=Exists(mentorships),
            current_mentor_name=Subquery(
                mentorships.annotate(name=display_name("mentor__teacher__")).values("name")[:1]
            ),
            sort_name=Lower(display_name("teacher__")),
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
        MentorAtSchoolPeriod.objects.filter(
            _not_finished_before(datetime.date.today()), school_id=school.pk, teacher__trn=trn
        )
        .select_related("teacher")
        .order_by("started_on", "pk")
        .first()
    )


# Mentor training (journeys.md §5) ---------------------------------------------------------------------------


def current_ect_training_period(ect_period: ECTAtSchoolPeriod, *, today: datetime.date | None = None):
    """The ECT's training running today (else the next one to start), with its lead provider and contract
    period loaded, or None."""
    today = today or datetime.date.today()
    return (
        TrainingPeriod.objects.filter(_not_finished_before(today), ect_at_school_period_id=ect_period.pk)
        .select_related(
            f"{PARTNERSHIP}lead_provider",
            f"{PARTNERSHIP}contract_period",
            "expression_of_interest__lead_provider",
            "expression_of_interest__contract_period",
        )
        .order_by("started_on", "pk")
        .first()
    )


def mentor_training_contract_period(training_period: TrainingPeriod | None) -> ContractPeriod | None:
    """The contract period of the ECT's training: its partnership's or expression of interest's, else (school-led)
    the one containing its start. Needs the select_related of `current_ect_training_period`."""
    if training_period is None:
        return None
    if training_period.school_partnership_id:
        partnership = training_period.school_partnership.lead_provider_delivery_partnership
        return partnership.active_lead_provider.contract_period
    if training_period.expression_of_interest_id:
        return training_period.expression_of_interest.contract_period
    return ContractPeriod.objects.containing(training_period.started_on).first()


def ect_lead_provider(ect_period: ECTAtSchoolPeriod) -> LeadProvider | None:
    """The lead provider of the ECT's current training; None when it is school-led or there is none."""
    training_period = current_ect_training_period(ect_period)
    return training_period.lead_provider if training_period is not None else None


def lead_providers_for_mentor_training(ect_period: ECTAtSchoolPeriod) -> QuerySet[LeadProvider]:
    """The lead providers active in the contract period of the ECT's current training, by name (none when the
    ECT has no training)."""
    contract_period = mentor_training_contract_period(current_ect_training_period(ect_period))
    if contract_period is None:
        return LeadProvider.objects.none()
    active = ActiveLeadProvider.objects.filter(contract_period=contract_period)
    return LeadProvider.objects.filter(pk__in=active.values("lead_provider")).order_by("name")


def mentor_has_had_training(teacher_id: int) -> bool:
    """Whether the teacher has ever had a mentor training period, at any school: only their first provider-led
    assignment starts mentor training (a mentor at two schools is not trained twice)."""
    return TrainingPeriod.objects.filter(mentor_at_school_period__teacher_id=teacher_id).exists()


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
