"""The Jinja2 environment every page renders with.

GOV.UK Frontend's macros come from govuk-frontend-jinja under the `govuk_frontend_jinja/` prefix.
ChainableUndefined, not the default Undefined: the GOV.UK template calls macros without their
optional `params`, which a stricter Undefined turns into errors.
"""

from collections.abc import Callable

import jinja2
from django.conf import settings
from django.contrib.messages import get_messages
from django.templatetags.static import static
from django.urls import reverse

from ecf.govuk.filters import FILTERS
from ecf.govuk.rendering import GLOBALS as FORM_GLOBALS


def url(viewname: str, *args, **kwargs) -> str:
    return reverse(viewname, args=args or None, kwargs=kwargs or None)


# A primary key no row will have, to find where a URL's one integer argument goes.
_PK_MARKER = 9_876_543_210_123


def url_for_each(viewname: str, argument: str | None = None) -> Callable[[int], str]:
    """The URL of `viewname` for one integer argument (positional, or the keyword `argument`), reversed once.

    Returns a function from an int (a row's primary key) to the URL path, the same as `url(viewname, pk)` or
    `url(viewname, argument=pk)`. For long lists: `reverse()` for every row cost the ECTs list more than any
    other part of rendering it (`make bench`). Raises NoReverseMatch like `url()`, and ValueError for a
    value that is not an integer.
    """
    marked = reverse(viewname, kwargs={argument: _PK_MARKER}) if argument else reverse(viewname, args=[_PK_MARKER])
    before, after = marked.split(str(_PK_MARKER))
    return lambda pk: f"{before}{int(pk)}{after}"


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
            "url_for_each": url_for_each,
            "get_messages": get_messages,
            "service_name": settings.SERVICE_NAME,
            **FORM_GLOBALS,  # govuk_error_summary(form)
        }
    )
    env.filters.update(FILTERS)
    return env
