import structlog
from django.utils.functional import SimpleLazyObject

CURRENT_SCHOOL_SESSION_KEY = "current_school_id"
# Set when a user who may act for several schools signs in: the service navigation then offers "Change school"
# without a query on every page.
SEVERAL_SCHOOLS_SESSION_KEY = "acts_for_several_schools"


def current_school(request):
    """The school the signed-in user is acting for, or None. Only ever one of the user's own schools."""
    if not request.user.is_authenticated:
        return None
    school_id = request.session.get(CURRENT_SCHOOL_SESSION_KEY)
    if school_id is None:
        return None
    school = request.user.schools.filter(pk=school_id).first()
    if school is not None:
        # Every later log line of the request names the school, for support (ecf/request_ids.py).
        structlog.contextvars.bind_contextvars(school_urn=school.urn)
    return school


class CurrentSchoolMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.school = SimpleLazyObject(lambda: current_school(request))
        return self.get_response(request)
