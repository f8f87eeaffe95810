"""The mentor teaching details forms (docs/journeys/mentors.md, "Teaching details"): every option list by phase, every
message, and arbitrary input at every field giving a GOV.UK error or success, never an exception."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mentors.teaching_details import (
    MIDDLE_YEARS,
    PRIMARY,
    SECONDARY,
    AgeRangeForm,
    KeyStageForm,
    PhaseForm,
    SubjectForm,
    age_range_choices,
    key_stage_choices,
    phase_of_subject,
    school_phase,
    subject_choices,
)
from schools.models import School

SECONDARY_SUBJECTS_IN_THE_DESIGN = [
    "Ancient Greek",
    "Ancient Hebrew",
    "Art and design",
    "Biology",
    "Business studies",
    "Chemistry",
    "Citizenship",
    "Classics",
    "Communication and media studies",
    "Computing",
    "Dance",
    "Design and technology",
    "Drama",
    "Economics",
    "English",
    "English as a second or other language",
    "French",
    "Geography",
    "German",
    "Health and social care",
    "History",
    "Italian",
    "Japanese",
    "Latin",
    "Mandarin",
    "Mathematics",
    "Music",
    "Philosophy",
    "Physical education",
    "Physics",
    "Psychology",
    "Religious education",
    "Russian",
    "Science",
    "Social sciences",
    "Spanish",
]


def labels(choices):
    return [label for _, label in choices]


def form_labels(form, name):
    return labels(form.fields[name].choices)


# Options by phase ---------------------------------------------------------------------------------------------


def test_a_primary_mentor_chooses_from_the_seven_primary_subjects():
    assert labels(subject_choices(PRIMARY)) == [
        "Primary",
        "Primary with English",
        "Primary with geography and history",
        "Primary with mathematics",
        "Primary with modern languages",
        "Primary with physical education",
        "Primary with science",
    ]


def test_a_secondary_mentor_chooses_from_exactly_the_36_secondary_subjects():
    assert labels(subject_choices(SECONDARY)) == SECONDARY_SUBJECTS_IN_THE_DESIGN
    assert len(SECONDARY_SUBJECTS_IN_THE_DESIGN) == 36


def test_middle_years_is_offered_in_both_phases():
    assert labels(age_range_choices(PRIMARY)) == ["3 to 7", "5 to 11", "7 to 11", "7 to 14 - middle years"]
    assert labels(age_range_choices(SECONDARY)) == ["11 to 16", "11 to 18", "14 to 19", "7 to 14 - middle years"]


def test_primary_key_stages_whatever_the_age_range():
    for age_range in ("", "3 to 7", MIDDLE_YEARS):
        assert labels(key_stage_choices(PRIMARY, age_range)) == ["Early years", "Key stage 1", "Key stage 2"]


def test_secondary_key_stages_add_key_stage_2_only_for_middle_years():
    assert labels(key_stage_choices(SECONDARY, "11 to 16")) == ["Key stage 3", "Key stage 4", "Key stage 5"]
    assert labels(key_stage_choices(SECONDARY, MIDDLE_YEARS)) == [
        "Key stage 2",
        "Key stage 3",
        "Key stage 4",
        "Key stage 5",
    ]


def test_an_unknown_phase_is_a_programming_error_not_an_empty_list():
    with pytest.raises(ValueError, match="Unknown phase"):
        subject_choices("")
    with pytest.raises(ValueError, match="Unknown phase"):
        age_range_choices("nursery")


@pytest.mark.parametrize(
    ("phase", "expected"),
    [
        (School.Phase.PRIMARY, PRIMARY),
        (School.Phase.SECONDARY, SECONDARY),
        *[
            (phase, "")
            for phase in School.Phase
            if phase
            not in {
                School.Phase.PRIMARY,
                School.Phase.MIDDLE_DEEMED_PRIMARY,
                School.Phase.NURSERY,
                School.Phase.SECONDARY,
                School.Phase.MIDDLE_DEEMED_SECONDARY,
                School.Phase.SIXTEEN_PLUS,
            }
        ],
    ],
)
def test_a_school_of_neither_phase_has_no_phase_so_the_journey_asks(phase, expected):
    assert school_phase(School(phase=phase)) == expected


def test_the_phase_of_a_subject():
    assert phase_of_subject("Primary with science") == PRIMARY
    assert phase_of_subject("Physics") == SECONDARY
    assert phase_of_subject("") == ""


# The forms: labels, options, no pre-selection, messages -----------------------------------------------------


def test_the_questions_name_the_mentor():
    assert PhaseForm(mentor_name="Ann Lee").fields["phase"].label == "Which phase does Ann Lee teach?"
    subject = SubjectForm(phase=PRIMARY, mentor_name="Ann Lee")
    assert subject.fields["subject"].label == "What subject does Ann Lee teach?"
    assert AgeRangeForm(phase=PRIMARY, mentor_name="Ann Lee").fields["age_range"].label == (
        "What age range does Ann Lee teach?"
    )
    assert KeyStageForm(phase=PRIMARY, mentor_name="Ann Lee").fields["key_stage"].label == (
        "What key stage does Ann Lee teach?"
    )


def test_the_phase_question_offers_primary_and_secondary():
    assert form_labels(PhaseForm(), "phase") == ["Primary", "Secondary"]


def test_the_forms_offer_the_options_of_the_phase_they_are_given():
    assert form_labels(SubjectForm(phase=SECONDARY), "subject") == SECONDARY_SUBJECTS_IN_THE_DESIGN
    assert form_labels(AgeRangeForm(phase=PRIMARY), "age_range")[0] == "3 to 7"
    assert "Key stage 2" in form_labels(KeyStageForm(phase=SECONDARY, age_range=MIDDLE_YEARS), "key_stage")
    assert "Key stage 2" not in form_labels(KeyStageForm(phase=SECONDARY, age_range="11 to 18"), "key_stage")


def test_no_option_is_pre_selected():
    for form in (PhaseForm(), SubjectForm(phase=PRIMARY), AgeRangeForm(phase=SECONDARY), KeyStageForm(phase=PRIMARY)):
        html = str(form)
        assert "checked" not in html


@pytest.mark.parametrize(
    ("form", "field", "message"),
    [
        (PhaseForm(data={}), "phase", "Select a phase"),
        (SubjectForm(data={}, phase=PRIMARY), "subject", "Select a subject"),
        (AgeRangeForm(data={}, phase=SECONDARY), "age_range", "Select an age range"),
        (KeyStageForm(data={}, phase=SECONDARY), "key_stage", "Select a key stage"),
    ],
)
def test_nothing_chosen_gives_the_question_s_message(form, field, message):
    assert not form.is_valid()
    assert form.errors == {field: [message]}


def test_an_option_of_the_other_phase_is_refused_with_the_same_message():
    form = SubjectForm(data={"subject": "Physics"}, phase=PRIMARY)
    assert form.errors == {"subject": ["Select a subject"]}
    form = KeyStageForm(data={"key_stage": "Key stage 2"}, phase=SECONDARY, age_range="11 to 16")
    assert form.errors == {"key_stage": ["Select a key stage"]}


def test_a_chosen_option_is_the_stored_value():
    form = KeyStageForm(data={"key_stage": "Key stage 2"}, phase=SECONDARY, age_range=MIDDLE_YEARS)
    assert form.is_valid()
    assert form.cleaned_data == {"key_stage": "Key stage 2"}


def test_a_one_page_edit_shows_the_current_answer():
    html = str(SubjectForm(phase=SECONDARY, initial={"subject": "Physics"}))
    assert 'value="Physics" checked' in html


# Arbitrary input -----------------------------------------------------------------------------------------------

ANY_TEXT = st.one_of(
    st.text(),
    st.sampled_from(["\x00", "Primary\x00", "<script>", "Key stage 2", MIDDLE_YEARS, "primary", "9" * 5000]),
)
MESSAGES = {"Select a phase", "Select a subject", "Select an age range", "Select a key stage"}


@settings(max_examples=60, deadline=None)
@given(value=ANY_TEXT, phase=st.sampled_from([PRIMARY, SECONDARY]), age_range=ANY_TEXT)
def test_arbitrary_text_in_every_field_gives_a_gov_uk_error_or_success(value, phase, age_range):
    forms = [
        PhaseForm(data={"phase": value}),
        SubjectForm(data={"subject": value}, phase=phase),
        AgeRangeForm(data={"age_range": value}, phase=phase),
        KeyStageForm(data={"key_stage": value}, phase=phase, age_range=age_range),
    ]
    for form in forms:
        if not form.is_valid():
            assert {message for errors in form.errors.values() for message in errors} <= MESSAGES
        str(form)  # renders, errors included


# Every step form of the register-a-mentor journey, given arbitrary text -----------------------------------------

DJANGO_DEFAULTS = (
    "This field is required",
    "Select a valid choice",
    "Enter a valid",
    "Ensure this value",
    "Null characters are not allowed",
    "is not one of the available choices",
)
JOURNEY_TEXT = st.one_of(
    st.none(),
    ANY_TEXT,
    st.sampled_from(["1234567", "7000003", "3", "2", "1977", "QQ123456C", "a@example.com", "yes", "no", "secondary"]),
)


def journey_steps():
    from mentors.register.journey import REGISTER_MENTOR

    return [step for step in REGISTER_MENTOR.steps if step.form_class]


@pytest.fixture
def journey_context(db):
    from ecf.journeys import Answers, JourneyContext
    from mentors.register.journey import REGISTER_MENTOR
    from tests.factories import (
        ActiveLeadProviderFactory,
        ECTAtSchoolPeriodFactory,
        SchoolFactory,
        SchoolPartnershipFactory,
        TrainingPeriodFactory,
    )

    school = SchoolFactory(phase=School.Phase.SECONDARY)
    ect = ECTAtSchoolPeriodFactory(school=school)
    active = ActiveLeadProviderFactory()
    partnership = SchoolPartnershipFactory(
        school=school, lead_provider_delivery_partnership__active_lead_provider=active
    )
    TrainingPeriodFactory(ect_at_school_period=ect, school_partnership=partnership)
    answers = REGISTER_MENTOR.seed(Answers(), {"ect_id": ect.pk, "school_phase": ""})
    found = {"found": True, "requested_trn": "1234567", "trn": "1234567", "first_name": "Ann"}
    answers = REGISTER_MENTOR.answer(answers, "what-you-will-need", data={}, facts={})
    answers = REGISTER_MENTOR.answer(answers, "find-mentor", data={}, facts=found)
    answers = Answers({**answers.as_dict(), "phase": {"data": {"phase": ["secondary"]}, "facts": {}}})
    answers = Answers({**answers.as_dict(), "age-range": {"data": {"age_range": [MIDDLE_YEARS]}, "facts": {}}})
    return JourneyContext(school=school, user=None, answers=answers)


def field_names(form) -> list[str]:
    from django.forms import MultiWidget

    names = []
    for bound_field in form:
        widget = bound_field.field.widget
        if isinstance(widget, MultiWidget):
            names += [f"{bound_field.html_name}{suffix}" for suffix in widget.widgets_names]
        else:
            names.append(bound_field.html_name)
    return names


@pytest.mark.parametrize("step_index", range(len(journey_steps())))
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_arbitrary_text_at_every_journey_step_gives_a_gov_uk_error_or_success(journey_context, step_index, data):
    from django.utils.datastructures import MultiValueDict

    step = journey_steps()[step_index]
    names = field_names(step.build_form(journey_context))
    values = {name: data.draw(JOURNEY_TEXT, label=name) for name in names}
    form = step.build_form(
        journey_context, MultiValueDict({name: [value] for name, value in values.items() if value is not None})
    )

    if form.is_valid():
        form.facts()
    else:
        messages = [str(message) for errors in form.errors.values() for message in errors]
        assert messages
        assert not [message for message in messages if any(default in message for default in DJANGO_DEFAULTS)]
    str(form)
