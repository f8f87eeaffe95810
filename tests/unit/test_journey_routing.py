"""The journey framework's routing, with no HTTP: path replay, allowed steps, back links, change mode."""

import pytest

from ecf.journeys import SEED, SUBMIT, Answers, Journey, Step


def route(choice_step, options):
    return lambda answers: options[answers.value(choice_step, "choice")]


# A small journey shaped like register-an-ECT: a start page, a branch, a dead end, check your answers.
JOURNEY = Journey(
    name="toy",
    url_namespace="toy",
    steps=[
        Step("start", "Start", next_step=lambda answers: "find"),
        Step(
            "find",
            "Find",
            form_class=object,
            next_step=lambda a: "not-found" if a.fact("find", "missing") else "programme",
        ),
        Step("not-found", "Not found"),
        Step(
            "programme",
            "Programme",
            form_class=object,
            next_step=route("programme", {"provider_led": "lead-provider", "school_led": "check-answers"}),
        ),
        Step("lead-provider", "Lead provider", form_class=object, next_step=lambda answers: "check-answers"),
        Step("check-answers", "Check your answers", next_step=lambda answers: "check-answers"),
    ],
    check_answers="check-answers",
    template_dir="toy",
    exit_url_name="ects:list",
    complete=lambda context: None,
    confirmation_context=lambda school, record_id: {},
)


def answered(*steps, **choices):
    answers = Answers()
    for step in steps:
        data = {"choice": [choices[step.replace("-", "_")]]} if step.replace("-", "_") in choices else {}
        answers = JOURNEY.answer(answers, step, data=data, facts={})
    return answers


def test_a_new_journey_is_only_allowed_its_first_step():
    assert JOURNEY.path(Answers()) == ["start"]
    assert JOURNEY.furthest_allowed_step(Answers()) == "start"
    assert not JOURNEY.is_allowed("programme", Answers())


def test_the_path_follows_the_answers():
    answers = answered("start", "find", "programme", programme="provider_led")

    assert JOURNEY.path(answers) == ["start", "find", "programme", "lead-provider"]


def test_school_led_skips_the_lead_provider():
    answers = answered("start", "find", "programme", programme="school_led")

    assert JOURNEY.path(answers) == ["start", "find", "programme", "check-answers"]
    assert not JOURNEY.is_allowed("lead-provider", answers)


def test_a_dead_end_ends_the_path():
    answers = JOURNEY.answer(answered("start"), "find", data={}, facts={"missing": True})

    assert JOURNEY.path(answers) == ["start", "find", "not-found"]
    assert JOURNEY.furthest_allowed_step(answers) == "not-found"


def test_the_back_link_is_the_previous_step_on_the_path():
    answers = answered("start", "find", "programme", programme="school_led")

    assert JOURNEY.previous_step("check-answers", answers) == "programme"
    assert JOURNEY.previous_step("find", answers) == "start"
    assert JOURNEY.previous_step("start", answers) is None


def test_answers_off_the_path_are_dropped():
    answers = answered("start", "find", "programme", "lead-provider", programme="provider_led")
    assert "lead-provider" in answers

    answers = JOURNEY.answer(answers, "programme", data={"choice": ["school_led"]}, facts={})

    assert "lead-provider" not in answers


def test_answering_goes_to_the_next_step():
    answers = answered("start", "find", "programme", programme="provider_led")

    assert JOURNEY.after_answering("programme", answers, changing=False) == ("lead-provider", False)


def test_a_change_that_keeps_the_path_returns_to_check_answers():
    answers = answered("start", "find", "programme", programme="school_led")

    assert JOURNEY.after_answering("find", answers, changing=True) == ("check-answers", False)


def test_a_change_that_opens_a_new_step_asks_it_then_returns():
    answers = answered("start", "find", "programme", programme="school_led")
    answers = JOURNEY.answer(answers, "programme", data={"choice": ["provider_led"]}, facts={})

    assert JOURNEY.after_answering("programme", answers, changing=True) == ("lead-provider", True)

    answers = JOURNEY.answer(answers, "lead-provider", data={}, facts={})
    assert JOURNEY.after_answering("lead-provider", answers, changing=True) == ("check-answers", False)


def test_seeded_facts_survive_every_answer():
    answers = JOURNEY.seed(Answers(), {"ect_id": 7})
    answers = JOURNEY.answer(answers, "start", data={}, facts={})

    assert answers.fact(SEED, "ect_id") == 7


def test_a_step_that_routes_to_an_unknown_step_fails_loudly():
    broken = Journey(
        name="broken",
        url_namespace="toy",
        steps=[Step("a", "A", next_step=lambda answers: "nowhere"), Step("cya", "CYA")],
        check_answers="cya",
        template_dir="toy",
        exit_url_name="ects:list",
        complete=lambda context: None,
        confirmation_context=lambda school, record_id: {},
    )

    with pytest.raises(LookupError, match="unknown step 'nowhere'"):
        broken.path(broken.answer(Answers(), "a", data={}, facts={}))


# A journey without check your answers: answering its last step submits (assign a mentor, for example).
SHORT = Journey(
    name="short",
    url_namespace="toy",
    steps=[
        Step(
            "choose", "Choose", form_class=object, next_step=lambda a: "training" if a.value("choose", "x") else SUBMIT
        ),
        Step("training", "Training", next_step=lambda answers: SUBMIT),
    ],
    check_answers=None,
    template_dir="toy",
    exit_url_name="ects:list",
    complete=lambda context: None,
    confirmation_context=lambda school, record_id: {},
)


def test_answering_a_last_step_submits():
    answers = SHORT.answer(Answers(), "choose", data={}, facts={})

    assert SHORT.path(answers) == ["choose"]
    assert SHORT.after_answering("choose", answers, changing=False) == (SUBMIT, False)


def test_a_step_before_the_last_still_leads_on():
    answers = SHORT.answer(Answers(), "choose", data={"x": ["1"]}, facts={})

    assert SHORT.after_answering("choose", answers, changing=False) == ("training", False)
    answers = SHORT.answer(answers, "training", data={}, facts={})
    assert SHORT.after_answering("training", answers, changing=False) == (SUBMIT, False)
