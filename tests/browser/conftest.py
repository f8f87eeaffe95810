"""Playwright against the live server, with axe-core checking every page a test visits.

A browser test asks for `page` (or `context`) and gets the accessibility checks for free:

- every document the page shows is checked once with axe-core (WCAG 2.0/2.1 A and AA, WCAG 2.2 AA,
  best practice) and for exactly one `<h1>`: just before the browser leaves it for another document
  (a link, a form, `page.goto`), and at the end of the test for the last one. Error states are pages
  like any other, so they are checked too. Call `check_accessibility(page)` to check the current
  page at a point of your choosing; a page is never checked twice.
- axe-core runs once per distinct page state in a test run (in each pytest-xdist worker): a page state met
  again, in this test or another, reuses the findings of its first check. Two page states are the same when
  their HTML is the same bar per-run noise (CSRF tokens, journey UUIDs, and the database ids in URLs and in
  id, name and value attributes, numbered by first appearance so equal ones stay equal), and so are their URL,
  their form controls' values and checked states, their viewport and whether JavaScript ran.
- any violation fails the test with a report naming the page, the rule, its impact, its help text
  and the selectors of the failing elements.
- `@pytest.mark.no_axe("why")` opts a test out, for pages that are not our GOV.UK UI (the Django admin).
- `not_ours(page, origin)` leaves another service's pages unchecked (the loopback DfE Sign-in's, which in
  production are DfE Sign-in's own); the test's pages on our origin are still checked.

`assert_no_horizontal_scroll(page)` checks the current page at 320 CSS pixels wide (WCAG 1.4.10 Reflow).
"""

import functools
import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urldefrag

import pytest
from playwright.sync_api import BrowserContext, ElementHandle, Error, Keyboard, Locator, Mouse, Page

BROWSER_TESTS = Path(__file__).parent
AXE_SOURCE = (BROWSER_TESTS.parent.parent / "node_modules" / "axe-core" / "axe.min.js").read_text()
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]

# The only violations we accept, each for elements matching a precise selector and only for the
# attributes named. Nothing else may be added here: fix the template instead.
KNOWN_EXCEPTIONS = [
    {
        # GOV.UK Frontend's conditional-reveal radios carry aria-expanded, which ARIA does not allow on
        # role=radio; GOV.UK keeps it because screen readers announce it usefully.
        # https://github.com/alphagov/govuk-frontend/issues/979
        "rule": "aria-allowed-attr",
        "selector": ".govuk-radios__input[aria-controls]",
        "attributes": ["aria-expanded"],
    },
]

# Runs in the page: axe with our tags, minus the known exceptions, plus the one-<h1> rule.
RUN_CHECKS = """
async ([tags, exceptions]) => {
  const results = await axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
  const isKnownException = (rule, node) => exceptions.some((exception) => {
    if (exception.rule !== rule) return false;
    const element = document.querySelector(node.target[0]);
    if (!element || !element.matches(exception.selector)) return false;
    // A check's data is a list of `attr="value"` strings, or (axe-core 4.x) {messageKey, values: [...]}.
    const attributes = node.any.concat(node.all, node.none)
      .flatMap((check) => (check.data && check.data.values) || check.data || []);
    return attributes.length > 0 && attributes.every(
      (attribute) => exception.attributes.some((allowed) => String(attribute).startsWith(allowed)));
  });
  const violations = results.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    help: violation.help,
    helpUrl: violation.helpUrl,
    nodes: violation.nodes.filter((node) => !isKnownException(violation.id, node))
      .map((node) => ({target: node.target, summary: node.failureSummary})),
  })).filter((violation) => violation.nodes.length > 0);
  const headings = document.querySelectorAll("h1").length;
  if (headings !== 1) {
    violations.push({id: "one-h1", impact: "serious", help: `A page has exactly one <h1>, this one has ${headings}`,
      helpUrl: "https://design-system.service.gov.uk/styles/headings/", nodes: []});
  }
  return violations;
}
"""


# What axe-core found in each distinct page state this test process has checked, by page_state_key.
AXE_VERDICTS: dict[str, list] = {}

# Per-run noise, which says nothing about a page's accessibility: the CSRF token, journey UUIDs, and
# database ids, which depend on which tests ran before. Ids are digits in URLs and in the attributes that
# name or refer to elements or carry a choice's value; axe-core reads none of them as numbers.
CSRF_TOKEN = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]*')
UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
UUID_OR_NUMBER = re.compile(rf"{UUID}|\d+")
NOISE = re.compile(
    rf"(?P<attribute>\b(?:href|action|formaction|id|for|name|value|aria-controls|aria-describedby"
    rf'|aria-labelledby)="[^"]*")|(?P<uuid>{UUID})'
)

# The document as axe-core sees it: its HTML, what the user has typed or chosen (not in the HTML), its viewport.
PAGE_STATE = """
() => [
  document.doctype ? document.doctype.name : "",
  document.documentElement.outerHTML,
  Array.from(document.querySelectorAll("input, textarea, option"), (control) =>
    control.tagName === "OPTION" ? control.selected
      : ["checkbox", "radio"].includes(control.type) ? control.checked
      : ["hidden", "submit", "button", "image", "reset"].includes(control.type) ? null
      : control.value),
  [window.innerWidth, window.innerHeight],
]
"""


def page_state_key(mode: str, url: str, html: str, *rest) -> str:
    """A digest of a page state, with the per-run noise replaced by placeholders numbered by first appearance."""
    placeholders: dict[str, str] = {}

    def placeholder(match: re.Match) -> str:
        return placeholders.setdefault(match.group(0), f"<{len(placeholders)}>")

    def denoise(match: re.Match) -> str:
        if match.group("uuid"):
            return placeholder(match)
        return UUID_OR_NUMBER.sub(placeholder, match.group("attribute"))

    url = UUID_OR_NUMBER.sub(placeholder, url)
    html = NOISE.sub(denoise, CSRF_TOKEN.sub(r"\1", html))
    return hashlib.sha256(json.dumps([mode, url, html, *rest]).encode()).hexdigest()


@dataclass
class PageFinding:
    url: str
    violations: list


# Before any of these runs, every watched page's current document is checked if it has not been yet:
# they are the actions that can take the browser to another document (or change this one).
ACTIONS = {
    Page: [
        "goto",
        "go_back",
        "go_forward",
        "reload",
        "click",
        "dblclick",
        "tap",
        "press",
        "fill",
        "check",
        "uncheck",
        "set_checked",
        "select_option",
        "dispatch_event",
        "close",
    ],
    Locator: [
        "click",
        "dblclick",
        "tap",
        "press",
        "press_sequentially",
        "fill",
        "clear",
        "check",
        "uncheck",
        "set_checked",
        "select_option",
        "dispatch_event",
    ],
    ElementHandle: [
        "click",
        "dblclick",
        "tap",
        "press",
        "fill",
        "check",
        "uncheck",
        "set_checked",
        "select_option",
        "dispatch_event",
    ],
    Keyboard: ["press", "type", "insert_text"],
    Mouse: ["click", "dblclick"],
}


@dataclass
class AccessibilityWatch:
    """Which documents the test's pages show, which of them have been checked, and what was found."""

    javascript_enabled: bool = True
    snapshot_page: Callable[[], Page] | None = None
    findings: list[PageFinding] = field(default_factory=list)
    checked_urls: list[str] = field(default_factory=list)
    pages: list[Page] = field(default_factory=list)
    unchecked: dict = field(default_factory=dict)  # page -> URL of its current document, not checked yet
    checking: bool = False
    not_ours: set[str] = field(default_factory=set)  # origins of other services' pages, left unchecked

    def watch_context(self, context: BrowserContext, monkeypatch: pytest.MonkeyPatch) -> None:
        context.on("page", self.watch_page)
        for cls, names in ACTIONS.items():
            for name in names:
                monkeypatch.setattr(cls, name, self._checking_first(getattr(cls, name)))

    def _checking_first(self, action):
        @functools.wraps(action)
        def wrapper(*args, **kwargs):
            self.check_all()
            return action(*args, **kwargs)

        return wrapper

    def watch_page(self, page: Page) -> None:
        self.pages.append(page)
        page.on("framenavigated", lambda frame: self._on_navigated(page, frame))

    def _on_navigated(self, page: Page, frame) -> None:
        if frame != page.main_frame or not frame.url.startswith("http"):
            return
        left = self.unchecked.get(page)
        if left and urldefrag(left).url != urldefrag(frame.url).url:
            self.findings.append(PageFinding(left, [MISSED]))
        if any(frame.url.startswith(f"{origin}/") for origin in self.not_ours):
            self.unchecked.pop(page, None)
            return
        self.unchecked[page] = frame.url

    def check_all(self) -> None:
        if self.checking:
            return
        for page in list(self.unchecked):
            self.check(page)

    def check(self, page: Page) -> None:
        if page not in self.unchecked or self.checking:
            return
        self.unchecked.pop(page)
        if page.is_closed():
            return
        self.checking = True
        url = page.url
        try:
            page.wait_for_load_state("load")
            url = page.url
            violations = self._check_page(page) if self.javascript_enabled else self._check_snapshot(page)
        except Error as error:
            violations = [{"id": "axe-could-not-run", "impact": "", "help": str(error).splitlines()[0], "nodes": []}]
        finally:
            self.checking = False
        self.checked_urls.append(url)
        if violations:
            self.findings.append(PageFinding(url, violations))

    def _check_page(self, page: Page) -> list:
        doctype, html, controls, viewport = page.evaluate(PAGE_STATE)
        key = page_state_key("javascript", page.url, html, doctype, controls, viewport)
        if key not in AXE_VERDICTS:
            AXE_VERDICTS[key] = run_checks(page)
        return AXE_VERDICTS[key]

    def _check_snapshot(self, page: Page) -> list:
        """axe needs JavaScript: check the page's HTML as it stands, in a tab that runs no script of the page's."""
        html = re.sub(r"<script\b.*?</script>", "", page.content(), flags=re.DOTALL | re.IGNORECASE)
        key = page_state_key("snapshot", page.url, html)
        if key not in AXE_VERDICTS:
            AXE_VERDICTS[key] = self._check_html(page.url, html)
        return AXE_VERDICTS[key]

    def _check_html(self, url: str, html: str) -> list:
        snapshot = self.snapshot_page()
        if urldefrag(snapshot.url).url == urldefrag(url).url:
            snapshot.goto("about:blank")  # so that going to `url` loads a new document
        snapshot.route(url, lambda route: route.fulfill(body=html, content_type="text/html; charset=utf-8"))
        try:
            snapshot.goto(url)
            return run_checks(snapshot)
        finally:
            snapshot.unroute(url)

    def report(self) -> str:
        lines = [f"axe-core found accessibility violations on {len(self.findings)} page(s):"]
        for finding in self.findings:
            lines.append(f"\n  {finding.url}")
            for violation in finding.violations:
                lines.append(f"    [{violation['impact']}] {violation['id']}: {violation['help']}")
                if violation.get("helpUrl"):
                    lines.append(f"      {violation['helpUrl']}")
                for node in violation["nodes"]:
                    lines.append(f"      - {' '.join(node['target'])}")
                    for summary_line in (node.get("summary") or "").splitlines():
                        lines.append(f"          {summary_line}")
        return "\n".join(lines)


MISSED = {
    "id": "page-not-checked",
    "impact": "",
    "help": "The browser left this page before axe-core could check it (was it left without a Playwright action?)",
    "nodes": [],
}


def run_checks(page: Page) -> list:
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_SOURCE)  # evaluate, not a script tag: the site's CSP would block that
    return page.evaluate(RUN_CHECKS, [AXE_TAGS, KNOWN_EXCEPTIONS])


def check_accessibility(page: Page) -> None:
    """Check the current page now (it would otherwise be checked when the browser leaves it)."""
    watch = getattr(page.context, "_accessibility_watch", None)
    assert watch is not None, "This page is not watched: use the `page` or `context` fixture."
    watch.check_all()
    if watch.findings:
        pytest.fail(watch.report(), pytrace=False)


def not_ours(page: Page, origin: str) -> None:
    """Pages from `origin` (scheme, host and port) belong to another service: axe-core does not check them."""
    watch = getattr(page.context, "_accessibility_watch", None)
    if watch is not None:
        watch.not_ours.add(origin.rstrip("/"))


def assert_no_horizontal_scroll(page: Page, width: int = 320) -> None:
    """The current page reflows at `width` CSS pixels: nothing makes it scroll sideways (WCAG 1.4.10)."""
    original = page.viewport_size
    page.set_viewport_size({"width": width, "height": 800})
    try:
        scroll_width, client_width = page.evaluate(
            "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        assert scroll_width <= client_width, (
            f"{page.url} scrolls sideways at {width}px wide: content is {scroll_width}px, viewport {client_width}px"
        )
    finally:
        if original:
            page.set_viewport_size(original)


# --- pytest wiring ---


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "no_axe(reason): the pages of this browser test are not ours, so axe-core does not check them"
    )


def pytest_collection_modifyitems(config, items):
    for item in items:
        if BROWSER_TESTS in Path(item.fspath).parents:
            item.add_marker(pytest.mark.django_db(transaction=True))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    """After the test body, while its pages are still open: check the last pages and fail on any finding."""
    watch = getattr(item, "_accessibility_watch", None)
    try:
        result = yield
    except BaseException as error:
        if watch and watch.findings:
            error.add_note(watch.report())
        raise
    if watch:
        watch.check_all()
        if watch.findings:
            pytest.fail(watch.report(), pytrace=False)
    return result


@pytest.fixture(scope="session")
def browser_type_launch_args():
    return {
        "executable_path": "/usr/bin/chromium",
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture(scope="session")
def base_url(live_server):
    """Tests and helpers navigate by path: `page.goto("/sign-in")`."""
    return live_server.url


@pytest.fixture
def context(new_context, request, live_server, monkeypatch, browser, browser_context_args) -> BrowserContext:
    """Every page of this context is checked with axe-core, unless the test is marked no_axe."""
    context = new_context()
    no_axe = request.node.get_closest_marker("no_axe")
    if no_axe is not None:
        assert no_axe.args, "Say why axe-core does not check this test's pages: @pytest.mark.no_axe('why')"
        yield context
        return
    context_args = request.node.get_closest_marker("browser_context_args")
    snapshot_contexts = []

    def snapshot_page():
        """One tab, opened when first needed, that shows each snapshot in turn."""
        if not snapshot_contexts:
            snapshot_contexts.append(browser.new_context(**browser_context_args))
            snapshot_contexts[0].add_init_script(AXE_SOURCE)
            snapshot_contexts[0].new_page()
        return snapshot_contexts[0].pages[0]

    watch = AccessibilityWatch(
        javascript_enabled=(context_args.kwargs if context_args else {}).get("java_script_enabled", True),
        snapshot_page=snapshot_page,
    )
    watch.watch_context(context, monkeypatch)
    # axe-core is loaded into every document of the context as it starts (no element added, and the site's
    # CSP does not apply to init scripts): a few milliseconds a document, where evaluating its 650 kB source
    # in each document to check took 70-130 ms. run_checks still loads it into a document that lacks it.
    context.add_init_script(AXE_SOURCE)
    context._accessibility_watch = watch
    request.node._accessibility_watch = watch
    yield context
    for snapshot in snapshot_contexts:
        snapshot.close()


@pytest.fixture
def page(context) -> Page:
    return context.new_page()
