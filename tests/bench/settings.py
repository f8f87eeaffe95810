"""Settings for the benchmark's gunicorn: the service's own, plus the bare baseline page.

Only `make bench` uses these; the production URLconf stays free of benchmark pages.
"""

from ecf.settings import *  # noqa: F403
from ecf.settings import BASE_DIR, TEMPLATES, env

ROOT_URLCONF = "tests.bench.urls"

# The benchmark's own database on the same server, so it never touches the development or test data.
DATABASES["default"]["NAME"] = env.str("BENCH_DATABASE_NAME", default="bench_ecf")  # noqa: F405

TEMPLATES[0]["DIRS"] = [*TEMPLATES[0]["DIRS"], BASE_DIR / "tests" / "bench" / "templates"]

# DEBUG is off under the benchmark and nothing has run collectstatic: serve static/build directly, as
# runserver would, so the page weight can be fetched from the same server.
WHITENOISE_USE_FINDERS = True
