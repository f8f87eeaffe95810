"""Rendering through the project's Jinja environment, and the Jinja globals of the form bridge."""

from django.core.exceptions import ImproperlyConfigured
from django.forms.renderers import BaseRenderer, DjangoTemplates
from django.template import TemplateDoesNotExist, engines
from django.template.backends.jinja2 import Jinja2
from markupsafe import Markup


def jinja_engine() -> Jinja2:
    """The Jinja2 template backend from settings.TEMPLATES (the one whose environment is ecf.jinja2)."""
    for engine in engines.all():
        if isinstance(engine, Jinja2):
            return engine
    raise ImproperlyConfigured("The GOV.UK form bridge needs a Jinja2 entry in TEMPLATES.")


class GovUKRenderer(BaseRenderer):
    """Finds templates in the project's Jinja2 engine (templates/govuk/…), else in Django's own form templates
    (hidden inputs, error lists), so anything the bridge does not cover still renders as Django would."""

    form_template_name = "govuk/form.html"
    fallback = DjangoTemplates()

    def get_template(self, template_name):
        try:
            return jinja_engine().get_template(template_name)
        except TemplateDoesNotExist:
            return self.fallback.get_template(template_name)


govuk_renderer = GovUKRenderer()


def render(template_name: str, context: dict) -> Markup:
    return Markup(govuk_renderer.render(template_name, context))  # noqa: S704 - a template with autoescape on


def error_summary_items(form) -> list[dict]:
    """One item per failing field in page order (its first message, as shown by the field), each linking to
    the field's first input; form-wide errors first and unlinked, as are errors of hidden fields."""
    items = [{"text": error} for error in form.non_field_errors()]
    for field in form:
        if not field.errors:
            continue
        item = {"text": field.errors[0]}
        if not field.is_hidden:
            item["href"] = "#" + (getattr(field, "first_input_id", None) or field.auto_id or field.html_name)
        items.append(item)
    return items


def govuk_error_summary(form) -> Markup:
    """govukErrorSummary for a form with errors ("There is a problem"); nothing for a valid or unbound form."""
    if not form or not getattr(form, "errors", None):
        return Markup("")
    params = {"titleText": "There is a problem", "errorList": error_summary_items(form)}
    return render("govuk/error_summary.html", {"params": params})


GLOBALS = {"govuk_error_summary": govuk_error_summary}
