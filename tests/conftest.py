import pytest


@pytest.fixture
def school_user(db):
    from tests.factories import SchoolUserFactory

    return SchoolUserFactory()
