"""Every journey completes with the keyboard alone (docs/quality-bars.md, "Accessibility"): an induction tutor
registers a provider-led ECT and assigns an existing mentor using only Tab, Space, arrow keys, typing and Enter, as a
keyboard user would.

No `.click()`, `.fill()` or `.check()` after signing in: `tab_to` presses Tab until the control has focus (failing,
with the route focus took, if it never does or if focus stops moving), then the test types or presses a key. Along
the way the focus indicator is checked on a link, a text input, a radio and buttons, and the GOV.UK error pattern is
checked for keyboard users: the error summary receives focus, and its link moves focus to the field in error.

Every page these tests visit, error states included, is checked with axe-core by the `page` fixture (conftest.py).
"""

import datetime

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.browser.journeys import (
    ECTS_HEADING,
    REGISTER_ECT_BUTTON,
    ect_card,
    given_a_school,
    given_an_induction_tutor,
    given_registration_is_open,
    sign_in_as,
    then_i_see_the_answer,
    then_i_see_the_page,
    then_i_see_these_ects,
)
from tests.browser.mentor_steps import (
    WHO_WILL_MENTOR_ERROR,
    given_a_mentor,
    given_a_provider_led_ect,
    given_lead_providers,
    then_i_see_the_assigned_confirmation,
    then_i_see_the_mentor_training_playback,
    then_the_row_reads,
)

HARRY = "1234567"  # the embedded TRS's Harry Taylor, born 3 February 1977

# A short description of the focused element, for failure messages.
DESCRIBE_FOCUS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return "<body> (nothing focused)";
  const labelled = el.querySelector("[aria-label]");
  const text = (el.getAttribute("aria-label") || el.innerText || (labelled && labelled.getAttribute("aria-label"))
    || el.value || el.name || "").trim().slice(0, 50);
  return `<${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}> "${text}"`;
}"""

# True when focus has not moved since the last call (a keyboard trap if Tab was pressed in between).
FOCUS_DID_NOT_MOVE = """() => {
  const el = document.activeElement;
  const stuck = el !== document.body && el === window.__lastKeyboardFocus;
  window.__lastKeyboardFocus = el;
  return stuck;
}"""

# The visible focus indicator an element draws: its own outline or box-shadow, or, for GOV.UK radios and checkboxes
# (whose input is invisible, opacity 0), those of its label's ::before, where GOV.UK draws the focus ring.
# A transparent outline (GOV.UK's for forced-colours mode) does not count. Null when there is none.
FOCUS_INDICATOR = """el => {
  const drawn = (style) => {
    const parts = [];
    const transparent = ["transparent", "rgba(0, 0, 0, 0)"].includes(style.outlineColor);
    if (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0 && !transparent) {
      parts.push(`outline: ${style.outlineWidth} ${style.outlineStyle} ${style.outlineColor}`);
    }
    if (style.boxShadow && style.boxShadow !== "none") parts.push(`box-shadow: ${style.boxShadow}`);
    parts.push(`background: ${style.backgroundColor}`, `border: ${style.borderWidth} ${style.borderColor}`);
    return {visible: parts.length > 2, style: parts.join("; ")};
  };
  if (getComputedStyle(el).opacity === "0" && el.labels && el.labels.length) {
    return drawn(getComputedStyle(el.labels[0], "::before"));
  }
  return drawn(getComputedStyle(el));
}"""


# --- Keyboard steps ---


def tab_to(page: Page, locator: Locator, max_presses: int = 60) -> None:
    """Press Tab until `locator` has focus, as a keyboard user moves through the page.

    Fails, naming where focus went, if it never arrives within `max_presses` or if Tab leaves focus where it was
    (a keyboard trap)."""
    expect(locator).to_be_visible()
    page.evaluate(FOCUS_DID_NOT_MOVE)
    route = []
    for _ in range(max_presses):
        page.keyboard.press("Tab")
        if locator.evaluate("el => el === document.activeElement"):
            return
        route.append(page.evaluate(DESCRIBE_FOCUS))
        if page.evaluate(FOCUS_DID_NOT_MOVE):
            pytest.fail(f"Keyboard trap on {page.url}: Tab left focus on {route[-1]}", pytrace=False)
    pytest.fail(
        f"Tab never reached {locator} on {page.url} in {max_presses} presses; focus went through:\n  "
        + "\n  ".join(route),
        pytrace=False,
    )


def tab_to_with_visible_focus(page: Page, locator: Locator) -> None:
    """Tab to `locator` and check it shows a focus indicator it did not show before it had focus (WCAG 2.4.7)."""
    unfocused = locator.evaluate(FOCUS_INDICATOR)
    tab_to(page, locator)
    focused = locator.evaluate(FOCUS_INDICATOR)
    report = f"{locator} on {page.url}: focused {focused['style']!r}, unfocused {unfocused['style']!r}"
    assert focused["visible"], f"No outline or box-shadow when focused: {report}"
    assert focused["style"] != unfocused["style"], f"Focus changes nothing: {report}"


def tab_and_type(page: Page, field: Locator, text: str) -> None:
    tab_to(page, field)
    page.keyboard.type(text)
    expect(field).to_have_value(text)


def tab_and_press(page: Page, control: Locator, key: str = "Enter") -> None:
    """Follow a link or press a button from the keyboard."""
    tab_to(page, control)
    page.keyboard.press(key)


def button(page: Page, name: str) -> Locator:
    return page.get_by_role("button", name=name, exact=True)


def radio(page: Page, name: str) -> Locator:
    return page.get_by_role("radio", name=name, exact=True)


def choose_with_space(page: Page, option: str) -> None:
    tab_to(page, radio(page, option))
    page.keyboard.press("Space")
    expect(radio(page, option)).to_be_checked()


def choose_with_arrow_down(page: Page, first_option: str, next_option: str) -> None:
    """Tab into a radio group (focus lands on its first option), then ArrowDown moves to and chooses the next."""
    tab_to(page, radio(page, first_option))
    page.keyboard.press("ArrowDown")
    expect(radio(page, next_option)).to_be_focused()
    expect(radio(page, next_option)).to_be_checked()


def enter_date_by_keyboard(page: Page, day: int, month: int, year: int, *, within: Locator | Page | None = None):
    scope = within or page
    for label, value in (("Day", day), ("Month", month), ("Year", year)):
        tab_and_type(page, scope.get_by_label(label, exact=True), str(value))


def then_the_error_summary_has_focus_and_leads_to(page: Page, field: Locator, message: str | None = None) -> None:
    """GOV.UK Frontend focuses the error summary; its first link, followed with Enter, focuses the field in error."""
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()
    link = summary.get_by_role("link").first
    if message:
        expect(link).to_have_text(message)
    tab_and_press(page, link)
    expect(field).to_be_focused()


# --- Tests ---


@pytest.fixture
def signed_in_with_registration_open(page):
    given_registration_is_open()
    school = given_a_school()
    sign_in_as(page, given_an_induction_tutor("Sam", "Tutor", school))
    then_i_see_the_page(page, ECTS_HEADING)
    return page


def test_an_induction_tutor_registers_a_provider_led_ect_with_the_keyboard_alone(signed_in_with_registration_open):
    page = signed_in_with_registration_open

    tab_and_press(page, page.get_by_role("button", name=REGISTER_ECT_BUTTON))
    then_i_see_the_page(page, "What you’ll need to register a new ECT")
    tab_to_with_visible_focus(page, button(page, "Continue"))
    page.keyboard.press("Enter")

    then_i_see_the_page(page, "Find an ECT")
    trn = page.get_by_label("Teacher reference number (TRN)")
    tab_to_with_visible_focus(page, trn)
    page.keyboard.type(HARRY)
    enter_date_by_keyboard(page, 3, 2, 1977, within=page.get_by_role("group", name="Date of birth"))
    tab_and_press(page, button(page, "Continue"))

    then_i_see_the_page(page, "Check ECT details")
    then_i_see_the_answer(page, "Name", "Harry Taylor")
    tab_to_with_visible_focus(page, radio(page, "Yes"))
    page.keyboard.press("Space")
    expect(radio(page, "Yes")).to_be_checked()
    tab_and_press(page, button(page, "Confirm and continue"))

    then_i_see_the_page(page, "What is Harry Taylor’s email address?")
    tab_and_press(page, button(page, "Continue"))  # no answer yet: the error state
    email = page.get_by_label("Email address")
    then_the_error_summary_has_focus_and_leads_to(page, email)
    page.keyboard.type("harry.taylor@example.com")  # focus is in the field: no need to Tab
    tab_and_press(page, button(page, "Continue"))

    then_i_see_the_page(page, "When did or when will Harry Taylor start teaching as an ECT at your school?")
    today = datetime.date.today()
    enter_date_by_keyboard(page, today.day, today.month, today.year)
    tab_and_press(page, button(page, "Continue"))

    expect(radio(page, "Full time")).to_be_visible()
    choose_with_space(page, "Full time")
    tab_and_press(page, button(page, "Continue"))

    then_i_see_the_page(page, "Which appropriate body will be supporting Harry Taylor’s induction?")
    appropriate_body = page.get_by_label("Enter appropriate body name")
    tab_to(page, appropriate_body)
    page.keyboard.type("Riverside")  # a closed select's type-ahead chooses the first option starting with it
    expect(appropriate_body.locator("option:checked")).to_have_text("Riverside Teaching School Hub")
    tab_and_press(page, button(page, "Continue"))

    expect(radio(page, "Provider-led")).to_be_visible()
    choose_with_space(page, "Provider-led")
    tab_and_press(page, button(page, "Continue"))

    expect(radio(page, "Ambition Institute")).to_be_visible()
    choose_with_arrow_down(page, "Ambition Institute", "Teach First")
    tab_and_press(page, button(page, "Continue"))

    then_i_see_the_page(page, "Check your answers before submitting")
    then_i_see_the_answer(page, "Email address", "harry.taylor@example.com")
    then_i_see_the_answer(page, "Working pattern", "Full time")
    then_i_see_the_answer(page, "Appropriate body", "Riverside Teaching School Hub")
    then_i_see_the_answer(page, "Training programme", "Provider-led")
    then_i_see_the_answer(page, "Lead provider", "Teach First")
    tab_and_press(page, button(page, "Confirm details"))

    then_i_see_the_page(page, "You have saved Harry Taylor’s details")
    tab_and_press(page, page.get_by_role("link", name="Back to your ECTs"))

    then_i_see_the_page(page, ECTS_HEADING)
    then_i_see_these_ects(page, "Harry Taylor")
    expect(ect_card(page, "Harry Taylor").get_by_text("Teach First")).to_be_visible()


def test_an_induction_tutor_assigns_an_existing_mentor_with_the_keyboard_alone(page, providers_and_school):
    school = providers_and_school
    sign_in_as(page, given_an_induction_tutor("Sam", "Tutor", school))
    then_i_see_the_page(page, ECTS_HEADING)

    tab_to_with_visible_focus(page, page.get_by_role("link", name="Assign a mentor for this ECT (Kate Lewis)"))
    page.keyboard.press("Enter")

    then_i_see_the_page(page, "Who will mentor Kate Lewis?")
    tab_and_press(page, button(page, "Continue"))  # nobody chosen: the error state
    # Mentors come by surname: Ben Adams first.
    then_the_error_summary_has_focus_and_leads_to(page, radio(page, "Ben Adams"), WHO_WILL_MENTOR_ERROR)
    page.keyboard.press("Space")  # focus is on the first option: Space chooses it
    expect(radio(page, "Ben Adams")).to_be_checked()
    page.keyboard.press("ArrowDown")  # the arrow keys move the choice within the group
    expect(radio(page, "Ada Jones")).to_be_checked()
    tab_to_with_visible_focus(page, button(page, "Continue"))
    page.keyboard.press("Enter")

    then_i_see_the_mentor_training_playback(page, "Ada Jones", "Ambition Institute")
    # The link-styled button that chooses another lead provider shows its focus too.
    tab_to_with_visible_focus(
        page, button(page, "Ambition Institute will not be providing mentor training to Ada Jones")
    )
    tab_and_press(page, button(page, "Continue"))

    then_i_see_the_assigned_confirmation(page, "Ada Jones", "Kate Lewis", training_with="Ambition Institute")
    tab_and_press(page, page.get_by_role("link", name="Back to ECTs"))

    then_i_see_the_page(page, ECTS_HEADING)
    card = ect_card(page, "Kate Lewis")
    expect(card.get_by_text("Registered")).to_be_visible()
    then_the_row_reads(card, "Mentor", "Ada Jones")


@pytest.fixture
def providers_and_school():
    """Ashdown Primary School with Kate Lewis, a provider-led ECT (Ambition Institute), and mentors Ada and Ben."""
    providers = given_lead_providers()
    school = given_a_school()
    given_a_provider_led_ect(school, "Kate Lewis", providers["ambition"])
    given_a_mentor(school, "Ada Jones")
    given_a_mentor(school, "Ben Adams")
    return school
