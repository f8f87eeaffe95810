"""Where a journey's answers live between requests: the server-side session, under the journey's id.

The id is in the URL, so two tabs hold two independent journeys. Answers are cleaned, JSON-serialisable
values; a date of birth or National Insurance number entered in a journey stays here and nowhere else.
A journey belongs to the school it was started for: used from another school it does not exist.
"""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass, field

from ecf.journeys.base import Answers

SESSION_KEY = "journeys"
# Old journeys are dropped so a session never grows without bound.
MAX_JOURNEYS_PER_SESSION = 10


@dataclass
class JourneyState:
    journey_id: uuid.UUID | None  # None for a journey's first page, shown before the journey exists
    journey_name: str
    school_id: int
    answers: Answers
    invalid_steps: list[str] = field(default_factory=list)  # stored answers check your answers found invalid
    completed: bool = False  # then `answers` is empty: a completed journey keeps nothing a user typed

    def to_session(self) -> dict:
        return {
            "journey_name": self.journey_name,
            "school_id": self.school_id,
            "answers": self.answers.as_dict(),
            "invalid_steps": self.invalid_steps,
            "completed": self.completed,
            "touched_at": time.time(),
        }


def load(request, journey_name: str, journey_id: uuid.UUID) -> JourneyState | None:
    """The journey with this id in this session, if it was started for this school and is a `journey_name`."""
    stored = request.session.get(SESSION_KEY, {}).get(str(journey_id))
    if not stored or stored["journey_name"] != journey_name or stored["school_id"] != request.school.pk:
        return None
    return JourneyState(
        journey_id=journey_id,
        journey_name=journey_name,
        school_id=stored["school_id"],
        answers=Answers(stored["answers"]),
        invalid_steps=stored.get("invalid_steps", []),
        completed=stored.get("completed", False),
    )


def save(request, state: JourneyState) -> None:
    journeys = dict(request.session.get(SESSION_KEY, {}))
    journeys[str(state.journey_id)] = state.to_session()
    newest = sorted(journeys.items(), key=lambda item: item[1]["touched_at"], reverse=True)
    request.session[SESSION_KEY] = dict(newest[:MAX_JOURNEYS_PER_SESSION])
