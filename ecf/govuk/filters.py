"""Jinja filters for GOV.UK style dates and text."""

import datetime


def govuk_date(value: datetime.date | None) -> str:
    """1 September 2025: GOV.UK style, no leading zero."""
    if value is None:
        return ""
    return f"{value.day} {value:%B %Y}"


FILTERS = {"govuk_date": govuk_date}
