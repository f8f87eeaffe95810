"""Finding a teacher: the steps every journey that registers a teacher shares, declared once.

    find (TRN + date of birth) ─┬─ too many lookups found no one ── try-again-later
                                ├─ the journey's dead end the TRN alone shows, if any (e.g. the ECT themself)
                                ├─ not found (unknown TRN or wrong date: TRS does not say which)
                                │      └─ national-insurance-number ─┬─ not found ── not-found
                                │                                    └─ (as below)
                                └─ identified ─ (the journey's dead end, if any) ─ review details ─ ... ─ email

The date of birth and National Insurance number are checked by TRS, and forgotten once the school confirms
the teacher ("Check ... details"); see docs/journeys/README.md, "Finding a teacher".

A journey declares only its differences:

    FIND_ECT = FindTeacher(
        role="ECT",
        find_step="find-ect",
        review_step="review-ect-details",
        facts_about=ect_facts,        # (JourneyContext, requested TRN, TRS's record or None) -> facts it routes on
        dead_end=ect_dead_end,        # those facts -> the step of a dead end (already registered...), or None
        after_review=after_review,    # answers -> the step after "Check ECT details"
        after_email=to(START_DATE),   # answers -> the step after the email address
    )
    REGISTER_ECT = Journey(..., steps=[Step(WHAT_YOU_WILL_NEED, ...), *FIND_ECT.steps(), ...])

and reads what was found through it: `FIND_ECT.teacher_name(answers)`, `FIND_ECT.registration(answers)` for its
service, `FIND_ECT.identity_rows(answers)`. Pages: templates/teachers/ (a journey's own
`<template_dir>/<step>.html` wins). The rules and copy: docs/journeys/README.md, "Finding a teacher".
"""

from __future__ import annotations

import contextlib
import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

from django.core.exceptions import ValidationError

from ecf.govuk.filters import govuk_date
from ecf.journeys import Answers, JourneyContext, Step
from ecf.models.teachers import display_name
from ecf.teachers.fields import DateOfBirthField
from ecf.teachers.forms import (
    FindTeacherForm,
    NationalInsuranceNumberForm,
    TeacherDetailsForm,
    TeacherEmailForm,
    look_up_again,
)
from ecf.teachers.lookups import TeacherLookups
from ecf.trs import TEST_GUIDANCE, TEST_TRNS, TRSTeacher, normalise_national_insurance_number, using_fake_trs

NATIONAL_INSURANCE_NUMBER = "national-insurance-number"
NOT_FOUND = "not-found"
TRY_AGAIN_LATER = "try-again-later"
EMAIL = "email-address"
CANT_USE_EMAIL = "cant-use-email"


@dataclass(frozen=True)
class TeacherDetails:
    """Who was found, as a registration service takes it (`register_ect(**details.as_kwargs(), ...)`)."""

    trn: str
    trs_first_name: str
    trs_last_name: str
    trs_induction_status: str
    trs_qts_awarded_on: datetime.date | None
    corrected_name: str

    def as_kwargs(self) -> dict:
        return dict(self.__dict__)


@dataclass(frozen=True)
class FindTeacher:
    """The find-a-teacher steps of one journey.

    role: "ECT" or "mentor", as the pages say it.
    find_step, review_step: the names (URL segments) of the find and "Check ... details" steps.
    facts_about: (context, requested TRN, TRS's record once the date of birth or National Insurance number
        matched, else None) -> facts the journey's routing needs (only what the TRN alone tells while the record
        is None).
    dead_end: those facts, with TRS's -> the step of one of the journey's dead ends, or None to carry on.
    after_review, after_email: answers -> the step after "Check ... details" and after the email address.
    titles: page titles that differ from the defaults below, by step name.
    no_trn_url: context -> the "They do not have a TRN" link on the find page, when the journey has one.
    """

    role: str
    find_step: str
    review_step: str
    facts_about: Callable[[JourneyContext, str, TRSTeacher | None], dict]
    dead_end: Callable[[dict], str | None]
    after_review: Callable[[Answers], str]
    after_email: Callable[[Answers], str]
    titles: dict[str, str] = field(default_factory=dict)
    no_trn_url: Callable[[JourneyContext], str] | None = None

    def __repr__(self) -> str:
        return f"FindTeacher(role={self.role!r})"

    @property
    def a_role(self) -> str:
        return f"{'an' if self.role[0] in 'AEIOU' else 'a'} {self.role}"

    # What the answers say (pure) ----------------------------------------------------------------------------

    def identified_teacher(self, answers: Answers) -> dict:
        """What TRS said about the teacher: from the find step when it found them with the date of birth, else
        from the National Insurance number step. {} before they are identified."""
        if answers.fact(self.find_step, "found"):
            return answers.facts(self.find_step)
        if answers.fact(NATIONAL_INSURANCE_NUMBER, "found"):
            return answers.facts(NATIONAL_INSURANCE_NUMBER)
        return {}

    def teacher_name(self, answers: Answers) -> str:
        """The name the school gave when it corrected TRS's, else TRS's; "the {role}" before either is known."""
        teacher = self.identified_teacher(answers)
        if not (teacher or answers.fact(self.review_step, "corrected_name")):
            return f"the {self.role}"
        return display_name(
            corrected_name=answers.fact(self.review_step, "corrected_name", ""),
            first_name=teacher.get("first_name", ""),
            last_name=teacher.get("last_name", ""),
        )

    def trn(self, answers: Answers) -> str:
        return self.identified_teacher(answers).get("trn", "")

    def email(self, answers: Answers) -> str:
        return answers.fact(EMAIL, "email", "")

    def registration(self, answers: Answers) -> TeacherDetails:
        """The identified teacher as a registration service takes them."""
        teacher = self.identified_teacher(answers)
        qts_awarded_on = teacher.get("qts_awarded_on")
        return TeacherDetails(
            trn=teacher["trn"],
            trs_first_name=teacher.get("first_name", ""),
            trs_last_name=teacher.get("last_name", ""),
            trs_induction_status=teacher.get("induction_status", ""),
            trs_qts_awarded_on=datetime.date.fromisoformat(qts_awarded_on) if qts_awarded_on else None,
            corrected_name=answers.fact(self.review_step, "corrected_name", ""),
        )

    def identity_rows(self, answers: Answers) -> list[dict]:
        """ "Check ... details": the name and TRN TRS gave, and the date of birth or National Insurance number
        typed, while the journey still holds it (it is never a fact, and it is forgotten once the details are
        confirmed)."""
        teacher = self.identified_teacher(answers)
        rows = [
            {
                "key": {"text": "Name"},
                "value": {"text": f"{teacher.get('first_name', '')} {teacher.get('last_name', '')}"},
            },
            {"key": {"text": "Teacher reference number (TRN)"}, "value": {"text": teacher.get("trn", "")}},
        ]
        if answers.fact(self.find_step, "found"):
            data = answers.data(self.find_step)
            parts = [data.get(f"date_of_birth-{part}", "") for part in ("day", "month", "year")]
            with contextlib.suppress(ValidationError):  # forgotten since: no row
                date_of_birth = govuk_date(DateOfBirthField().clean(parts))
                rows.append({"key": {"text": "Date of birth"}, "value": {"text": date_of_birth}})
        elif number := answers.value(NATIONAL_INSURANCE_NUMBER, "national_insurance_number"):
            number = normalise_national_insurance_number(number)
            rows.append({"key": {"text": "National Insurance number"}, "value": {"text": number}})
        return rows

    # Routing (pure) -----------------------------------------------------------------------------------------

    def after_find(self, answers: Answers) -> str:
        facts = answers.facts(self.find_step)
        if facts.get("refused"):
            return TRY_AGAIN_LATER
        if dead_end := self.dead_end(facts):
            return dead_end
        return self.review_step if facts.get("found") else NATIONAL_INSURANCE_NUMBER

    def after_national_insurance_number(self, answers: Answers) -> str:
        facts = answers.facts(NATIONAL_INSURANCE_NUMBER)
        if facts.get("refused"):
            return TRY_AGAIN_LATER
        if not facts.get("found"):
            return NOT_FOUND
        return self.dead_end(facts) or self.review_step

    def after_email_address(self, answers: Answers) -> str:
        return CANT_USE_EMAIL if answers.fact(EMAIL, "in_use") else self.after_email(answers)

    # The steps ----------------------------------------------------------------------------------------------

    def steps(self) -> list[Step]:
        """Find, the National Insurance number fallback, not found, "try again later", "Check ... details", the
        email address and "This email is already in use"."""
        titles = {
            self.find_step: f"Find {self.a_role}",
            NATIONAL_INSURANCE_NUMBER: f"We cannot find the {self.role}’s details",
            NOT_FOUND: f"We’re unable to match the {self.role} with the details you provided",
            TRY_AGAIN_LATER: "You cannot look for this teacher at the moment",
            self.review_step: f"Check {self.role} details",
            EMAIL: "Email address",
            CANT_USE_EMAIL: "This email is already in use for a different ECT or mentor",
            **self.titles,
        }
        page = self._page_context
        return [
            Step(
                self.find_step,
                titles[self.find_step],
                FindTeacherForm,
                self.after_find,
                form_kwargs=self._find_form_kwargs,
                page_context=page,
                template="teachers/find.html",
                # The date of birth it sent is forgotten by the time the journey submits.
                refresh=partial(self._refresh, self.find_step),
            ),
            Step(
                NATIONAL_INSURANCE_NUMBER,
                titles[NATIONAL_INSURANCE_NUMBER],
                NationalInsuranceNumberForm,
                self.after_national_insurance_number,
                form_kwargs=self._national_insurance_number_form_kwargs,
                page_context=page,
                template="teachers/national-insurance-number.html",
                refresh=partial(self._refresh, NATIONAL_INSURANCE_NUMBER),
            ),
            Step(NOT_FOUND, titles[NOT_FOUND], page_context=page, template="teachers/not-found.html"),
            Step(TRY_AGAIN_LATER, titles[TRY_AGAIN_LATER], page_context=page, template="teachers/try-again-later.html"),
            Step(
                self.review_step,
                titles[self.review_step],
                TeacherDetailsForm,
                self.after_review,
                form_kwargs=lambda context: {"role": self.role},
                page_context=page,
                template="teachers/review-details.html",
                # Confirming who was found is the last use of what identified them.
                forgets={self.find_step: ("date_of_birth",), NATIONAL_INSURANCE_NUMBER: ("national_insurance_number",)},
            ),
            Step(
                EMAIL,
                titles[EMAIL],
                TeacherEmailForm,
                self.after_email_address,
                form_kwargs=lambda context: {"trn": self.trn(context.answers)},
                page_context=page,
                template="teachers/email-address.html",
            ),
            Step(CANT_USE_EMAIL, titles[CANT_USE_EMAIL], page_context=page, template="teachers/cant-use-email.html"),
        ]

    def _find_form_kwargs(self, context: JourneyContext) -> dict:
        return {
            "facts_about": partial(self.facts_about, context),
            "lookups": TeacherLookups(user=context.user, school=context.school),
        }

    def _refresh(self, step_name: str, context: JourneyContext) -> dict:
        return look_up_again(context.answers.facts(step_name), facts_about=partial(self.facts_about, context))

    def _national_insurance_number_form_kwargs(self, context: JourneyContext) -> dict:
        return {
            **self._find_form_kwargs(context),
            "requested_trn": context.answers.fact(self.find_step, "requested_trn") or "",
            "role": self.role,
        }

    def _page_context(self, context: JourneyContext) -> dict:
        return {
            "role": self.role,
            "a_role": self.a_role,
            "teacher_name": self.teacher_name(context.answers),
            "find_step": self.find_step,
            "identity_rows": self.identity_rows(context.answers),
            "no_trn_url": self.no_trn_url(context) if self.no_trn_url else "",
            "trs_test_trns": TEST_TRNS if using_fake_trs() else (),
            "trs_test_guidance": TEST_GUIDANCE,
        }
