"""The admin teacher page shows the teacher's timeline: school and lead provider actions, oldest first."""

import pytest
from django.urls import reverse

from ecf.events import Author
from ects.services import change_ect_email
from tests.factories import SchoolUserFactory

pytestmark = pytest.mark.django_db


def test_the_teacher_page_shows_school_and_provider_actions_in_order(admin_client, api, ect_training, lead_provider):
    ect = ect_training.ect_at_school_period
    change_ect_email(ect_period=ect, email="new@example.com", author=Author.school_user(SchoolUserFactory()))
    api.put(
        f"/participants/{ect.teacher.api_id}/withdraw",
        {
            "data": {
                "type": "participant-withdraw",
                "attributes": {"reason": "other", "course_identifier": "ecf-induction"},
            }
        },
    )

    page = admin_client.get(reverse("admin:ecf_teacher_change", args=[ect.teacher.pk])).content.decode()

    school_row = page.index("School user")
    provider_row = page.index(f"Lead provider API: {lead_provider.name}")
    assert school_row < provider_row
    assert "was withdrawn by" in page
