"""Select a new lead provider for a mentor's training: the ECT journey's steps with the mentor's copy.

/school/mentors/<id>/change-lead-provider -> /school/change-mentor-lead-provider/<journey id>/select-lead-provider
"""

from ects.change_lead_provider.journey import Role, lead_provider_change_journey

MENTOR = Role(
    seed="mentor",
    periods=lambda school: school.mentor_periods,
    record_url_name="mentors:record",
    required="Select a lead provider to contact your school",
    invalid="Select a different lead provider to contact your school",
    rows=("Mentor", "Current Lead Provider", "New Lead Provider"),
    list_url_name="mentors:list",
    list_link_text="Back to mentors",
    start_url_name="mentors:change-mentor-lead-provider-start",
)

CHANGE_MENTOR_LEAD_PROVIDER = lead_provider_change_journey(
    name="change-mentor-lead-provider", url_namespace="mentors", role=MENTOR
)
