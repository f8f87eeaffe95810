"""ecf.jinja2.url_for_each: one reverse() for a whole list's links, the same URLs as reversing each."""

import pytest
from django.urls import NoReverseMatch, reverse

from ecf.jinja2 import url_for_each


@pytest.mark.parametrize("pk", [1, 42, 9_876_543_210_123, 10**18])
def test_gives_the_url_reverse_gives_for_a_positional_argument(pk):
    assert url_for_each("ects:record")(pk) == reverse("ects:record", args=[pk])


def test_gives_the_url_reverse_gives_for_a_keyword_argument():
    assert url_for_each("mentors:assign-mentor-start", "ect_id")(7) == reverse(
        "mentors:assign-mentor-start", kwargs={"ect_id": 7}
    )


def test_refuses_what_is_not_an_integer():
    record_url = url_for_each("ects:record")

    with pytest.raises(ValueError, match="invalid literal for int"):
        record_url("1/../../admin")


def test_an_unknown_view_fails_like_reverse():
    with pytest.raises(NoReverseMatch):
        url_for_each("ects:no-such-page")
