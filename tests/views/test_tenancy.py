"""Another school's records are invisible: every school URL that takes an id answers 404 to outsiders.

The meta-test below walks the URLconf: a new URL pattern with an id that is not in OTHER_SCHOOLS_RECORDS
fails the suite until someone proves it is scoped to the signed-in user's school.
"""

from urllib.parse import urlencode

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from tests.factories import ECTAtSchoolPeriodFactory, SchoolFactory

# URL name -> builds a record at ANOTHER school and returns the URL's kwargs.
OTHER_SCHOOLS_RECORDS = {
    "ects:record": lambda: {"pk": ECTAtSchoolPeriodFactory(school=SchoolFactory()).pk},
    "ects:change-name": lambda: {"pk": ECTAtSchoolPeriodFactory(school=SchoolFactory()).pk},
    "ects:change-email-address": lambda: {"pk": ECTAtSchoolPeriodFactory(school=SchoolFactory()).pk},
    "ects:change-working-pattern": lambda: {"pk": ECTAtSchoolPeriodFactory(school=SchoolFactory()).pk},
}


def another_schools_registration() -> dict:
    """A register-an-ECT journey completed at ANOTHER school (its id is in that user's URLs)."""
    import uuid

    from ecf.models import JourneyCompletion

    period = ECTAtSchoolPeriodFactory(school=SchoolFactory())
    completion = JourneyCompletion.objects.create(
        journey_id=uuid.uuid4(), journey_name="register-ect", record_id=period.pk
    )
    return {"journey_id": completion.journey_id}


OTHER_SCHOOLS_RECORDS["ects:register-ect"] = lambda: {**another_schools_registration(), "step_name": "check-answers"}
OTHER_SCHOOLS_RECORDS["ects:register-ect-confirmation"] = another_schools_registration


def another_schools_assignment(journey_name: str) -> dict:
    """An assign-mentor or assign-ECT journey completed at ANOTHER school (the record is the mentorship)."""
    import uuid

    from ecf.models import JourneyCompletion
    from tests.factories import MentorshipPeriodFactory

    mentorship = MentorshipPeriodFactory(mentee=ECTAtSchoolPeriodFactory(school=SchoolFactory()))
    completion = JourneyCompletion.objects.create(
        journey_id=uuid.uuid4(), journey_name=journey_name, record_id=mentorship.pk
    )
    return {"journey_id": completion.journey_id}


def _another_schools_mentor_id() -> dict:
    from tests.factories import MentorAtSchoolPeriodFactory

    return {"mentor_id": MentorAtSchoolPeriodFactory(school=SchoolFactory()).pk}


OTHER_SCHOOLS_RECORDS["mentors:assign-mentor-start"] = lambda: {
    "ect_id": ECTAtSchoolPeriodFactory(school=SchoolFactory()).pk
}
OTHER_SCHOOLS_RECORDS["mentors:assign-ect-start"] = _another_schools_mentor_id
for _journey, _first_step in (("assign-mentor", "who-will-mentor"), ("assign-ect", "who-to-assign")):
    OTHER_SCHOOLS_RECORDS[f"mentors:{_journey}"] = lambda j=_journey, s=_first_step: {
        **another_schools_assignment(j),
        "step_name": s,
    }
    OTHER_SCHOOLS_RECORDS[f"mentors:{_journey}-confirmation"] = lambda j=_journey: another_schools_assignment(j)

# Register a new mentor: its record is the mentorship too.
OTHER_SCHOOLS_RECORDS["mentors:register-mentor"] = lambda: {
    **another_schools_assignment("register-mentor"),
    "step_name": "check-answers",
}
OTHER_SCHOOLS_RECORDS["mentors:register-mentor-confirmation"] = lambda: another_schools_assignment("register-mentor")


def _another_schools_ect_query() -> dict:
    return {"ect": ECTAtSchoolPeriodFactory(school=SchoolFactory()).pk}


def _another_schools_mentor_query() -> dict:
    from tests.factories import MentorAtSchoolPeriodFactory

    return {"mentor": MentorAtSchoolPeriodFactory(school=SchoolFactory()).pk}


# A journey's first pages, before it exists, take their record in the query string: (URL kwargs, query).
OTHER_SCHOOLS_RECORDS["mentors:register-mentor-no-trn"] = lambda: ({}, _another_schools_ect_query())
OTHER_SCHOOLS_RECORDS["mentors:register-mentor-new"] = lambda: (
    {"step_name": "what-you-will-need"},
    _another_schools_ect_query(),
)
OTHER_SCHOOLS_RECORDS["mentors:assign-mentor-new"] = lambda: (
    {"step_name": "who-will-mentor"},
    _another_schools_ect_query(),
)
OTHER_SCHOOLS_RECORDS["mentors:assign-ect-new"] = lambda: (
    {"step_name": "who-to-assign"},
    _another_schools_mentor_query(),
)


def _another_schools_mentor_pk() -> dict:
    from tests.factories import MentorAtSchoolPeriodFactory

    return {"pk": MentorAtSchoolPeriodFactory(school=SchoolFactory()).pk}


for _name in [
    "record",
    "change-name",
    "change-email-address",
    "change-phase",
    "change-subject",
    "change-age-range",
    "change-key-stage",
]:
    OTHER_SCHOOLS_RECORDS[f"mentors:{_name}"] = _another_schools_mentor_pk
OTHER_SCHOOLS_RECORDS["mentors:change-additional-detail"] = lambda: {
    **_another_schools_mentor_pk(),
    "detail": "other-experiences",
}


def another_schools_leaving(journey_name: str, make_period) -> dict:
    """A report-leaving or remove-mentor journey completed at ANOTHER school (the record is the ECT or mentor)."""
    import uuid

    from ecf.models import JourneyCompletion

    completion = JourneyCompletion.objects.create(
        journey_id=uuid.uuid4(),
        journey_name=journey_name,
        record_id=make_period().pk,
        outcome={"leaving_on": "2027-01-31", "reason": "left_school"},
    )
    return {"journey_id": completion.journey_id}


def another_schools_training_change(journey_name: str, role: str) -> dict:
    """A change-of-training journey completed at ANOTHER school (the record is the ECT's or mentor's period)."""
    import uuid

    from ecf.models import JourneyCompletion
    from tests.factories import MentorAtSchoolPeriodFactory

    factory = ECTAtSchoolPeriodFactory if role == "ect" else MentorAtSchoolPeriodFactory
    period = factory(school=SchoolFactory())
    completion = JourneyCompletion.objects.create(
        journey_id=uuid.uuid4(), journey_name=journey_name, record_id=period.pk
    )
    return {"journey_id": completion.journey_id}


def _another_schools_ect():
    return ECTAtSchoolPeriodFactory(school=SchoolFactory())


def _another_schools_mentor():
    from tests.factories import MentorAtSchoolPeriodFactory

    return MentorAtSchoolPeriodFactory(school=SchoolFactory())


OTHER_SCHOOLS_RECORDS["ects:report-ect-leaving-from-record"] = lambda: {"ect_id": _another_schools_ect().pk}
OTHER_SCHOOLS_RECORDS["ects:report-ect-leaving-new"] = lambda: (
    {"step_name": "leaving-date"},
    _another_schools_ect_query(),
)
OTHER_SCHOOLS_RECORDS["ects:report-ect-leaving"] = lambda: {
    **another_schools_leaving("report-ect-leaving", _another_schools_ect),
    "step_name": "check-answers",
}
OTHER_SCHOOLS_RECORDS["ects:report-ect-leaving-confirmation"] = lambda: another_schools_leaving(
    "report-ect-leaving", _another_schools_ect
)
OTHER_SCHOOLS_RECORDS["mentors:remove-mentor-from-record"] = lambda: {"mentor_id": _another_schools_mentor().pk}
OTHER_SCHOOLS_RECORDS["mentors:remove-mentor-new"] = lambda: ({"step_name": "reason"}, _another_schools_mentor_query())
OTHER_SCHOOLS_RECORDS["mentors:remove-mentor"] = lambda: {
    **another_schools_leaving("remove-mentor", _another_schools_mentor),
    "step_name": "check-answers",
}
OTHER_SCHOOLS_RECORDS["mentors:remove-mentor-confirmation"] = lambda: another_schools_leaving(
    "remove-mentor", _another_schools_mentor
)

# Select a new lead provider (ECT and mentor) and change the training programme: the start from the record, the
# first page before the journey exists (its record in the query string), a step and the confirmation.
for _name, _role, _first_step in (
    ("ects:change-lead-provider", "ect", "select-lead-provider"),
    ("ects:change-training-programme", "ect", "explanation"),
    ("mentors:change-mentor-lead-provider", "mentor", "select-lead-provider"),
):
    _journey = _name.split(":")[1]
    _records = _another_schools_ect_query if _role == "ect" else _another_schools_mentor_query
    OTHER_SCHOOLS_RECORDS[f"{_name}-start"] = lambda r=_records: {"pk": next(iter(r().values()))}
    OTHER_SCHOOLS_RECORDS[f"{_name}-new"] = lambda r=_records, s=_first_step: ({"step_name": s}, r())
    OTHER_SCHOOLS_RECORDS[_name] = lambda j=_journey, r=_role: {
        **another_schools_training_change(j, r),
        "step_name": "check-answers",
    }
    OTHER_SCHOOLS_RECORDS[f"{_name}-confirmation"] = lambda j=_journey, r=_role: another_schools_training_change(j, r)

# Patterns with ids that are not school records, and why they are safe.
NOT_SCHOOL_RECORDS = {
    "sign-in-as-persona",  # local-only persona sign-in; the id is the user to sign in as
    "ects:register-ect-new",  # a new registration's first pages: no record, and nothing stored until answered
}


def patterns_with_ids(resolver=None, namespace=""):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            if pattern.app_name == "admin":
                continue  # the Django admin is for DfE staff, who see every school
            if pattern.namespace == "api-v3":
                continue  # lead providers' records, not schools': tests/api/test_tenancy.py
            child_namespace = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from patterns_with_ids(pattern, child_namespace)
        elif isinstance(pattern, URLPattern) and pattern.pattern.converters:
            yield f"{namespace}{pattern.name}"


def test_every_url_with_an_id_is_covered_by_the_tenancy_matrix():
    uncovered = set(patterns_with_ids()) - set(OTHER_SCHOOLS_RECORDS) - NOT_SCHOOL_RECORDS
    assert not uncovered, f"Add these URL names to OTHER_SCHOOLS_RECORDS: {sorted(uncovered)}"


@pytest.mark.parametrize("url_name", sorted(OTHER_SCHOOLS_RECORDS))
@pytest.mark.parametrize("method", ["get", "post"])
def test_another_schools_record_is_not_found(school_client, url_name, method):
    from django.urls import reverse

    record = OTHER_SCHOOLS_RECORDS[url_name]()
    kwargs, query = record if isinstance(record, tuple) else (record, {})
    url = reverse(url_name, kwargs=kwargs) + (f"?{urlencode(query)}" if query else "")

    response = getattr(school_client, method)(url)

    # A POST to a GET-only page may answer 405, which reveals nothing either; never 200 or a redirect.
    assert response.status_code in ({404} if method == "get" else {404, 405})
