"""Reads for the school's mentor pages."""

import datetime
from dataclasses import dataclass

from django.db.models import Exists, F, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404

from ecf.models import Declaration, TrainingPeriod
from ects.models import ECTAtSchoolPeriod
from ects.queries import display_name, search_filter, with_searchable_name
from mentors.models import MentorshipPeriod


def _not_finished_before(day: datetime.date) -> Q:
    return Q(finished_on__isnull=True) | Q(finished_on__gte=day)


def mentors_for_school_list(school, *, search: str = "", today: datetime.date | None = None) -> QuerySet:
    """The school's current and future mentors by name, each with the ECTs they currently mentor."""
    today = today or datetime.date.today()
    queryset = (
        school.mentor_periods.filter(_not_finished_before(today))
        .select_related("teacher")
        .prefetch_related(
            Prefetch(
                "mentorship_periods",
                queryset=MentorshipPeriod.objects.filter(_not_finished_before(today))
                .filter(Q(mentee__finished_on__isnull=True) | Q(mentee__finished_on__gte=today))
                .select_related("mentee__teacher")
                .order_by("mentee__teacher__trs_last_name", "mentee__teacher__trs_first_name"),
                to_attr="current_mentorships",
            )
        )
        .order_by("teacher__trs_last_name", "teacher__trs_first_name", "pk")
    )
    if search.strip():
        queryset = with_searchable_name(queryset).filter(search_filter(search))
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


def summarise(period) -> MentorSummary:
    """Needs the prefetch of `mentors_for_school_list`."""
    return MentorSummary(
        pk=period.pk,
        name=period.teacher.full_name,
        trn=period.teacher.trn,
        assigned_ects=[
            AssignedECT(pk=mentorship.mentee_id, name=mentorship.mentee.teacher.full_name)
            for mentorship in period.current_mentorships
        ],
    )


# The mentor record (journeys.md §6) -----------------------------------------------------------------------------

# Received = the lead provider's declaration stands (the admin's rule for marking the teacher's training completed).
NOT_RECEIVED = (Declaration.State.VOIDED, Declaration.State.INELIGIBLE)


@dataclass(frozen=True)
class MentorTraining:
    lead_provider: str
    delivery_partner: str  # "" until the lead provider confirms a partnership with the school


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
    training: MentorTraining | None
    training_completed: bool


def mentor_record(school, pk: int, *, today: datetime.date | None = None) -> MentorRecord:
    """One of the school's mentors as the record shows them, in two queries; 404 for anyone else's."""
    today = today or datetime.date.today()
    training = TrainingPeriod.objects.filter(
        mentor_at_school_period=OuterRef("pk"), training_programme=TrainingPeriod.Programme.PROVIDER_LED
    ).order_by(F("finished_on").desc(nulls_first=True), "-started_on", "-pk")
    partnership = "school_partnership__lead_provider_delivery_partnership__"

    def latest(expression):
        return Subquery(training.annotate(value=expression).values("value")[:1])

    rows = list(
        school.mentor_periods.filter(pk=pk).values(
            "pk",
            "email",
            "finished_on",
            "subject",
            "age_range",
            "key_stage",
            "started_mentoring",
            "provider_training",
            "send_training",
            "subject_networks",
            "other_experiences",
            trn=F("teacher__trn"),
            name=display_name("teacher__"),
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
            training_completed=Exists(
                Declaration.objects.filter(
                    declaration_type=Declaration.DeclarationType.COMPLETED,
                    training_period__mentor_at_school_period__teacher=OuterRef("teacher"),
                ).exclude(state__in=NOT_RECEIVED)
            ),
            ect_to_offer=Exists(_ects_this_mentor_could_take(today)),
        )
    )
    if not rows:
        raise Http404("No such mentor at this school")
    row = rows[0]
    mentees = [
        AssignedECT(pk=mentee["mentee_id"], name=mentee["name"])
        for mentee in _current_mentorships(today)
        .filter(mentor_id=pk)
        .values("mentee_id", name=display_name("mentee__teacher__"))
        .order_by("name", "mentee_id")
    ]
    still_mentoring = row["finished_on"] is None or row["finished_on"] >= today
    return MentorRecord(
        pk=row["pk"],
        name=row["name"],
        trn=row["trn"],
        email=row["email"],
        subject=row["subject"],
        age_range=row["age_range"],
        key_stage=row["key_stage"],
        qts_awarded_on=row["qts_awarded_on"],
        qualifications=row["qualifications"],
        started_mentoring=row["started_mentoring"],
        provider_training=row["provider_training"],
        send_training=row["send_training"],
        subject_networks=row["subject_networks"],
        other_experiences=row["other_experiences"],
        mentees=mentees,
        can_take_another_ect=still_mentoring and row["ect_to_offer"],
        training=MentorTraining(row["lead_provider"] or "", row["delivery_partner"] or "")
        if row["has_training"]
        else None,
        training_completed=row["training_completed"],
    )


def _current_mentorships(today: datetime.date) -> QuerySet:
    return MentorshipPeriod.objects.filter(_not_finished_before(today)).filter(
        Q(mentee__finished_on__isnull=True) | Q(mentee__finished_on__gte=today)
    )


def _ects_this_mentor_could_take(today: datetime.date) -> QuerySet:
    """For `Exists` on a MentorAtSchoolPeriod query: a current ECT at its school who is not the mentor themself
    and not already mentored by them (the rule of `mentors.registration.ects_offered_for`)."""
    already_theirs = _current_mentorships(today).filter(mentee=OuterRef("pk"), mentor=OuterRef(OuterRef("pk")))
    return (
        ECTAtSchoolPeriod.objects.filter(_not_finished_before(today), school=OuterRef("school"))
        .exclude(teacher=OuterRef("teacher"))
        .exclude(Exists(already_theirs))
    )
