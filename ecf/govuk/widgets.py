"""GOV.UK widgets."""

import datetime

from django import forms


class DateWidget(forms.MultiWidget):
    """Three text inputs named `<name>-day`, `<name>-month`, `<name>-year`, as GOV.UK's date input names them."""

    parts = ("day", "month", "year")

    def __init__(self, attrs=None):
        super().__init__([forms.TextInput, forms.TextInput, forms.TextInput], attrs)
        self.widgets_names = [f"-{part}" for part in self.parts]

    def decompress(self, value):
        if isinstance(value, datetime.date):
            return [str(value.day), str(value.month), str(value.year)]
        return ["", "", ""]
