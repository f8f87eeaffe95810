"""Reads for the school's ECT pages: every query a list or record page needs, in a fixed number."""

import datetime
from dataclasses import dataclass

from django.db import connection
from django.db.models import CharField, F, Q, QuerySet, Value
from django.db.models.functions import Coalesce, Concat, NullIf
from django.http import Http404

from ecf.models import TrainingPeriod
from ects.models import ECTAtSchoolPeriod

TRN_LENGTH = 7


def search_filter(search: str, *, prefix: str = "teacher__") -> Q:
    """A 7-digit term (after dropping spaces and other non-digits) is a TRN; anything else matches names."""
    digits = "".join(character for character in search if character.isdigit())
    if len(digits) == TRN_LENGTH and not any(character.isalpha() for character in search):
        return Q(**{f"{prefix}trn": digits})
    return Q(searchable_name__icontains=search.strip())


def display_name(prefix: str) -> Coalesce:
    """Teacher.full_name in SQL: the corrected name, else the TRS first and last name."""
    return Coalesce(
        NullIf(F(f"{prefix}corrected_name"), Value("")),
        Concat(F(f"{prefix}trs_first_name"), Value(" "), F(f"{prefix}trs_last_name")),
        output_field=CharField(),
    )


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


# The ECTs list is the page schools use most, and the one `make bench` measures. Building the ORM
# version of these queries (subqueries through five joins, per request) cost more CPU than PostgreSQL
# spent running them, so the list and the record read through this SQL instead: `chosen` picks the
# periods (for the list, sorting only cheap columns and cutting the page), then each chosen period
# gets its current training and mentor from LATERAL subqueries.
SUMMARY_SQL = """
WITH chosen AS (
  SELECT period.id,
         EXISTS (
           SELECT 1 FROM mentors_mentorshipperiod
           WHERE mentee_id = period.id AND (finished_on IS NULL OR finished_on >= %(today)s)
         ) AS has_mentor,
         period.started_on, teacher.trs_last_name
  FROM ects_ectatschoolperiod period JOIN ecf_teacher teacher ON teacher.id = period.teacher_id
  WHERE period.school_id = %(school)s AND {where}
  {page}
)
SELECT period.id AS pk, period.email, period.started_on, period.finished_on, period.working_pattern,
       period.reported_leaving_on, teacher.trn,
       COALESCE(NULLIF(teacher.corrected_name, ''), teacher.trs_first_name || ' ' || teacher.trs_last_name) AS name,
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
  SELECT * FROM ecf_trainingperiod
  WHERE ect_at_school_period_id = period.id AND (finished_on IS NULL OR finished_on >= %(today)s)
  ORDER BY started_on DESC LIMIT 1
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
  SELECT mentorship.mentor_id,
         COALESCE(NULLIF(mentor.corrected_name, ''), mentor.trs_first_name || ' ' || mentor.trs_last_name)
           AS mentor_name
  FROM mentors_mentorshipperiod mentorship
  JOIN mentors_mentoratschoolperiod mentor_period ON mentor_period.id = mentorship.mentor_id
  JOIN ecf_teacher mentor ON mentor.id = mentor_period.teacher_id
  WHERE mentorship.mentee_id = period.id AND (mentorship.finished_on IS NULL OR mentorship.finished_on >= %(today)s)
  ORDER BY mentorship.started_on LIMIT 1
) mentorship ON true
ORDER BY chosen.has_mentor, chosen.started_on DESC, chosen.trs_last_name, chosen.id
"""

COUNT_SQL = """
SELECT count(*) FROM ects_ectatschoolperiod period JOIN ecf_teacher teacher ON teacher.id = period.teacher_id
WHERE period.school_id = %(school)s AND {where}
"""

# `where` clauses are built only from these constants: search terms only ever travel as parameters.
# The school's current and future ECTs, but not those whose induction TRS says is over.
LISTED = (
    "(period.finished_on IS NULL OR period.finished_on >= %(today)s)"
    " AND teacher.trs_induction_status NOT IN ('Passed', 'Failed')"
)
SEARCH_BY_TRN = " AND teacher.trn = %(trn)s"
SEARCH_BY_NAME = (
    " AND (teacher.trs_first_name || ' ' || teacher.trs_last_name || ' ' || teacher.corrected_name)"
    " ILIKE %(name)s ESCAPE '\\'"
)
# Those without a mentor first, then the latest start (the columns `chosen` selects).
LIST_PAGE = "ORDER BY has_mentor, started_on DESC, trs_last_name, id OFFSET %(offset)s LIMIT %(limit)s"


def _summary_rows(*, where: str, params: dict, page: str = "") -> list[dict]:
    with connection.cursor() as cursor:
        cursor.execute(SUMMARY_SQL.format(where=where, page=page), params)
        columns = [column.name for column in cursor.description]
        return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def _list_filter(search: str) -> tuple[str, dict]:
    """A 7-digit term (after dropping spaces and other non-digits) is a TRN; anything else matches names."""
    digits = "".join(character for character in search if character.isdigit())
    if len(digits) == TRN_LENGTH and not any(character.isalpha() for character in search):
        return LISTED + SEARCH_BY_TRN, {"trn": digits}
    if search.strip():
        escaped = search.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        return LISTED + SEARCH_BY_NAME, {"name": f"%{escaped}%"}
    return LISTED, {}


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
