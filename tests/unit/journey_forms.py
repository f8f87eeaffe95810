"""A register-an-ECT step's form built as the journey builds it, the answers it is given and the errors it reports."""

import datetime

from django.utils import timezone

from ecf.journeys import Answers, JourneyContext
from ects.register.journey import REGISTER_ECT

TODAY = timezone.localdate()
DOB = {"date_of_birth-day": "3", "date_of_birth-month": "2", "date_of_birth-year": "1977"}
IDENTIFIED = {"found": True, "trn": "1234567", "first_name": "Kate", "last_name": "Lewis"}


def context(school=None, **answers):
    return JourneyContext(school=school, user=None, answers=Answers(answers))


def ect_form(step: str, data=None, context=None):
    """The form of a register-an-ECT step, built as the journey builds it."""
    return REGISTER_ECT.step(step).build_form(context, data)


def with_find_facts(**facts):
    return {"find-ect": {"data": {}, "facts": {**IDENTIFIED, **facts}}}


def errors(form) -> dict:
    form.is_valid()
    return {name: list(messages) for name, messages in form.errors.items()}


def date(day: datetime.date, name: str) -> dict:
    return {f"{name}-day": str(day.day), f"{name}-month": str(day.month), f"{name}-year": str(day.year)}
