"""The assign-mentor, assign-ECT and mentor training routing (docs/journeys/mentors.md), with no HTTP and no
database: every branch from stored answers and facts alone."""

from ecf.journeys import SEED, SUBMIT, Answers, to
from mentors.assign.journey import ASSIGN_ECT, ASSIGN_ECT_TRAINING, ASSIGN_MENTOR, ASSIGN_MENTOR_TRAINING
from mentors.mentor_training import MentorTraining

CHOSEN = {"ect_id": 7, "ect_name": "Kate Lewis", "mentor_id": 9, "mentor_name": "Ada Jones"}


def answer(journey, answers, step, data=None, facts=None):
    data = {name: [value] for name, value in (data or {}).items()}
    return journey.answer(answers, step, data=data, facts=facts or {})


def seeded(journey, **facts):
    return journey.seed(Answers(), facts)


def mentor_chosen(*, training_needed: bool):
    answers = seeded(ASSIGN_MENTOR, ect_id=7)
    facts = {**CHOSEN, "mentor_training_needed": training_needed}
    return answer(ASSIGN_MENTOR, answers, "who-will-mentor", {"mentor": "9"}, facts)


# Assign a mentor (from the ECT) -----------------------------------------------------------------------------------


def test_the_journey_starts_by_asking_who_will_mentor_the_ect():
    assert ASSIGN_MENTOR.path(seeded(ASSIGN_MENTOR, ect_id=7)) == ["who-will-mentor"]


def test_an_existing_mentor_without_mentor_training_to_offer_is_assigned_straight_away():
    answers = mentor_chosen(training_needed=False)

    assert ASSIGN_MENTOR.after_answering("who-will-mentor", answers, changing=False) == (SUBMIT, False)


def test_a_mentor_who_can_receive_training_is_told_about_it_first():
    answers = mentor_chosen(training_needed=True)

    assert ASSIGN_MENTOR.path(answers) == ["who-will-mentor", "review-mentor-eligibility"]


def test_continue_on_the_mentor_training_page_submits():
    answers = answer(
        ASSIGN_MENTOR,
        mentor_chosen(training_needed=True),
        "review-mentor-eligibility",
        {"use_ect_lead_provider": "yes"},
    )

    assert ASSIGN_MENTOR.after_answering("review-mentor-eligibility", answers, changing=False) == (SUBMIT, False)


def test_the_will_not_be_providing_link_asks_for_another_lead_provider_then_submits():
    answers = answer(
        ASSIGN_MENTOR, mentor_chosen(training_needed=True), "review-mentor-eligibility", {"use_ect_lead_provider": "no"}
    )
    assert ASSIGN_MENTOR.path(answers)[-1] == "eligibility-lead-provider"

    answers = answer(ASSIGN_MENTOR, answers, "eligibility-lead-provider", {"lead_provider": "3"})

    assert ASSIGN_MENTOR.after_answering("eligibility-lead-provider", answers, changing=False) == (SUBMIT, False)


def test_register_a_new_mentor_hands_over_to_the_register_a_mentor_journey():
    answers = answer(
        ASSIGN_MENTOR, seeded(ASSIGN_MENTOR, ect_id=7), "who-will-mentor", {"mentor": "new"}, {"register_new": True}
    )

    assert ASSIGN_MENTOR.path(answers) == ["who-will-mentor", "register-new-mentor"]
    step = ASSIGN_MENTOR.step("register-new-mentor")
    assert step.redirect is not None
    assert step.dead_end


def test_choosing_another_mentor_drops_the_mentor_training_answers_of_the_first_choice():
    answers = answer(
        ASSIGN_MENTOR, mentor_chosen(training_needed=True), "review-mentor-eligibility", {"use_ect_lead_provider": "no"}
    )
    answers = answer(ASSIGN_MENTOR, answers, "eligibility-lead-provider", {"lead_provider": "3"})

    answers = answer(
        ASSIGN_MENTOR, answers, "who-will-mentor", {"mentor": "10"}, {**CHOSEN, "mentor_training_needed": False}
    )

    assert set(answers) == {SEED, "who-will-mentor"}


def test_the_mentor_training_pages_name_the_chosen_mentor_and_the_ects_lead_provider_choice():
    answers = answer(
        ASSIGN_MENTOR,
        mentor_chosen(training_needed=True),
        "review-mentor-eligibility",
        {"use_ect_lead_provider": "yes"},
        {"use_ect_lead_provider": True, "lead_provider_id": 1, "lead_provider_name": "Ambition Institute"},
    )

    assert ASSIGN_MENTOR_TRAINING.mentor_name(answers) == "Ada Jones"
    assert ASSIGN_MENTOR_TRAINING.ect_id(answers) == 7
    assert ASSIGN_MENTOR_TRAINING.lead_provider_name(answers) == "Ambition Institute"


def test_another_lead_provider_replaces_the_ects_for_mentor_training():
    answers = answer(
        ASSIGN_MENTOR, mentor_chosen(training_needed=True), "review-mentor-eligibility", {"use_ect_lead_provider": "no"}
    )
    answers = answer(
        ASSIGN_MENTOR,
        answers,
        "eligibility-lead-provider",
        {"lead_provider": "3"},
        {"lead_provider_name": "Teach First"},
    )

    assert ASSIGN_MENTOR_TRAINING.lead_provider_name(answers) == "Teach First"


def test_no_mentor_training_lead_provider_when_the_question_was_not_asked():
    assert ASSIGN_MENTOR_TRAINING.lead_provider_name(mentor_chosen(training_needed=False)) == ""


# Assign an ECT (from the mentor) ----------------------------------------------------------------------------------


def ect_chosen(*, training_needed: bool):
    answers = seeded(ASSIGN_ECT, mentor_id=9)
    facts = {**CHOSEN, "mentor_training_needed": training_needed}
    return answer(ASSIGN_ECT, answers, "who-to-assign", {"ect": "7"}, facts)


def test_assign_an_ect_starts_by_asking_who_to_assign():
    assert ASSIGN_ECT.path(seeded(ASSIGN_ECT, mentor_id=9)) == ["who-to-assign"]


def test_assign_an_ect_without_mentor_training_submits_straight_away():
    answers = ect_chosen(training_needed=False)

    assert ASSIGN_ECT.after_answering("who-to-assign", answers, changing=False) == (SUBMIT, False)


def test_assign_an_ect_asks_about_mentor_training_for_the_chosen_ect():
    answers = ect_chosen(training_needed=True)

    assert ASSIGN_ECT.path(answers) == ["who-to-assign", "review-mentor-eligibility"]
    assert ASSIGN_ECT_TRAINING.ect_id(answers) == 7
    assert ASSIGN_ECT_TRAINING.mentor_name(answers) == "Ada Jones"


# The steps in another journey (register a mentor) ----------------------------------------------------------------


def test_the_mentor_training_steps_lead_to_the_step_their_journey_names():
    training = MentorTraining(ect_id=lambda a: 1, mentor_name=lambda a: "Ada Jones", next_after=to("check-answers"))
    review, choose = training.steps()

    assert review.next_step(Answers({review.name: {"data": {"use_ect_lead_provider": ["yes"]}}})) == "check-answers"
    assert review.next_step(Answers({review.name: {"data": {"use_ect_lead_provider": ["no"]}}})) == choose.name
    assert choose.next_step(Answers()) == "check-answers"
