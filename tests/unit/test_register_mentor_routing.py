"""The register-a-mentor journey's routing with no HTTP and no database: every branch and dead end of
docs/journeys/mentors.md, and the phase rules, from stored answers and facts alone."""

import pytest

from ecf.journeys import SEED, SUBMIT, Answers
from mentors.register.journey import REGISTER_MENTOR, check_answers_rows

FOUND = {
    "found": True,
    "requested_trn": "1234567",
    "trn": "1234567",
    "first_name": "Ann",
    "last_name": "Lee",
    "prohibited": False,
    "is_the_ect": False,
    "already_at_school": False,
    "mentor_training_needed": False,
}


def answer(answers, step, data=None, facts=None):
    data = {name: [value] for name, value in (data or {}).items()}
    return REGISTER_MENTOR.answer(answers, step, data=data, facts=facts or {})


def started(phase="primary"):
    return REGISTER_MENTOR.seed(Answers(), {"ect_id": 1, "school_phase": phase})


def found(phase="primary", **facts):
    answers = answer(started(phase), "what-you-will-need")
    return answer(answers, "find-mentor", facts={**FOUND, **facts})


def up_to_email(phase="primary", **facts):
    answers = answer(found(phase, **facts), "review-mentor-details", {"details_correct": "yes"}, {"corrected_name": ""})
    return answer(answers, "email-address", {"email": "a@example.com"}, {"email": "a@example.com", "in_use": False})


def teaching_details(answers, subject="Primary", age_range="5 to 11", key_stage="Key stage 1"):
    answers = answer(answers, "subject", {"subject": subject})
    answers = answer(answers, "age-range", {"age_range": age_range})
    return answer(answers, "key-stage", {"key_stage": key_stage})


def path(answers):
    return REGISTER_MENTOR.path(answers)


def test_a_new_journey_starts_with_what_you_will_need_then_find_a_mentor():
    assert path(started()) == ["what-you-will-need"]
    assert path(answer(started(), "what-you-will-need")) == ["what-you-will-need", "find-mentor"]


@pytest.mark.parametrize(
    ("facts", "dead_end"),
    [
        ({"refused": True}, "try-again-later"),
        ({"is_the_ect": True}, "cannot-mentor-themself"),
        ({"prohibited": True}, "cannot-register-mentor"),
    ],
)
def test_the_find_step_dead_ends(facts, dead_end):
    answers = found(**facts)

    assert path(answers)[-1] == dead_end
    assert REGISTER_MENTOR.step(dead_end).dead_end


def test_the_ect_themself_is_refused_before_the_date_of_birth_is_checked():
    assert path(found(found=False, is_the_ect=True))[-1] == "cannot-mentor-themself"


def test_the_ect_themself_comes_before_already_registered_and_prohibited():
    assert path(found(is_the_ect=True, already_at_school=True, prohibited=True))[-1] == "cannot-mentor-themself"


def test_already_a_mentor_at_this_school_is_offered_to_assign_them_instead():
    answers = found(already_at_school=True, prohibited=True)

    assert path(answers)[-1] == "already-active-at-school"
    assert not REGISTER_MENTOR.step("already-active-at-school").dead_end


def test_assigning_the_existing_mentor_submits_at_once_without_mentor_training():
    answers = answer(found(already_at_school=True), "already-active-at-school")

    assert path(answers)[-1] == "already-active-at-school"
    assert REGISTER_MENTOR.after_answering("already-active-at-school", answers, changing=False) == (SUBMIT, False)


def test_assigning_the_existing_mentor_goes_through_mentor_training_when_it_applies():
    answers = answer(found(already_at_school=True, mentor_training_needed=True), "already-active-at-school")

    assert path(answers)[-1] == "review-mentor-eligibility"
    answers = answer(answers, "review-mentor-eligibility", {"use_ect_lead_provider": "yes"})
    assert REGISTER_MENTOR.after_answering("review-mentor-eligibility", answers, changing=False) == (SUBMIT, False)


def test_assigning_the_existing_mentor_with_another_lead_provider_submits_from_that_choice():
    answers = answer(found(already_at_school=True, mentor_training_needed=True), "already-active-at-school")
    answers = answer(answers, "review-mentor-eligibility", {"use_ect_lead_provider": "no"})

    assert path(answers)[-1] == "eligibility-lead-provider"
    answers = answer(answers, "eligibility-lead-provider", {"lead_provider": "3"}, {"lead_provider_name": "Ambition"})
    assert REGISTER_MENTOR.after_answering("eligibility-lead-provider", answers, changing=False) == (SUBMIT, False)


def test_a_wrong_date_of_birth_asks_for_the_national_insurance_number():
    assert path(found(found=False))[-1] == "national-insurance-number"


@pytest.mark.parametrize(
    ("facts", "following"),
    [
        ({"found": False}, "not-found"),
        ({**FOUND, "is_the_ect": True}, "cannot-mentor-themself"),
        ({**FOUND, "already_at_school": True}, "already-active-at-school"),
        ({**FOUND, "prohibited": True}, "cannot-register-mentor"),
        (FOUND, "review-mentor-details"),
    ],
)
def test_the_national_insurance_number_step_leads_to_the_same_outcomes(facts, following):
    answers = answer(found(found=False), "national-insurance-number", {"national_insurance_number": "x"}, facts)

    assert path(answers)[-1] == following


def test_the_national_insurance_number_identifies_the_mentor_when_the_date_of_birth_did_not():
    answers = answer(found(found=False), "national-insurance-number", facts={**FOUND, "first_name": "Bo"})
    answers = answer(answers, "review-mentor-details", {"details_correct": "yes"}, {"corrected_name": ""})
    answers = answer(answers, "email-address", facts={"email": "bo@example.com", "in_use": False})

    assert check_answers_rows(teaching_details(answers))["name"] == "Bo Lee"


def test_an_email_in_use_leads_to_its_page_which_goes_nowhere_but_back():
    answers = answer(found(), "review-mentor-details", {"details_correct": "yes"}, {"corrected_name": ""})
    answers = answer(answers, "email-address", facts={"email": "a@example.com", "in_use": True})

    assert path(answers)[-1] == "cant-use-email"
    assert REGISTER_MENTOR.step("cant-use-email").dead_end


@pytest.mark.parametrize("phase", ["primary", "secondary"])
def test_a_primary_or_secondary_school_is_not_asked_the_phase(phase):
    answers = up_to_email(phase)

    assert path(answers)[-1] == "subject"
    assert "phase" not in path(teaching_details(answers))


def test_a_school_of_neither_phase_is_asked_the_phase_first():
    answers = up_to_email(phase="")

    assert path(answers)[-1] == "phase"
    answers = answer(answers, "phase", {"phase": "secondary"})
    assert path(answers)[-1] == "subject"


def test_teaching_details_come_one_question_at_a_time_then_check_your_answers():
    answers = up_to_email()

    assert path(answer(answers, "subject", {"subject": "Primary"}))[-1] == "age-range"
    assert path(teaching_details(answers))[-4:] == ["subject", "age-range", "key-stage", "check-answers"]


def test_mentor_training_comes_after_the_teaching_details_when_it_applies():
    answers = teaching_details(up_to_email(mentor_training_needed=True))

    assert path(answers)[-1] == "review-mentor-eligibility"
    answers = answer(answers, "review-mentor-eligibility", {"use_ect_lead_provider": "yes"})
    assert path(answers)[-1] == "check-answers"


def test_another_lead_provider_is_chosen_before_check_your_answers():
    answers = teaching_details(up_to_email(mentor_training_needed=True))
    answers = answer(answers, "review-mentor-eligibility", {"use_ect_lead_provider": "no"})

    assert path(answers)[-1] == "eligibility-lead-provider"
    answers = answer(answers, "eligibility-lead-provider", {"lead_provider": "3"}, {"lead_provider_name": "Ambition"})
    assert path(answers)[-1] == "check-answers"
    assert check_answers_rows(answers)["lead_provider"] == "Ambition"


def test_no_mentor_training_question_when_it_does_not_apply_for_example_a_school_led_ect():
    answers = teaching_details(up_to_email(mentor_training_needed=False))

    assert "review-mentor-eligibility" not in path(answers)
    assert check_answers_rows(answers)["lead_provider"] == ""


def test_check_your_answers_shows_every_answer_from_the_stored_facts():
    answers = found("", first_name="Ann", last_name="Lee")
    answers = answer(
        answers,
        "review-mentor-details",
        {"details_correct": "no", "first_name": "Anne", "last_name": "Lee-Smith"},
        {"corrected_name": "Anne Lee-Smith"},
    )
    answers = answer(answers, "email-address", facts={"email": "anne@example.com", "in_use": False})
    answers = answer(answers, "phase", {"phase": "secondary"})
    answers = teaching_details(answers, "Physics", "7 to 14 - middle years", "Key stage 2")

    assert check_answers_rows(answers) == {
        "name": "Anne Lee-Smith",
        "trn": "1234567",
        "email": "anne@example.com",
        "phase": "Secondary",
        "subject": "Physics",
        "age_range": "7 to 14 - middle years",
        "key_stage": "Key stage 2",
        "lead_provider": "",
    }


def test_a_change_from_check_your_answers_returns_there():
    answers = teaching_details(up_to_email())
    answers = answer(answers, "subject", {"subject": "Primary with science"})

    assert REGISTER_MENTOR.after_answering("subject", answers, changing=True) == ("check-answers", False)


def test_changing_the_teacher_to_the_ect_themself_leaves_check_your_answers_for_the_dead_end():
    answers = teaching_details(up_to_email())
    answers = answer(answers, "find-mentor", facts={**FOUND, "is_the_ect": True})

    assert path(answers)[-1] == "cannot-mentor-themself"
    assert "email-address" not in answers  # answers off the path are dropped


def test_the_seeded_facts_survive_every_answer():
    answers = teaching_details(up_to_email())

    assert answers.fact(SEED, "ect_id") == 1
