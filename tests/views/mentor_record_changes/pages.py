"""The addresses of the mentor record's Change pages, what their tests read on them, and what a change saved."""

import re

from ecf.models import Event
from mentors.models import MentorAtSchoolPeriod


def record_url(period):
    return f"/school/mentors/{period.pk}"


def change_url(period, page):
    return f"{record_url(period)}/{page}"


def title(html: str) -> str:
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip()


def h1(html: str) -> str:
    match = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", match.group(1)).split())


def banner(html: str) -> str | None:
    match = re.search(r'govuk-notification-banner__heading">(.*?)</h3>', html, re.S)
    return match.group(1).strip() if match else None


def options(html: str, name: str) -> list[str]:
    return re.findall(
        rf'<input class="govuk-radios__input" id="[^"]*" name="{name}" type="radio" value="([^"]*)"', html
    )


def checked(html: str, name: str) -> list[str]:
    return re.findall(rf'name="{name}" type="radio" value="([^"]*)" checked', html)


def error_messages(html: str) -> list[str]:
    return [
        " ".join(re.sub(r"<[^>]+>", " ", message).replace("Error:", "").split())
        for message in re.findall(r'<p id="[^"]*-error" class="govuk-error-message">(.*?)</p>', html, re.S)
    ]


def reloaded(period) -> MentorAtSchoolPeriod:
    return MentorAtSchoolPeriod.objects.select_related("teacher").get(pk=period.pk)


def events(period):
    return list(Event.objects.filter(mentor_at_school_period=period))


def post_and_follow(client, period, page, data) -> str:
    response = client.post(change_url(period, page), data)
    assert response.status_code == 302, response.content.decode()
    assert response.url == record_url(period)
    return client.get(response.url).content.decode()
