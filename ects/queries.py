"""Reads for the school's ECT pages and the register-an-ECT journey. The list and record pages run a fixed
number of queries whatever the number of ECTs; none of these locks anything, so the service that registers an
ECT checks again inside its transaction."""

import datetime
from dataclasses import dataclass
from typing import TypedDict

from django.db import connection
from django.db.models import Prefetch
from django.http import Http404

from ecf.models import AppropriateBody, ContractPeriod, DeliveryPartner, LeadProvider, TrainingPeriod
from ecf.models.teachers import DISPLAY_NAME_SQL, name_sql
from ecf.teachers.search import TeacherSearch
from ecf.training.queries import active_lead_provider, confirmed_partnership, contract_period_for
from ects.models import ECTAtSchoolPeriod
from schools.models import School

# The ECTs list is the page schools use most, and the one `make bench` measures. Building the ORM
# version of these queries (subqueries through five joins, per request) cost more CPU than PostgreSQL
# spent running them, so the list and the record read through this SQL instead: `chosen` picks the
# periods (for the list, sorting only cheap columns and cutting the page), then each chosen period
# gets its current training and mentor from LATERAL subqueries.
SUMMARY_SQL = """
WITH chosen AS (
  SELECT period.id,
         -- Needs action: no mentor, or a lead provider withdrew or deferred the ECT's latest training (withdrawing
         -- finishes it that day, so it stays the latest until the school or the provider starts another). EXISTS
         -- on the partial index training_stopped_ect_idx costs the page next to nothing (`make bench`).
         NOT EXISTS (
           SELECT 1 FROM mentors_mentorshipperiod
           WHERE mentee_id = period.id AND (finished_on IS NULL OR finished_on >= %(today)s)
         ) OR EXISTS (
           SELECT 1 FROM ecf_trainingperiod training
           WHERE training.ect_at_school_period_id = period.id
             AND (training.withdrawn_at IS NOT NULL OR training.deferred_at IS NOT NULL)
             AND NOT EXISTS (
               SELECT 1 FROM ecf_trainingperiod later
               WHERE later.ect_at_school_period_id = period.id AND later.started_on > training.started_on
             )
         ) AS needs_action,
         period.started_on, teacher.trs_last_name
  FROM ects_ectatschoolperiod period JOIN ecf_teacher teacher ON teacher.id = period.teacher_id
  WHERE period.school_id = %(school)s AND {where}
  {page}
)
SELECT period.id AS pk, period.email, period.started_on, period.finished_on, period.working_pattern,
       period.reported_leaving_on, teacher.trn, {ect_name} AS name,
       appropriate_body.name AS appropriate_body_name,
       training.training_programme, training.school_partnership_id IS NOT NULL AS lead_provider_confirmed,
       COALESCE(partnership_lead_provider.name, interest_lead_provider.name) AS lead_provider_name,
       delivery_partner.name AS delivery_partner_name,
       CASE
         WHEN training.withdrawn_at IS NOT NULL
              AND (training.deferred_at IS NULL OR training.withdrawn_at >= training.deferred_at) THEN 'withdrawn'
         WHEN training.deferred_at IS NOT NULL THEN 'deferred'
         ELSE 'active'
       END AS training_status,
       mentorship.mentor_id AS mentor_pk, mentorship.mentor_name
FROM chosen
JOIN ects_ectatschoolperiod period ON period.id = chosen.id
JOIN ecf_teacher teacher ON teacher.id = period.teacher_id
LEFT JOIN ecf_appropriatebody appropriate_body ON appropriate_body.id = period.appropriate_body_id
LEFT JOIN LATERAL (
  -- The training the school sees: the latest, while it runs, or once a lead provider withdrew or deferred it.
  SELECT * FROM (
    SELECT * FROM ecf_trainingperiod WHERE ect_at_school_period_id = period.id ORDER BY started_on DESC LIMIT 1
  ) latest
  WHERE finished_on IS NULL OR finished_on >= %(today)s OR withdrawn_at IS NOT NULL OR deferred_at IS NOT NULL
) training ON true
LEFT JOIN ecf_schoolpartnership school_partnership ON school_partnership.id = training.school_partnership_id
LEFT JOIN ecf_leadproviderdeliverypartnership lpdp
  ON lpdp.id = school_partnership.lead_provider_delivery_partnership_id
LEFT JOIN ecf_activeleadprovider partnership_active ON partnership_active.id = lpdp.active_lead_provider_id
LEFT JOIN ecf_leadprovider partnership_lead_provider
  ON partnership_lead_provider.id = partnership_active.lead_provider_id
LEFT JOIN ecf_deliverypartner delivery_partner ON delivery_partner.id = lpdp.delivery_partner_id
LEFT JOIN ecf_activeleadprovider interest ON interest.id = training.expression_of_interest_id
LEFT JOIN ecf_leadprovider interest_lead_provider ON interest_lead_provider.id = interest.lead_provider_id
LEFT JOIN LATERAL (
  SELECT mentorship.mentor_id, {mentor_name} AS mentor_name
  FROM mentors_mentorshipperiod mentorship
  JOIN mentors_mentoratschoolperiod mentor_period ON mentor_period.id = mentorship.mentor_id
  JOIN ecf_teacher mentor ON mentor.id = mentor_period.teacher_id
  WHERE mentorship.mentee_id = period.id AND (mentorship.finished_on IS NULL OR mentorship.finished_on >= %(today)s)
  ORDER BY mentorship.started_on LIMIT 1
) mentorship ON true
ORDER BY chosen.needs_action DESC, chosen.started_on DESC, chosen.trs_last_name, chosen.id
"""

COUNT_SQL = """
SELECT count(*) FROM ects_ectatschoolperiod period JOIN ecf_teacher teacher ON teacher.id = period.teacher_id
WHERE period.school_id = %(school)s AND {where}
"""

# `where` clauses are built only from these constants and TeacherSearch.sql(): search terms only ever travel as
# parameters. The school's current and future ECTs, but not those whose induction TRS says is over.
LISTED = (
    "(period.finished_on IS NULL OR period.finished_on >= %(today)s)"
    " AND teacher.trs_induction_status NOT IN ('Passed', 'Failed')"
)
# Those that need action (no mentor, or training a lead provider withdrew or deferred) first, then the latest start
# (the columns `chosen` selects).
LIST_PAGE = "ORDER BY needs_action DESC, started_on DESC, trs_last_name, id OFFSET %(offset)s LIMIT %(limit)s"


def _summary_rows(*, where: str, params: dict, page: str = "") -> list[dict]:
    sql = SUMMARY_SQL.format(
        where=where,
        page=page,
        ect_name=name_sql(DISPLAY_NAME_SQL, "teacher"),
        mentor_name=name_sql(DISPLAY_NAME_SQL, "mentor"),
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        columns = [column.name for column in cursor.description]
        return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def _list_filter(search: str) -> tuple[str, dict]:
    condition, params = TeacherSearch.parse(search).sql("teacher")
    return LISTED + condition, params


def count_listed_ects(school, *, search: str = "", today: datetime.date | None = None) -> int:
    where, params = _list_filter(search)
    with connection.cursor() as cursor:
        cursor.execute(
            COUNT_SQL.format(where=where), {**params, "school": school.pk, "today": today or datetime.date.today()}
        )
        return cursor.fetchone()[0]


def listed_ects(school, *, search: str = "", offset: int, limit: int, today: datetime.date | None = None) -> list:
    """One page of the school's ECTs list, as summaries."""
    today = today or datetime.date.today()
    where, params = _list_filter(search)
    rows = _summary_rows(
        where=where,
        params={**params, "school": school.pk, "today": today, "offset": offset, "limit": limit},
        page=LIST_PAGE,
    )
    return [summary_from_row(row, today=today) for row in rows]


def ect_summary(school, pk: int, *, today: datetime.date | None = None):
    """The record page's summary of one of the school's ECTs, or 404 for anyone else's."""
    today = today or datetime.date.today()
    rows = _summary_rows(where="period.id = %(pk)s", params={"pk": pk, "school": school.pk, "today": today})
    if not rows:
        raise Http404("No such ECT at this school")
    return summary_from_row(rows[0], today=today)


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
    training_status: str  # "active", "withdrawn" or "deferred" (by the lead provider, through the API)
    leaving: bool
    finished_on: datetime.date | None = None  # the last day at the school, once known
    reported_leaving: bool = False  # the school told us they are leaving (docs/journeys/leaving.md)
    has_left: bool = False  # their last day here is past

    @property
    def needs_mentor(self) -> bool:
        """No current mentor, and staying: a reported leaver is not asked for one (docs/journeys/leaving.md)."""
        return not self.mentor_name and not self.reported_leaving

    @property
    def withdrawn(self) -> bool:
        """The lead provider told us the ECT no longer trains with them (and they are not leaving: then the
        leaving status says it all)."""
        return self.training_status == "withdrawn" and not self.leaving

    @property
    def deferred(self) -> bool:
        return self.training_status == "deferred" and not self.leaving

    @property
    def shows_lead_provider(self) -> bool:
        """Provider-led, and not withdrawn by that provider: a withdrawing provider no longer trains the ECT, even
        once the school reports them leaving (when `withdrawn` is False because the leaving status says it all)."""
        return self.provider_led and self.training_status != "withdrawn"


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
        training_status=row["training_status"],
        leaving=is_leaving(row, today=today),
        finished_on=row["finished_on"],
        reported_leaving=row["reported_leaving_on"] is not None,
        has_left=row["finished_on"] is not None and row["finished_on"] < today,
    )


def is_leaving(row: dict, *, today: datetime.date) -> bool:
    return bool(row["reported_leaving_on"] or (row["finished_on"] and row["finished_on"] >= today))


def ect_status(row: dict, *, today: datetime.date) -> ECTStatus:
    name = row["name"]
    if is_leaving(row, today=today):
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


# The register-an-ECT journey -----------------------------------------------------------------------------------

PROVIDER_LED = TrainingPeriod.Programme.PROVIDER_LED
SCHOOL_LED = TrainingPeriod.Programme.SCHOOL_LED


def previous_ect_period(trn: str) -> ECTAtSchoolPeriod | None:
    """The teacher's latest ECT period at any school, for "{ect} has been registered before".

    `training_periods.all()` is prefetched latest first with its lead provider and delivery partner, and
    `latest_training_period` is set to the first of them (or None), so the page runs no further queries.
    """
    period = (
        ECTAtSchoolPeriod.objects.filter(teacher__trn=trn)
        .select_related("teacher", "school", "appropriate_body")
        .prefetch_related(
            Prefetch(
                "training_periods",
                queryset=TrainingPeriod.objects.select_related(
                    "school_partnership__lead_provider_delivery_partnership__active_lead_provider__lead_provider",
                    "school_partnership__lead_provider_delivery_partnership__delivery_partner",
                    "expression_of_interest__lead_provider",
                ).order_by("-started_on", "-pk"),
            )
        )
        .order_by("-started_on", "-pk")
        .first()
    )
    if period is not None:
        training_periods = list(period.training_periods.all())
        period.latest_training_period = training_periods[0] if training_periods else None
    return period


def open_ect_period_at_school(school: School, trn: str, *, today: datetime.date | None = None) -> bool:
    """Whether the teacher is still an ECT at this school: open, or finishing today or later (a reported
    leaver is still registered until their last day)."""
    return school.ect_periods.current_or_future(today).filter(teacher__trn=trn).exists()


def earliest_permitted_start_date(today: datetime.date) -> datetime.date:
    """The start of the contract period before the previous one (docs/journeys/register-an-ect.md, "Start date").

    With today in 2025/26 that is 1 June 2023: schools may register ECTs who started up to two
    academic years back. Where fewer earlier contract periods exist the earliest one known is used;
    without any contract period at all nothing earlier than today can be registered anyway.
    """
    current = (
        ContractPeriod.objects.containing(today).first()
        or ContractPeriod.objects.filter(started_on__lte=today).order_by("-started_on").first()
    )
    if current is None:
        return today
    earlier = list(ContractPeriod.objects.filter(started_on__lt=current.started_on).order_by("-started_on")[:2])
    return (earlier[-1] if earlier else current).started_on


def appropriate_body_error(school: School, appropriate_body: AppropriateBody) -> str:
    """The GOV.UK error when this appropriate body cannot support ECTs at this school, else ""."""
    if school.independent:
        if appropriate_body.body_type == AppropriateBody.BodyType.LOCAL_AUTHORITY:
            return "Select a valid appropriate body which will be supporting the ECT’s induction"
    elif appropriate_body.body_type != AppropriateBody.BodyType.TEACHING_SCHOOL_HUB:
        return "Select a teaching school hub appropriate body which will be supporting the ECT’s induction"
    return ""


class ProgrammeChoices(TypedDict):
    appropriate_body: AppropriateBody
    training_programme: str  # TrainingPeriod.Programme value
    lead_provider: LeadProvider | None  # provider-led only
    delivery_partner: DeliveryPartner | None  # when the lead provider already confirmed a partnership


def reusable_programme_choices(school: School, started_on: datetime.date) -> ProgrammeChoices | None:
    """The school's last programme choices if they can be used again for an ECT starting on `started_on`
    ("Programme choices used by your school previously"), else None.

    Reusable: an appropriate body the school may still choose, and either school-led, or provider-led
    with a lead provider active in that contract period (an expression of interest is then always
    possible; a confirmed partnership, when there is one, adds its delivery partner).
    """
    appropriate_body = school.last_chosen_appropriate_body
    programme = school.last_chosen_training_programme
    if appropriate_body is None or programme not in (PROVIDER_LED, SCHOOL_LED):
        return None
    if appropriate_body_error(school, appropriate_body):
        return None
    contract_period = contract_period_for(started_on)
    if contract_period is None:
        return None
    if programme == SCHOOL_LED:
        return ProgrammeChoices(
            appropriate_body=appropriate_body, training_programme=programme, lead_provider=None, delivery_partner=None
        )
    lead_provider = school.last_chosen_lead_provider
    if lead_provider is None or active_lead_provider(lead_provider, contract_period) is None:
        return None
    partnership = confirmed_partnership(school, lead_provider, contract_period)
    return ProgrammeChoices(
        appropriate_body=appropriate_body,
        training_programme=programme,
        lead_provider=lead_provider,
        delivery_partner=partnership.delivery_partner if partnership else None,
    )
