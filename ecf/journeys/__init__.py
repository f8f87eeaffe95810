"""Multi-step GOV.UK journeys: declared steps, pure routing, answers per journey id. See base.py."""

from ecf.journeys.base import SEED, SUBMIT, Answers, Journey, Step
from ecf.journeys.forms import JourneyContext, JourneyForm

__all__ = ["SEED", "SUBMIT", "Answers", "Journey", "JourneyContext", "JourneyForm", "Step"]
