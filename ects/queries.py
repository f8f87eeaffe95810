"""Reads for the school's ECT pages: every query a list or record page needs, in a fixed number."""

import datetime
from dataclasses import dataclass

from django.db.models import Case, CharField, Exists, F, OuterRef, Q, QuerySet, Subquery, Value, When
from django.db.models.functions import Coalesce, Concat, NullIf
from django.http import Http404

from ecf.models import TrainingPeriod
from ects.models import ECTAtSchoolPeriod
from mentors.models import MentorshipPeriod

TRN_LENGTH = 7


def _not_finished_before(day: datetime.date) -> Q:
    return Q(finished_on__isnull=True) | Q(finished_on__gte=day)


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
    """The ids of the school's current and future ECTs: those without a mentor first, then latest start first.

    Only ids, so paginating 500 ECTs sorts integers; `ect_summaries` then reads the 20 on the page.
    """
    today = today or datetime.date.today()
    has_mentor = Exists(MentorshipPeriod.objects.filter(_not_finished_before(today), mentee=OuterRef("pk")))
    queryset = (
        school.ect_periods.filter(_not_finished_before(today))
        .exclude(teacher__trs_induction_status__in=["Passed", "Failed"])
        .annotate(has_mentor=has_mentor)
        .order_by("has_mentor", "-started_on", "teacher__trs_last_name", "pk")
    )
    if search.strip():
        queryset = with_searchable_name(queryset).filter(search_filter(search))
    return queryset.values_list("pk", flat=True)


def display_name(prefix: str) -> Coalesce:
    """Teacher.full_name in SQL: the corrected name, else the TRS first and last name."""
    return Coalesce(
        NullIf(F(f"{prefix}corrected_name"), Value("")),
        Concat(F(f"{prefix}trs_first_name"), Value(" "), F(f"{prefix}trs_last_name")),
        output_field=CharField(),
    )


def ect_summaries(periods: QuerySet, *, today: datetime.date | None = None) -> list:
    """What list cards and the record show, in ONE query of plain values (no model objects, no prefetches):
    the current training and mentor come from correlated subqueries."""
    today = today or datetime.date.today()
    training = TrainingPeriod.objects.filter(_not_finished_before(today), ect_at_school_period=OuterRef("pk")).order_by(
        "-started_on"
    )
    mentorship = MentorshipPeriod.objects.filter(_not_finished_before(today), mentee=OuterRef("pk")).order_by(
        "started_on"
    )
    partnership = "school_partnership__lead_provider_delivery_partnership__"

    def current(queryset, expression):
        return Subquery(queryset.annotate(value=expression).values("value")[:1])

    rows = periods.values(
        "pk",
        "email",
        "started_on",
        "finished_on",
        "working_pattern",
        "reported_leaving_on",
        trn=F("teacher__trn"),
        name=display_name("teacher__"),
        appropriate_body_name=F("appropriate_body__name"),
        training_programme=current(training, F("training_programme")),
        lead_provider_confirmed=current(training, Q(school_partnership__isnull=False)),
        lead_provider_name=current(
            training,
            Coalesce(
                F(f"{partnership}active_lead_provider__lead_provider__name"),
                F("expression_of_interest__lead_provider__name"),
            ),
        ),
        delivery_partner_name=current(training, F(f"{partnership}delivery_partner__name")),
        training_status=current(training, training_status_expression()),
        mentor_pk=current(mentorship, F("mentor_id")),
        mentor_name=current(mentorship, display_name("mentor__teacher__")),
    )
    return [summary_from_row(row, today=today) for row in rows]


def training_status_expression() -> Case:
    """TrainingPeriod.status in SQL: the later of withdrawal and deferral wins."""
    return Case(
        When(
            Q(withdrawn_at__isnull=False) & (Q(deferred_at__isnull=True) | Q(withdrawn_at__gte=F("deferred_at"))),
            then=Value("withdrawn"),
        ),
        When(deferred_at__isnull=False, then=Value("deferred")),
        default=Value("active"),
        output_field=CharField(),
    )


def ect_summaries_in_order(school, ids: list[int], *, today: datetime.date | None = None) -> list:
    by_pk = {summary.pk: summary for summary in ect_summaries(school.ect_periods.filter(pk__in=ids), today=today)}
    return [by_pk[pk] for pk in ids if pk in by_pk]


def ect_summary(school, pk: int, *, today: datetime.date | None = None):
    """The record page's summary of one of the school's ECTs, or 404 for anyone else's."""
    summaries = ect_summaries(school.ect_periods.filter(pk=pk), today=today)
    if not summaries:
        raise Http404("No such ECT at this school")
    return summaries[0]


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


PROGRAMME_LABELS = dict(TrainingPeriod.Programme.choices)
WORKING_PATTERN_LABELS = dict(ECTAtSchoolPeriod.WorkingPattern.choices)


def summary_from_row(row: dict, *, today: datetime.date) -> ECTSummary:
    provider_led = row["training_programme"] == TrainingPeriod.Programme.PROVIDER_LED
    return ECTSummary(
        pk=row["pk"],
        name=row["name"],
        trn=row["trn"],
        email=row["email"],
        started_on=row["started_on"],
        working_pattern=WORKING_PATTERN_LABELS.get(row["working_pattern"], ""),
        appropriate_body=row["appropriate_body_name"] or "",
        training_programme=PROGRAMME_LABELS.get(row["training_programme"], ""),
        provider_led=provider_led,
        lead_provider=row["lead_provider_name"] or "",
        lead_provider_confirmed=bool(row["lead_provider_confirmed"]),
        delivery_partner=row["delivery_partner_name"] or "",
        mentor_name=row["mentor_name"] or "",
        mentor_pk=row["mentor_pk"],
        status=ect_status(row, today=today),
    )


def ect_status(row: dict, *, today: datetime.date) -> ECTStatus:
    name = row["name"]
    if row["reported_leaving_on"] or (row["finished_on"] and row["finished_on"] >= today):
        return ECTStatus("Leaving school", "yellow")
    provider_have = f"{row['lead_provider_name']} have" if row["lead_provider_name"] else "The lead provider has"
    if row["training_status"] == "withdrawn":
        return ECTStatus(
            "Action required",
            "red",
            f"{provider_have} told us that {name} is no longer training with them. "
            "Contact them if you think this is an error.",
        )
    if row["training_status"] == "deferred":
        return ECTStatus(
            "Training paused",
            "orange",
            f"{provider_have} told us that {name}’s training is paused. Contact them if you think this is an error.",
        )
    if row["mentor_pk"]:
        return ECTStatus("Registered", "green")
    return ECTStatus("Action required", "red", f"A mentor needs to be assigned to {name}.")
