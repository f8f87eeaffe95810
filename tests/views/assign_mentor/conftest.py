"""The assign-a-mentor journey's setting: this year's contract period with two lead providers active in it."""

import pytest

from tests.views.assign_mentor.steps import make_setting


@pytest.fixture
def setting(db):
    return make_setting()
