"""A tiny DOM of rendered HTML (assertions read ids, classes, aria-describedby: no snapshots) and forms to render."""

from html.parser import HTMLParser

from django import forms

from ecf.govuk import fields
from ecf.govuk.forms import GovUKForm

# A tiny DOM --------------------------------------------------------------------------------------------------------

VOID = {"input", "br", "img", "meta", "link", "hr"}


class Node:
    def __init__(self, tag, attrs, parent=None):
        self.tag, self.attrs, self.parent, self.children, self.content = tag, attrs, parent, [], []

    @property
    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())

    @property
    def text(self) -> str:
        return " ".join(" ".join(part if isinstance(part, str) else part.text for part in self.content).split())

    @property
    def described_by(self) -> list[str]:
        return (self.attrs.get("aria-describedby") or "").split()

    def iter(self):
        for child in self.children:
            yield child
            yield from child.iter()

    def find_all(self, tag=None, cls=None, **attrs):
        return [
            node
            for node in self.iter()
            if (tag is None or node.tag == tag)
            and (cls is None or cls in node.classes)
            and all(node.attrs.get(key.replace("_", "-")) == value for key, value in attrs.items())
        ]

    def find(self, tag=None, cls=None, **attrs):
        found = self.find_all(tag, cls, **attrs)
        assert len(found) == 1, f"expected one <{tag} {cls or ''} {attrs}>, found {len(found)}"
        return found[0]

    def by_id(self, id_):
        return self.find(id=id_)

    def ancestors(self):
        node = self.parent
        while node is not None:
            yield node
            node = node.parent


class TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__()
        self.root = self.current = Node("root", {})

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {key: "" if value is None else value for key, value in attrs}, self.current)
        self.current.children.append(node)
        self.current.content.append(node)
        if tag not in VOID:
            self.current = node

    def handle_endtag(self, tag):
        node = self.current
        while node is not self.root and node.tag != tag:
            node = node.parent
        if node is not self.root:
            self.current = node.parent

    def handle_data(self, data):
        self.current.content.append(data)


def parse(html, *, must_be_safe=True) -> Node:
    assert not must_be_safe or hasattr(html, "__html__"), "rendered output must be marked safe"
    builder = TreeBuilder()
    builder.feed(str(html))
    return builder.root


def ids(nodes) -> list[str]:
    return [node.attrs.get("id") for node in nodes]


# Forms used below --------------------------------------------------------------------------------------------------


class TeacherForm(GovUKForm):
    name = fields.CharField(
        label="Full name",
        help_text="As it appears on their teacher record",
        classes="govuk-input--width-20",
        error_messages={"required": "Enter the teacher's full name"},
    )
    email = fields.EmailField(
        label="Email address",
        error_messages={
            "required": "Enter the teacher's email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
        },
    )
    date_of_birth = fields.DateField(
        label="Date of birth",
        help_text="For example, 12 03 1998",
        error_messages={
            "required": "Enter a date of birth",
            "invalid": "Enter the date of birth in the correct format, for example 12 03 1998",
            "incomplete": "Date of birth must include a %(missing)s",
        },
    )


class ContactForm(GovUKForm):
    contact = fields.ChoiceField(
        label="How should we contact the mentor?",
        help_text="Select one option",
        choices=[("email", "Email"), ("phone", "Phone"), ("none", "Do not contact them")],
        choice_hints={"email": "We will send a link", "phone": "Only in working hours"},
        dividers={"none": "or"},
        reveal={"email": ["contact_email"]},
        error_messages={"required": "Select how we should contact the mentor"},
    )
    contact_email = fields.EmailField(
        label="Email address",
        error_messages={"required": "Enter the mentor's email address", "invalid": "Enter an email address"},
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("contact") == "phone":
            raise forms.ValidationError("We cannot phone mentors yet")
        return cleaned


def render(form, name, **options):
    return parse(form[name].as_field_group(**options))
