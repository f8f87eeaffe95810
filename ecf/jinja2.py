"""The Jinja2 environment every page renders with.

GOV.UK Frontend's macros come from govuk-frontend-jinja under the `govuk_frontend_jinja/` prefix.
ChainableUndefined, not the default Undefined: the GOV.UK template calls macros without their
optional `params`, which a stricter Undefined turns into errors.
"""

import jinja2
from django.conf import settings
from django.contrib.messages import get_messages
from django.templatetags.static import static
from django.urls import reverse

from ecf.govuk.filters import FILTERS
from ecf.govuk.rendering import GLOBALS as FORM_GLOBALS


def url(viewname: str, *args, **kwargs) -> str:
    return reverse(viewname, args=args or None, kwargs=kwargs or None)


def environment(**options) -> jinja2.Environment:
    options["loader"] = jinja2.ChoiceLoader(
        [
            jinja2.FileSystemLoader(settings.TEMPLATES[0]["DIRS"]),
            jinja2.PrefixLoader({"govuk_frontend_jinja": jinja2.PackageLoader("govuk_frontend_jinja")}),
        ]
    )
    options["undefined"] = jinja2.ChainableUndefined
    options.pop("autoescape", None)
    env = jinja2.Environment(autoescape=True, **options)
    env.globals.update(
        {
            "static": static,
            "url": url,
            "get_messages": get_messages,
            "service_name": settings.SERVICE_NAME,
            **FORM_GLOBALS,  # govuk_error_summary(form)
        }
    )
    env.filters.update(FILTERS)
    return env
