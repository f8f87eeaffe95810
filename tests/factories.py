"""A factory for every model. Defaults build a valid, ongoing record; tests override what they check."""

import datetime

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone
from factory.django import DjangoModelFactory

from ecf.models import (
    ActiveLeadProvider,
    AppropriateBody,
    ContractPeriod,
    Declaration,
    DeliveryPartner,
    EmailMessage,
    Event,
    LeadProvider,
    LeadProviderDeliveryPartnership,
    SchoolPartnership,
    Teacher,
    TrainingPeriod,
)
from ects.models import ECTAtSchoolPeriod
from mentors.models import MentorAtSchoolPeriod, MentorshipPeriod
from schools.models import School


def current_contract_year(today: datetime.date | None = None) -> int:
    """Contract periods run 1 June to 31 May; the one containing today."""
    today = today or datetime.date.today()
    return today.year if today.month >= 6 else today.year - 1


class UserFactory(DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"user{n}@example.com")
    email = factory.SelfAttribute("username")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")


class SchoolFactory(DjangoModelFactory):
    class Meta:
        model = School

    urn = factory.Sequence(lambda n: 100000 + n)
    name = factory.Sequence(lambda n: f"Test School {n}")
    phase = School.Phase.PRIMARY
    establishment_type = "Community school"
    local_authority = "Testshire"
    postcode = "AB1 2CD"


class SchoolUserFactory(UserFactory):
    """A user who acts for one school (pass `schools=[...]` for more)."""

    class Meta:
        skip_postgeneration_save = True

    @factory.post_generation
    def schools(self, create, extracted, **kwargs):
        if not create:
            return
        for school in extracted if extracted is not None else [SchoolFactory()]:
            school.users.add(self)


class TeacherFactory(DjangoModelFactory):
    class Meta:
        model = Teacher

    trn = factory.Sequence(lambda n: f"{3000000 + n:07d}")
    trs_first_name = factory.Faker("first_name")
    trs_last_name = factory.Faker("last_name")
    trs_induction_status = "RequiredToComplete"
    trs_qts_awarded_on = datetime.date(2024, 7, 20)


class ContractPeriodFactory(DjangoModelFactory):
    class Meta:
        model = ContractPeriod
        django_get_or_create = ["year"]

    year = factory.LazyFunction(current_contract_year)
    started_on = factory.LazyAttribute(lambda o: datetime.date(o.year, 6, 1))
    finished_on = factory.LazyAttribute(lambda o: datetime.date(o.year + 1, 5, 31))
    enabled = True


class LeadProviderFactory(DjangoModelFactory):
    class Meta:
        model = LeadProvider

    name = factory.Sequence(lambda n: f"Lead Provider {n}")


class ActiveLeadProviderFactory(DjangoModelFactory):
    class Meta:
        model = ActiveLeadProvider

    lead_provider = factory.SubFactory(LeadProviderFactory)
    contract_period = factory.SubFactory(ContractPeriodFactory)


class DeliveryPartnerFactory(DjangoModelFactory):
    class Meta:
        model = DeliveryPartner

    name = factory.Sequence(lambda n: f"Delivery Partner {n}")


class LeadProviderDeliveryPartnershipFactory(DjangoModelFactory):
    class Meta:
        model = LeadProviderDeliveryPartnership

    active_lead_provider = factory.SubFactory(ActiveLeadProviderFactory)
    delivery_partner = factory.SubFactory(DeliveryPartnerFactory)


class SchoolPartnershipFactory(DjangoModelFactory):
    class Meta:
        model = SchoolPartnership

    school = factory.SubFactory(SchoolFactory)
    lead_provider_delivery_partnership = factory.SubFactory(LeadProviderDeliveryPartnershipFactory)


class AppropriateBodyFactory(DjangoModelFactory):
    class Meta:
        model = AppropriateBody

    name = factory.Sequence(lambda n: f"Appropriate Body {n}")
    body_type = AppropriateBody.BodyType.TEACHING_SCHOOL_HUB


class ECTAtSchoolPeriodFactory(DjangoModelFactory):
    class Meta:
        model = ECTAtSchoolPeriod

    teacher = factory.SubFactory(TeacherFactory)
    school = factory.SubFactory(SchoolFactory)
    started_on = factory.LazyFunction(lambda: datetime.date(current_contract_year(), 9, 1))
    finished_on = None
    email = factory.Sequence(lambda n: f"ect{n}@example.com")
    working_pattern = ECTAtSchoolPeriod.WorkingPattern.FULL_TIME
    appropriate_body = factory.SubFactory(AppropriateBodyFactory)


class MentorAtSchoolPeriodFactory(DjangoModelFactory):
    class Meta:
        model = MentorAtSchoolPeriod

    teacher = factory.SubFactory(TeacherFactory)
    school = factory.SubFactory(SchoolFactory)
    started_on = factory.LazyFunction(lambda: datetime.date(current_contract_year(), 9, 1))
    finished_on = None
    email = factory.Sequence(lambda n: f"mentor{n}@example.com")
    subject = "Primary"
    age_range = "5 to 11"
    key_stage = "Key stage 2"


class MentorshipPeriodFactory(DjangoModelFactory):
    class Meta:
        model = MentorshipPeriod

    mentee = factory.SubFactory(ECTAtSchoolPeriodFactory)
    mentor = factory.SubFactory(MentorAtSchoolPeriodFactory, school=factory.SelfAttribute("..mentee.school"))
    started_on = factory.SelfAttribute("mentee.started_on")
    finished_on = None


class TrainingPeriodFactory(DjangoModelFactory):
    """Provider-led ECT training with a confirmed partnership. Traits: `school_led`, `with_eoi`, `for_mentor`."""

    class Meta:
        model = TrainingPeriod

    ect_at_school_period = factory.SubFactory(ECTAtSchoolPeriodFactory)
    mentor_at_school_period = None
    training_programme = TrainingPeriod.Programme.PROVIDER_LED
    school_partnership = factory.SubFactory(
        SchoolPartnershipFactory,
        school=factory.LazyAttribute(
            lambda o: (o.factory_parent.ect_at_school_period or o.factory_parent.mentor_at_school_period).school
        ),
    )
    expression_of_interest = None
    started_on = factory.LazyAttribute(lambda o: (o.ect_at_school_period or o.mentor_at_school_period).started_on)

    class Params:
        school_led = factory.Trait(training_programme=TrainingPeriod.Programme.SCHOOL_LED, school_partnership=None)
        with_eoi = factory.Trait(
            school_partnership=None, expression_of_interest=factory.SubFactory(ActiveLeadProviderFactory)
        )
        for_mentor = factory.Trait(
            ect_at_school_period=None,
            mentor_at_school_period=factory.SubFactory(MentorAtSchoolPeriodFactory),
        )


class DeclarationFactory(DjangoModelFactory):
    class Meta:
        model = Declaration

    training_period = factory.SubFactory(TrainingPeriodFactory)
    declaration_type = Declaration.DeclarationType.STARTED
    declaration_date = factory.LazyFunction(datetime.date.today)
    state = Declaration.State.SUBMITTED


class EventFactory(DjangoModelFactory):
    class Meta:
        model = Event

    event_type = "teacher_name_changed"
    heading = "Name changed"
    happened_at = factory.LazyFunction(timezone.now)
    author_type = Event.AuthorType.SYSTEM
    author_name = "System"


class EmailMessageFactory(DjangoModelFactory):
    class Meta:
        model = EmailMessage

    template = "ect_registered_provider_led"
    personalisation = factory.LazyFunction(lambda: {"ect_name": "Ada Lovelace", "school_name": "Ashdown Primary"})
    to = factory.Sequence(lambda n: f"person{n}@example.com")
