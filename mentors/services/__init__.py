"""Writes for mentors: assigning a mentor to an ECT (assign.py), registering a new mentor for an ECT
(register.py), and the mentor record's changes (record.py).

Every function runs in one transaction, locks the rows it reasons about before reading what it decides on,
writes audit Events, and refuses with a `DomainError` whose message is GOV.UK copy.
"""

from mentors.services.assign import MentorAssignment, assign_mentor, mentor_has_a_last_day
from mentors.services.record import (
    change_mentor_additional_details,
    change_mentor_email,
    change_mentor_name,
    change_mentor_teaching_details,
)
from mentors.services.register import MentorRegistration, register_mentor

__all__ = [
    "MentorAssignment",
    "MentorRegistration",
    "assign_mentor",
    "change_mentor_additional_details",
    "change_mentor_email",
    "change_mentor_name",
    "change_mentor_teaching_details",
    "mentor_has_a_last_day",
    "register_mentor",
]
