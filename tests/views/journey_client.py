"""A school user walking a journey through the Django test client, and what the journey tests read on its pages."""

import re

# The embedded TRS finds any 7-digit TRN with this date of birth; the next day is a wrong one (docs/journeys/README.md).
DOB = {"date_of_birth-day": "3", "date_of_birth-month": "2", "date_of_birth-year": "1977"}
WRONG_DOB = {"date_of_birth-day": "4", "date_of_birth-month": "2", "date_of_birth-year": "1977"}


class JourneyClient:
    """A school user walking a journey in one browser tab, from the address that starts it.

    The start redirects to the journey's first page, /<journey>/new/<step>, which stores nothing; the POST that
    answers it creates the journey, whose pages are /<journey>/<id>/<step>. Each journey's tests name a subclass
    `Journey` that knows the start address."""

    def __init__(self, client, start_url):
        self.client = client
        response = client.get(start_url)
        assert response.status_code == 302, response
        path, _, self.query = response.url.partition("?")
        self.new, self.first_step = path.rsplit("/", 1)
        self.base = self.id = None

    def url(self, step, change=False):
        if self.base is None:  # the journey does not exist yet: its first pages
            return f"{self.new}/{step}" + (f"?{self.query}" if self.query else "")
        return f"{self.base}/{step}" + ("?change=1" if change else "")

    def get(self, step, change=False):
        return self.client.get(self.url(step, change))

    def post(self, step, data=None, change=False):
        response = self.client.post(self.url(step, change), data or {})
        if self.base is None and response.status_code == 302 and "/new/" not in response.url:
            self.base = response.url.rsplit("/", 1)[0]
            self.id = self.base.rsplit("/", 1)[1]
        return response

    def step_after(self, step, data=None, change=False):
        """Answer a step and return where it leads (the step name, with ?change=1 when still changing)."""
        response = self.post(step, data, change)
        assert response.status_code == 302, html(response)[:3000]
        return response.url.rsplit("/", 1)[1]

    @property
    def confirmation_url(self):
        return f"{self.base}/confirmation"


def html(response) -> str:
    return response.content.decode()


def text(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html(response)))


def h1(response) -> str:
    match = re.search(r"<h1[^>]*>(.*?)</h1>", html(response), re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", match.group(1))).strip() if match else ""


def title(response) -> str:
    return re.search(r"<title>(.*?)</title>", html(response), re.S).group(1).strip()


def back_link(response) -> str:
    return re.search(r'<a href="([^"]+)" class="govuk-back-link"', html(response)).group(1)


def radio_labels(response) -> list[str]:
    labels = re.findall(r'<label class="govuk-label govuk-radios__label"[^>]*>(.*?)</label>', html(response), re.S)
    return [label.strip() for label in labels]


def error_messages(response) -> list[str]:
    """The error summary's messages, in order."""
    summary = re.search(r'<ul class="govuk-list govuk-error-summary__list">(.*?)</ul>', html(response), re.S)
    items = re.findall(r"<li>(.*?)</li>", summary.group(1), re.S) if summary else []
    return [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", item)).strip() for item in items]
