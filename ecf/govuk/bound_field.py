"""The BoundField that renders a Django field through a govuk-frontend-jinja macro.

The widget chooses the component family (a `DateWidget` gives govukDateInput, `RadioSelect` govukRadios, a
`Textarea` with `max_length` govukCharacterCount, …); the family chooses the template
`templates/govuk/fields/<family>.html`, which only calls the macro with `params` built here.
`{{ form.x.as_field_group() }}` renders it; keyword arguments override the field's GOV.UK options for one
page, e.g. `form.x.as_field_group(page_heading=True)`.
"""

from django import forms
from django.forms.boundfield import BoundField
from django.utils.safestring import SafeData, mark_safe

from ecf.govuk.rendering import govuk_renderer
from ecf.govuk.widgets import DateWidget

DATE_PART_CLASSES = {"day": "govuk-input--width-2", "month": "govuk-input--width-2", "year": "govuk-input--width-4"}
# Widget attributes the macros set themselves, or that GOV.UK asks us not to use (maxlength truncates silently,
# `required` triggers the browser's own validation messages).
DROPPED_ATTRS = {"id", "name", "value", "type", "maxlength", "minlength", "required", "aria-describedby", "cols"}


def error_parts(errors) -> tuple[str, ...] | None:
    """The date parts named by the first error (a list of ValidationError), or None meaning all of them."""
    for error in errors:
        return tuple((error.params or {}).get("parts") or ()) or None
    return None


def _text_or_html(text) -> dict:
    """{"html": …} for text marked safe (as Django treats help_text), else {"text": …} which the macro escapes."""
    return {"html": text} if isinstance(text, SafeData) else {"text": text}


def _str(value) -> str:
    return "" if value is None else str(value)


class GovUKBoundField(BoundField):
    def __init__(self, form, field, name):
        super().__init__(form, field, name)
        self.renderer = govuk_renderer

    # Which component, which template -----------------------------------------------------------------------------

    @property
    def family(self) -> str:
        widget = self.field.widget
        if isinstance(widget, DateWidget):
            return "date-input"
        if isinstance(widget, forms.CheckboxSelectMultiple):  # a RadioSelect subclass: test it first
            return "checkboxes"
        if isinstance(widget, forms.RadioSelect):
            return "radios"
        if isinstance(widget, forms.CheckboxInput):
            return "checkbox"
        if isinstance(widget, forms.Select):
            return "select"
        if isinstance(widget, forms.Textarea):
            return "character-count" if getattr(self.field, "max_length", None) else "textarea"
        if widget.is_hidden:
            return "hidden"
        return "input"

    @property
    def template_name(self) -> str:
        return self.field.template_name or f"govuk/fields/{self.family}.html"

    @property
    def input_id(self) -> str:
        """The id of the field's first input: radios and checkboxes take it as their id prefix."""
        return self.auto_id or self.html_name

    @property
    def first_input_id(self) -> str:
        """Where the error summary links to: the first input, or for a date the first part in error."""
        if self.family == "date-input":
            parts = error_parts(self.errors.as_data()) or DATE_PART_CLASSES
            return f"{self.input_id}-{next(iter(parts))}"
        return self.input_id

    # Rendering ------------------------------------------------------------------------------------------------------

    def as_field_group(self, **options):
        return self.render(context=self.get_context(**options))

    def get_context(self, **options):
        return {"field": self, "params": self.govuk_params(**options)}

    def govuk_params(self, **options) -> dict:
        """The macro's params for this field; `options` override the field's own GOV.UK options."""
        options = {**getattr(self.field, "govuk", {}), **options}
        params = getattr(self, "_params_" + self.family.replace("-", "_"))(options)
        if self.help_text and self.family != "checkbox":
            params["hint"] = _text_or_html(self.help_text)
        if self.errors:
            params["errorMessage"] = {"text": self.errors[0]}
        return params

    def _label(self, options) -> dict:
        label = {"text": self.label, "classes": options.get("label_classes", "")}
        if options.get("page_heading"):
            label["isPageHeading"] = True
            label["classes"] = label["classes"] or "govuk-label--l"
        return label

    def _fieldset(self, options) -> dict:
        legend = {"text": self.label, "classes": options.get("label_classes", "")}
        if options.get("page_heading"):
            legend["isPageHeading"] = True
            legend["classes"] = legend["classes"] or "govuk-fieldset__legend--l"
        return {"legend": legend}

    def _widget_params(self, options) -> dict:
        """classes, autocomplete, spellcheck, inputmode and other attributes from the widget's attrs; the GOV.UK
        options win over the attrs."""
        attrs = {key: value for key, value in self.field.widget.attrs.items() if key not in DROPPED_ATTRS}
        if self.field.disabled:
            attrs["disabled"] = True
        params = {"classes": " ".join(filter(None, [attrs.pop("class", ""), options.get("classes", "")]))}
        for name in ("spellcheck", "autocomplete", "inputmode"):
            value = options[name] if name in options else attrs.pop(name, None)
            attrs.pop(name, None)
            if name == "spellcheck" and isinstance(value, str):
                value = value.lower() == "true"
            if value is not None and value != "":
                params[name] = value
        # Django writes True attributes bare (`readonly`) and leaves out False ones; the macro does so with these.
        params["attributes"] = {
            key: {"value": True, "optional": True} if value is True else value
            for key, value in attrs.items()
            if value is not False and value is not None
        }
        return params

    def _params_input(self, options) -> dict:
        params = self._widget_params(options)
        input_type = getattr(self.field.widget, "input_type", "text")
        if input_type == "number":  # GOV.UK: type="number" misbehaves; use text with a numeric keyboard
            input_type = "text"
            params.setdefault("inputmode", "numeric")
        return {
            "id": self.input_id,
            "name": self.html_name,
            "type": input_type,
            "value": _str(self.value()),
            "label": self._label(options),
            **params,
        }

    def _params_textarea(self, options) -> dict:
        params = self._widget_params(options)
        rows = params["attributes"].pop("rows", None)
        if str(rows) == "10":  # Django's Textarea default; GOV.UK's is 5
            rows = None
        return {
            "id": self.input_id,
            "name": self.html_name,
            "value": _str(self.value()),
            "rows": rows,
            "label": self._label(options),
            **params,
        }

    def _params_character_count(self, options) -> dict:
        return {**self._params_textarea(options), "maxlength": self.field.max_length}

    def _params_select(self, options) -> dict:
        current = _str(self.value())
        items = [
            {"value": _str(value), "text": text, "selected": _str(value) == current} for value, text in self._choices()
        ]
        return {
            "id": self.input_id,
            "name": self.html_name,
            "items": items,
            "label": self._label(options),
            **self._widget_params(options),
        }

    def _params_radios(self, options) -> dict:
        current = self.value()
        return self._choice_params(options, checked={_str(current)} if current not in (None, "") else set())

    def _params_checkboxes(self, options) -> dict:
        return self._choice_params(options, checked={_str(value) for value in self.value() or ()})

    def _choice_params(self, options, checked: set[str]) -> dict:
        hints = {_str(key): text for key, text in (options.get("choice_hints") or {}).items()}
        dividers = {_str(key): text for key, text in (options.get("dividers") or {}).items()}
        reveal = {_str(key): names for key, names in (options.get("reveal") or {}).items()}
        exclusive = _str(options.get("exclusive"))
        items = []
        choices = [(value, text) for value, text in self._choices() if _str(value) != ""]
        for index, (value, text) in enumerate(choices, start=1):
            value = _str(value)
            if value in dividers:
                items.append({"divider": dividers[value]})
            # Explicit ids: the first is the field's id (the error summary links to it), dividers don't count.
            item = {
                "value": value,
                "text": text,
                "id": self.input_id if index == 1 else f"{self.input_id}-{index}",
                "checked": value in checked,
            }
            if value in hints:
                item["hint"] = _text_or_html(hints[value])
            if value in reveal:
                html = "".join(str(self.form[name].as_field_group()) for name in reveal[value])
                item["conditional"] = {"html": mark_safe(html)}  # noqa: S308 - rendered (escaped) by our templates
            if exclusive and value == exclusive:
                item["behaviour"] = "exclusive"
            items.append(item)
        params = self._widget_params(options)
        params.pop("autocomplete", None)
        params.pop("spellcheck", None)
        return {
            "idPrefix": self.input_id,
            "name": self.html_name,
            "fieldset": self._fieldset(options),
            "items": items,
            **params,
        }

    def _params_checkbox(self, options) -> dict:
        item = {"value": "true", "text": self.label, "id": self.input_id, "checked": bool(self.value())}
        if self.help_text:
            item["hint"] = _text_or_html(self.help_text)
        return {"idPrefix": self.input_id, "name": self.html_name, "items": [item], **self._widget_params(options)}

    def _params_date_input(self, options) -> dict:
        value = self.value()
        values = value if isinstance(value, list | tuple) else self.field.widget.decompress(value)
        in_error = (error_parts(self.errors.as_data()) or DateWidget.parts) if self.errors else ()
        items = [
            {
                "name": f"{self.html_name}-{part}",
                "id": f"{self.input_id}-{part}",
                "label": part.capitalize(),
                "value": _str(part_value),
                "classes": DATE_PART_CLASSES[part] + (" govuk-input--error" if part in in_error else ""),
            }
            for part, part_value in zip(DateWidget.parts, values, strict=False)
        ]
        return {"id": self.input_id, "fieldset": self._fieldset(options), "items": items}

    def _params_hidden(self, options) -> dict:
        return {}

    def _choices(self):
        """(value, label) pairs, option groups flattened."""
        for value, text in self.field.choices:
            if isinstance(text, list | tuple):
                yield from text
            else:
                yield value, text
