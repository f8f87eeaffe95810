"""Multi-step GOV.UK journeys: declared steps, pure routing, answers per journey id. See base.py."""

from ecf.journeys.base import (
    ANSWERS_CHANGED,
    SEED,
    SUBMIT,
    Answers,
    Journey,
    JourneyContext,
    Outcome,
    Step,
    Submission,
    to,
)
from ecf.journeys.forms import JourneyForm

__all__ = [
    "ANSWERS_CHANGED",
    "SEED",
    "SUBMIT",
    "Answers",
    "Journey",
    "JourneyContext",
    "JourneyForm",
    "Outcome",
    "Step",
    "Submission",
    "to",
]
