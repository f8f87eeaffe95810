# Register early career teachers: one image, served by gunicorn on port 8000.
#
#   docker build -t register-ects .
#   docker compose up            # with PostgreSQL; see docker-compose.yml and .env.example
#
# Configuration comes from the environment at run time (see README.md, "Configuration").
# The image runs with DJANGO_ENV=production, which refuses unsafe settings.

# --- GOV.UK Frontend assets: compiled here so the Python image needs no Node -----------------------
FROM node:20-slim AS assets
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error
COPY static/build.mjs static/build.mjs
COPY static/scss static/scss
COPY static/js static/js
RUN npm run build

# --- The application -----------------------------------------------------------------------------
FROM python:3.11-slim AS app

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_ENV=production \
    WEB_CONCURRENCY=3

WORKDIR /app

# Dependencies first, so a code change does not reinstall them. `--group` needs pip 25.1.
COPY pyproject.toml constraints.txt ./
RUN python -m pip install "pip>=25.1" \
    && pip install --group app -c constraints.txt

COPY . .
COPY --from=assets /app/static/build static/build

# Hashed, compressed static files for WhiteNoise. Production settings refuse to load without these
# variables, so they get build-only values (tests/unit/test_deployment.py keeps this list complete).
# Nothing connects to anything at import time, and none of the values reach the running container.
RUN DJANGO_ENV=production \
    SECRET_KEY=build-only-key-never-used-to-sign-anything-padded-to-fifty-characters \
    ALLOWED_HOSTS=localhost \
    DATABASE_URL=postgres://unused/unused \
    TRS_API_BASE_URL=https://unused.invalid \
    TRS_API_KEY=build-only \
    NOTIFY_API_KEY=build-only \
    NOTIFY_TEMPLATE_ECT_REGISTERED_PROVIDER_LED=build-only \
    NOTIFY_TEMPLATE_ECT_REGISTERED_SCHOOL_LED=build-only \
    NOTIFY_TEMPLATE_MENTOR_REGISTERED=build-only \
    NOTIFY_TEMPLATE_MENTOR_REMOVED=build-only \
    DFE_SIGN_IN_ISSUER=https://unused.invalid \
    DFE_SIGN_IN_CLIENT_ID=build-only \
    DFE_SIGN_IN_CLIENT_SECRET=build-only \
    DFE_SIGN_IN_API_URL=https://unused.invalid \
    DFE_SIGN_IN_API_SECRET=build-only \
    python manage.py collectstatic --no-input --verbosity 0

# The code stays owned by root: the service has nothing to write to disk.
RUN groupadd --system app && useradd --system --gid app --no-create-home --home-dir /app app
USER app

EXPOSE 8000

HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 CMD ["python", "bin/healthcheck"]

# WEB_CONCURRENCY gunicorn workers: 3 unless the environment says otherwise.
CMD ["sh", "-c", "exec gunicorn ecf.wsgi --bind 0.0.0.0:8000 --workers ${WEB_CONCURRENCY:-3}"]
