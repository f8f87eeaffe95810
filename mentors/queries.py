"""Reads for the school's mentor pages."""

import datetime
from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet

from ects.queries import search_filter, with_searchable_name
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
