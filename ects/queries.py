"""Reads for the school's ECT pages: every query a list or record page needs, in a fixed number."""

import datetime
from dataclasses import dataclass

from django.db.models import Exists, F, OuterRef, Prefetch, Q, QuerySet, Value
from django.db.models.functions import Concat

from ecf.models import TrainingPeriod
from ects.models import ECTAtSchoolPeriod
from mentors.models import MentorshipPeriod

TRN_LENGTH = 7


def _not_finished_before(day: datetime.date) -> Q:
    return Q(finished_on__isnull=True) | Q(finished_on__gte=day)


def training_periods_prefetch(today: datetime.date) -> Prefetch:
    return Prefetch(
        "training_periods",
        queryset=TrainingPeriod.objects.filter(_not_finished_before(today))
        .select_related(
            "school_partnership__lead_provider_delivery_partnership__active_lead_provider__lead_provider",
            "school_partnership__lead_provider_delivery_partnership__delivery_partner",
            "expression_of_interest__lead_provider",
        )
        .order_by("started_on"),
        to_attr="current_training_periods",
    )


def mentorships_prefetch(today: datetime.date) -> Prefetch:
    return Prefetch(
        "mentorship_periods",
        queryset=MentorshipPeriod.objects.filter(_not_finished_before(today))
        .select_related("mentor__teacher")
        .order_by("started_on"),
        to_attr="current_mentorships",
    )


def search_filter(search: str, *, prefix: str = "teacher__") -> Q:
    """A 7-digit term (after dropping spaces and other non-digits) is a TRN; anything else matches names."""
    digits = "".join(character for character in search if character.isdigit())
    if len(digits) == TRN_LENGTH and not any(character.isalpha() for character in search):
        return Q(**{f"{prefix}trn": digits})
    return Q(searchable_name__icontains=search.strip())


def with_searchable_name(queryset: QuerySet, *, prefix: str = "teacher__") -> QuerySet:
    return queryset.annotate(
        searchable_name=Concat(
            F(f"{prefix}trs_first_name"),
            Value(" "),
            F(f"{prefix}trs_last_name"),
            Value(" "),
            F(f"{prefix}corrected_name"),
        )
    )


def ects_for_school_list(school, *, search: str = "", today: datetime.date | None = None) -> QuerySet:
    """The school's current and future ECTs: those without a mentor first, then latest start first."""
    today = today or datetime.date.today()
    has_mentor = Exists(MentorshipPeriod.objects.filter(_not_finished_before(today), mentee=OuterRef("pk")))
    queryset = (
        school.ect_periods.filter(_not_finished_before(today))
        .exclude(teacher__trs_induction_status__in=["Passed", "Failed"])
        .select_related("teacher", "appropriate_body")
        .annotate(has_mentor=has_mentor)
        .prefetch_related(training_periods_prefetch(today), mentorships_prefetch(today))
        .order_by("has_mentor", "-started_on", "teacher__trs_last_name", "pk")
    )
    if search.strip():
        queryset = with_searchable_name(queryset).filter(search_filter(search))
    return queryset


def ect_for_record(school, pk: int, *, today: datetime.date | None = None) -> ECTAtSchoolPeriod:
    """One of the school's ECT periods, or 404 for anyone else's."""
    from django.shortcuts import get_object_or_404

    today = today or datetime.date.today()
    queryset = school.ect_periods.select_related("teacher", "appropriate_body").prefetch_related(
        training_periods_prefetch(today), mentorships_prefetch(today)
    )
    return get_object_or_404(queryset, pk=pk)


@dataclass(frozen=True)
class ECTStatus:
    text: str
    colour: str
    message: str = ""


@dataclass(frozen=True)
class ECTSummary:
    """What the ECT list card and the ECT record show, prepared so templates run no queries."""

    pk: int
    name: str
    trn: str
    email: str
    started_on: datetime.date
    working_pattern: str
    appropriate_body: str
    training_programme: str
    provider_led: bool
    lead_provider: str
    lead_provider_confirmed: bool
    delivery_partner: str
    mentor_name: str
    mentor_pk: int | None
    status: ECTStatus

    @property
    def needs_mentor(self) -> bool:
        return not self.mentor_name


def summarise(period: ECTAtSchoolPeriod, *, today: datetime.date | None = None) -> ECTSummary:
    """Needs the prefetches of `ects_for_school_list` / `ect_for_record`."""
    today = today or datetime.date.today()
    name = period.teacher.full_name
    training = period.current_training_periods[-1] if period.current_training_periods else None
    mentorship = period.current_mentorships[0] if period.current_mentorships else None
    lead_provider = training.lead_provider if training else None
    delivery_partner = training.delivery_partner if training else None
    return ECTSummary(
        pk=period.pk,
        name=name,
        trn=period.teacher.trn,
        email=period.email,
        started_on=period.started_on,
        working_pattern=period.get_working_pattern_display(),
        appropriate_body=period.appropriate_body.name if period.appropriate_body else "",
        training_programme=training.get_training_programme_display() if training else "",
        provider_led=bool(training and training.provider_led),
        lead_provider=lead_provider.name if lead_provider else "",
        lead_provider_confirmed=bool(training and training.school_partnership_id),
        delivery_partner=delivery_partner.name if delivery_partner else "",
        mentor_name=mentorship.mentor.teacher.full_name if mentorship else "",
        mentor_pk=mentorship.mentor_id if mentorship else None,
        status=ect_status(period, name=name, training=training, has_mentor=mentorship is not None, today=today),
    )


def ect_status(period, *, name: str, training, has_mentor: bool, today: datetime.date) -> ECTStatus:
    if period.reported_leaving_on or (period.finished_on and period.finished_on >= today):
        return ECTStatus("Leaving school", "yellow")
    provider_have = (
        f"{training.lead_provider.name} have" if training and training.lead_provider else "The lead provider has"
    )
    if training and training.status == "withdrawn":
        return ECTStatus(
            "Action required",
            "red",
            f"{provider_have} told us that {name} is no longer training with them. "
            "Contact them if you think this is an error.",
        )
    if training and training.status == "deferred":
        return ECTStatus(
            "Training paused",
            "orange",
            f"{provider_have} told us that {name}’s training is paused. Contact them if you think this is an error.",
        )
    if has_mentor:
        return ECTStatus("Registered", "green")
    return ECTStatus("Action required", "red", f"A mentor needs to be assigned to {name}.")
