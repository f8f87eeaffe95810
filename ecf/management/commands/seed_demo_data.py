"""Demo data for local development and user research: `manage.py seed_demo_data [--large-school]`.

Idempotent: every record is found by a natural key (year, name, URN, TRN, username, the period's owner
and start date) before it is created, so running it again creates nothing new. It never runs in
production. Names, schools and providers' delivery partners are fictional; TRNs start at 1000001 so they
never meet the fake Teaching Record System's special TRNs (7000001 to 7000012).
"""

import datetime
import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from ecf.events import Author
from ecf.models import (
    ActiveLeadProvider,
    APIToken,
    AppropriateBody,
    ContractPeriod,
    Declaration,
    DeliveryPartner,
    LeadProvider,
    LeadProviderDeliveryPartnership,
    SchoolPartnership,
    Teacher,
    TrainingPeriod,
)
from ecf.training.api_tokens import create_api_token, digest
from ects.models import ECTAtSchoolPeriod
from mentors.models import MentorAtSchoolPeriod, MentorshipPeriod
from schools.models import School

User = get_user_model()

FIRST_CONTRACT_YEAR = 2024
LAST_CONTRACT_YEAR = 2027

LEAD_PROVIDERS = {
    "Ambition Institute": ["Coastal Teaching Alliance", "Midlands Learning Partnership"],
    "Best Practice Network": ["Pennine Schools Partnership", "Three Counties Teaching Alliance"],
    "Education Development Trust": ["Northern Lights Learning Trust", "Severn Valley Teaching Partnership"],
    "National Institute of Teaching": ["Riverside Teacher Development", "Fenland Education Partnership"],
    "Teach First": ["City Schools Alliance", "Downs and Weald Learning Partnership", "Moorland Teaching Alliance"],
    "UCL Early Career Teacher Education": ["Thames Gateway Teaching Partnership", "Chiltern Schools Alliance"],
}

LOCAL_AUTHORITY = "Kingsmere"

APPROPRIATE_BODIES = [
    ("Kingsmere City Council", AppropriateBody.BodyType.LOCAL_AUTHORITY),
    ("Independent Schools Teacher Induction Panel (ISTIP)", AppropriateBody.BodyType.NATIONAL),
    ("Riverside Teaching School Hub", AppropriateBody.BodyType.TEACHING_SCHOOL_HUB),
    ("Pennine Teaching School Hub", AppropriateBody.BodyType.TEACHING_SCHOOL_HUB),
    ("Northern Lights Teaching School Hub", AppropriateBody.BodyType.TEACHING_SCHOOL_HUB),
    ("Three Rivers Teaching School Hub", AppropriateBody.BodyType.TEACHING_SCHOOL_HUB),
]

PRIMARY_URN = 142301
SECONDARY_URN = 145872
LARGE_SCHOOL_URN = 149904

SCHOOLS = [
    {
        "urn": PRIMARY_URN,
        "name": "Oakfield Primary School",
        "phase": School.Phase.PRIMARY,
        "establishment_type": "Community school",
        "address_line1": "12 Meadow Lane",
        "address_line2": "Ashby Green",
        "town": "Kingsmere",
        "postcode": "KM4 7QD",
    },
    {
        "urn": SECONDARY_URN,
        "name": "Hollins Park Academy",
        "phase": School.Phase.SECONDARY,
        "establishment_type": "Academy converter",
        "address_line1": "Hollins Road",
        "address_line2": "",
        "town": "Kingsmere",
        "postcode": "KM2 3HP",
    },
]

LARGE_SCHOOL = {
    "urn": LARGE_SCHOOL_URN,
    "name": "Kingsmere Grange Academy",
    "phase": School.Phase.SECONDARY,
    "establishment_type": "Academy sponsor led",
    "address_line1": "Grange Avenue",
    "address_line2": "",
    "town": "Kingsmere",
    "postcode": "KM9 1GA",
}

# School user personas: (username/email, first name, last name, URNs of the schools they act for).
PERSONAS = [
    ("priya.shah@oakfield-primary.example.com", "Priya", "Shah", [PRIMARY_URN]),
    ("tom.reynolds@hollinspark.example.com", "Tom", "Reynolds", [SECONDARY_URN]),
    ("sam.okafor@kingsmere-learning-trust.example.com", "Sam", "Okafor", [PRIMARY_URN, SECONDARY_URN]),
]
LARGE_SCHOOL_PERSONA = ("nadia.hussain@kingsmere-grange.example.com", "Nadia", "Hussain", [LARGE_SCHOOL_URN])

ADMIN = ("admin@example.com", "admin")
SUPPORT = ("support@example.com", "support")

# Support staff see everything and change domain records; events and emails are read-only in the admin.
SUPPORT_VIEW_ONLY = {("ecf", "event"), ("ecf", "emailmessage"), ("auth", "user")}
SUPPORT_MODELS = [
    ("ecf", "teacher"),
    ("ecf", "contractperiod"),
    ("ecf", "leadprovider"),
    ("ecf", "activeleadprovider"),
    ("ecf", "deliverypartner"),
    ("ecf", "leadproviderdeliverypartnership"),
    ("ecf", "schoolpartnership"),
    ("ecf", "appropriatebody"),
    ("ecf", "trainingperiod"),
    ("ecf", "declaration"),
    ("ecf", "event"),
    ("ecf", "emailmessage"),
    ("schools", "school"),
    ("ects", "ectatschoolperiod"),
    ("mentors", "mentoratschoolperiod"),
    ("mentors", "mentorshipperiod"),
    ("auth", "user"),
]

LARGE_SCHOOL_ECTS = 500
LARGE_SCHOOL_MENTORS = 200
LARGE_SCHOOL_MENTORED_ECTS = 450  # the rest still need a mentor
LARGE_SCHOOL_ECT_TRN_START = 2000001
LARGE_SCHOOL_MENTOR_TRN_START = 2100001

FIRST_NAMES = [
    "Aisha", "Ben", "Charlotte", "Daniel", "Eleanor", "Farah", "George", "Harriet", "Imran", "Jessica",
    "Kwame", "Laura", "Matthew", "Niamh", "Owen", "Poppy", "Rhys", "Sana", "Theo", "Umar",
    "Victoria", "William", "Yasmin", "Zac", "Amir", "Bethany", "Callum", "Deborah", "Elliot", "Freya",
]  # fmt: skip
LAST_NAMES = [
    "Adams", "Baker", "Chowdhury", "Dawson", "Edwards", "Fletcher", "Gallagher", "Hartley", "Iqbal", "Jenkins",
    "Kaur", "Lawson", "Mensah", "Nolan", "O'Brien", "Parry", "Quinn", "Rahman", "Simpson", "Taylor",
    "Usman", "Vaughan", "Whitaker", "Yates", "Zielinski", "Ahmed", "Brennan", "Cole", "Doyle", "Ellis",
]  # fmt: skip


def contract_year_containing(day: datetime.date) -> int:
    return day.year if day.month >= 6 else day.year - 1


class Command(BaseCommand):
    help = "Load demo data for local development (idempotent). Never runs in production."

    def add_arguments(self, parser):
        parser.add_argument(
            "--large-school",
            action="store_true",
            help=f"Also add a large secondary school with {LARGE_SCHOOL_ECTS} ECTs and {LARGE_SCHOOL_MENTORS} mentors.",
        )

    def handle(self, *args, large_school=False, **options):
        if settings.PRODUCTION:
            raise CommandError("seed_demo_data makes up people and passwords: it never runs in production.")
        self.today = timezone.localdate()
        self.current_year = contract_year_containing(self.today)
        with transaction.atomic():
            self.seed_contract_periods()
            self.seed_providers()
            self.seed_appropriate_bodies()
            schools = self.seed_schools(SCHOOLS)
            self.seed_personas(PERSONAS)
            self.seed_primary(schools[PRIMARY_URN])
            self.seed_lead_provider_reports(schools[PRIMARY_URN])
            self.seed_secondary(schools[SECONDARY_URN])
            self.seed_staff()
            api_tokens = self.seed_api_tokens()
            if large_school:
                self.seed_large_school()
        self.stdout.write(self.style.SUCCESS("Demo data is ready."))
        # `make run` serves on $PORT (8000 by default).
        site = f"http://127.0.0.1:{os.environ.get('PORT') or 8000}"
        self.stdout.write(f"Admin: {site}/admin/")
        self.stdout.write(f"  superuser: {ADMIN[0]} / {ADMIN[1]}")
        self.stdout.write(f"  support (view and change): {SUPPORT[0]} / {SUPPORT[1]}")
        self.stdout.write(f"Sign in as a school user at {site}/sign-in, as one of these personas:")
        school_names = {school["urn"]: school["name"] for school in [*SCHOOLS, LARGE_SCHOOL]}
        for _, first_name, last_name, urns in [*PERSONAS, *([LARGE_SCHOOL_PERSONA] if large_school else [])]:
            self.stdout.write(f"  {first_name} {last_name}: {' and '.join(school_names[urn] for urn in urns)}")
        self.stdout.write(
            f"Lead provider API: {site}/api/v3/participants, docs at {site}/api/docs/v3; local-only tokens:"
        )
        for name, token in api_tokens.items():
            self.stdout.write(f"  {name}: {token}")

    # -----------------------------------------------------------------------------------------------
    # Reference data

    def seed_contract_periods(self):
        years = sorted(set(range(FIRST_CONTRACT_YEAR, LAST_CONTRACT_YEAR + 1)) | {self.current_year})
        self.contract_periods = {}
        for year in years:
            self.contract_periods[year], _ = ContractPeriod.objects.update_or_create(
                year=year,
                defaults={
                    "started_on": datetime.date(year, 6, 1),
                    "finished_on": datetime.date(year + 1, 5, 31),
                    # Registration is open for the current year and stays open for earlier ones.
                    "enabled": year <= self.current_year,
                },
            )

    def seed_providers(self):
        self.lead_providers = {}
        self.partnerships = {}  # (lead provider name, year) -> [LeadProviderDeliveryPartnership]
        self.active = {}  # (lead provider name, year) -> ActiveLeadProvider
        for lead_provider_name, delivery_partner_names in LEAD_PROVIDERS.items():
            lead_provider, _ = LeadProvider.objects.get_or_create(name=lead_provider_name)
            self.lead_providers[lead_provider_name] = lead_provider
            delivery_partners = [DeliveryPartner.objects.get_or_create(name=name)[0] for name in delivery_partner_names]
            for year, contract_period in self.contract_periods.items():
                active, _ = ActiveLeadProvider.objects.get_or_create(
                    lead_provider=lead_provider, contract_period=contract_period
                )
                self.active[lead_provider_name, year] = active
                self.partnerships[lead_provider_name, year] = [
                    LeadProviderDeliveryPartnership.objects.get_or_create(
                        active_lead_provider=active, delivery_partner=delivery_partner
                    )[0]
                    for delivery_partner in delivery_partners
                ]

    def seed_api_tokens(self) -> dict[str, str]:
        """A fixed, local-only API token per lead provider (like the personas, never in production), so
        the README's curl lines work after any reseed. Returns {lead provider name: token}."""
        tokens = {}
        for name, lead_provider in self.lead_providers.items():
            tokens[name] = f"local-demo-token-{slugify(name)}"
            if not APIToken.objects.filter(digest=digest(tokens[name])).exists():
                create_api_token(
                    lead_provider=lead_provider,
                    author=Author.system("seed_demo_data"),
                    description="Local demo token",
                    token=tokens[name],
                )
        return tokens

    def seed_appropriate_bodies(self):
        self.appropriate_bodies = {}
        for name, body_type in APPROPRIATE_BODIES:
            self.appropriate_bodies[name], _ = AppropriateBody.objects.update_or_create(
                name=name, defaults={"body_type": body_type}
            )

    def seed_schools(self, schools) -> dict[int, School]:
        seeded = {}
        for details in schools:
            details = dict(details)
            urn = details.pop("urn")
            seeded[urn], _ = School.objects.update_or_create(
                urn=urn, defaults={**details, "local_authority": LOCAL_AUTHORITY, "status": School.Status.OPEN}
            )
        return seeded

    def seed_personas(self, personas):
        for username, first_name, last_name, urns in personas:
            user = self.user(username, first_name, last_name)
            user.schools.add(*School.objects.filter(urn__in=urns))

    def user(self, username, first_name, last_name, *, password=None, **flags) -> User:
        user, created = User.objects.get_or_create(
            username=username, defaults={"email": username, "first_name": first_name, "last_name": last_name, **flags}
        )
        changed = [name for name, value in flags.items() if getattr(user, name) != value]
        for name in changed:
            setattr(user, name, flags[name])
        if password is None:
            if created:
                user.set_unusable_password()
                changed.append("password")
        elif created or not user.check_password(password):
            user.set_password(password)
            changed.append("password")
        if changed:
            user.save()
        return user

    def seed_staff(self):
        self.user(ADMIN[0], "Alex", "Admin", password=ADMIN[1], is_staff=True, is_superuser=True)
        support = self.user(SUPPORT[0], "Sasha", "Support", password=SUPPORT[1], is_staff=True, is_superuser=False)
        wanted = []
        for app_label, model in SUPPORT_MODELS:
            actions = ["view"] if (app_label, model) in SUPPORT_VIEW_ONLY else ["view", "change"]
            if (app_label, model) == ("ecf", "declaration"):
                actions.append("add")  # support staff record completed mentor declarations
            wanted += [(app_label, f"{action}_{model}") for action in actions]
        permissions = [
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
            for app_label, codename in wanted
        ]
        support.user_permissions.add(*permissions)

    # -----------------------------------------------------------------------------------------------
    # ECTs and mentors at the two demo schools

    def school_partnership(self, school, lead_provider_name, year, index=0) -> SchoolPartnership:
        partnership = self.partnerships[lead_provider_name, year][index]
        return SchoolPartnership.objects.get_or_create(school=school, lead_provider_delivery_partnership=partnership)[0]

    def teacher(self, trn, first_name, last_name, **extra) -> Teacher:
        return Teacher.objects.get_or_create(
            trn=trn,
            defaults={
                "trs_first_name": first_name,
                "trs_last_name": last_name,
                "trs_induction_status": "InProgress",
                "trs_qts_awarded_on": datetime.date(self.current_year, 7, 18),
                **extra,
            },
        )[0]

    def ect(self, school, teacher, *, started_on, appropriate_body, working_pattern="full_time") -> ECTAtSchoolPeriod:
        email_domain = school.name.lower().replace(" ", "-") + ".example.com"
        return ECTAtSchoolPeriod.objects.get_or_create(
            teacher=teacher,
            school=school,
            started_on=started_on,
            defaults={
                "email": f"{teacher.trs_first_name}.{teacher.trs_last_name}@{email_domain}".lower(),
                "working_pattern": working_pattern,
                "appropriate_body": self.appropriate_bodies[appropriate_body],
            },
        )[0]

    def mentor(self, school, teacher, *, started_on, subject, age_range="", key_stage="") -> MentorAtSchoolPeriod:
        email_domain = school.name.lower().replace(" ", "-") + ".example.com"
        return MentorAtSchoolPeriod.objects.get_or_create(
            teacher=teacher,
            school=school,
            started_on=started_on,
            defaults={
                "email": f"{teacher.trs_first_name}.{teacher.trs_last_name}@{email_domain}".lower(),
                "subject": subject,
                "age_range": age_range,
                "key_stage": key_stage,
            },
        )[0]

    def mentorship(self, ect, mentor, started_on=None) -> MentorshipPeriod:
        return MentorshipPeriod.objects.get_or_create(
            mentee=ect, mentor=mentor, started_on=started_on or max(ect.started_on, mentor.started_on)
        )[0]

    def training(self, period, *, partnership=None, eoi=None, school_led=False, **extra) -> TrainingPeriod:
        owner = "ect_at_school_period" if isinstance(period, ECTAtSchoolPeriod) else "mentor_at_school_period"
        return TrainingPeriod.objects.get_or_create(
            **{owner: period},
            started_on=period.started_on,
            defaults={
                "training_programme": "school_led" if school_led else "provider_led",
                "school_partnership": partnership,
                "expression_of_interest": eoi,
                **extra,
            },
        )[0]

    def complete_mentor_training(self, mentor_period, training_period, completed_on):
        Declaration.objects.get_or_create(
            training_period=training_period,
            declaration_type=Declaration.DeclarationType.STARTED,
            defaults={"declaration_date": training_period.started_on, "state": Declaration.State.PAID},
        )
        Declaration.objects.get_or_create(
            training_period=training_period,
            declaration_type=Declaration.DeclarationType.COMPLETED,
            defaults={"declaration_date": completed_on, "state": Declaration.State.PAID},
        )
        teacher = mentor_period.teacher
        if not teacher.mentor_training_completed_on:
            teacher.mentor_training_completed_on = completed_on
            teacher.mentor_training_completion_reason = (
                Teacher.MentorTrainingCompletionReason.COMPLETED_DECLARATION_RECEIVED
            )
            teacher.save(update_fields=["mentor_training_completed_on", "mentor_training_completion_reason"])

    def seed_primary(self, school):
        year = self.current_year
        this_september = datetime.date(year, 9, 1)
        last_september = datetime.date(year - 1, 9, 1)
        partnership = self.school_partnership(school, "Ambition Institute", year)
        last_year_partnership = self.school_partnership(school, "Ambition Institute", year - 1)
        hub = "Riverside Teaching School Hub"

        # Mentors: one mentoring two ECTs, one whose training is complete, one with no ECTs.
        grace = self.mentor(
            school, self.teacher("1000101", "Grace", "Patel"), started_on=this_september, subject="Primary",
            age_range="5 to 11", key_stage="Key stage 2",
        )  # fmt: skip
        self.training(grace, partnership=partnership)
        david = self.mentor(
            school, self.teacher("1000102", "David", "Clarke"), started_on=last_september, subject="Primary",
            age_range="3 to 7", key_stage="Key stage 1",
        )  # fmt: skip
        david_training = self.training(david, partnership=last_year_partnership, finished_on=datetime.date(year, 7, 31))
        self.complete_mentor_training(david, david_training, datetime.date(year, 7, 15))
        self.mentor(  # Hannah mentors no ECTs yet
            school, self.teacher("1000103", "Hannah", "Wilson"), started_on=this_september, subject="Primary",
            age_range="7 to 11", key_stage="Key stage 2",
        )  # fmt: skip

        # ECTs: provider-led with a confirmed partnership, awaiting confirmation, school-led, deferred, no mentor.
        amelia = self.ect(
            school, self.teacher("1000001", "Amelia", "Hughes"), started_on=this_september, appropriate_body=hub
        )
        self.training(amelia, partnership=partnership)
        self.mentorship(amelia, grace)

        oliver = self.ect(
            school, self.teacher("1000002", "Oliver", "Bennett"), started_on=this_september, appropriate_body=hub
        )
        self.training(oliver, eoi=self.active["Teach First", year])  # no mentor yet

        isla = self.ect(
            school, self.teacher("1000003", "Isla", "Thompson"), started_on=this_september, appropriate_body=hub,
            working_pattern="part_time",
        )  # fmt: skip
        self.training(isla, school_led=True)
        self.mentorship(isla, grace)

        jack = self.ect(
            school, self.teacher("1000004", "Jack", "Robinson"), started_on=last_september,
            appropriate_body="Kingsmere City Council",
        )  # fmt: skip
        self.training(
            jack,
            partnership=last_year_partnership,
            deferred_at=timezone.make_aware(datetime.datetime(year, 3, 10, 9, 30)),
            deferral_reason=TrainingPeriod.DeferralReason.PARENTAL_LEAVE,
        )
        self.mentorship(jack, david)

        school.last_chosen_appropriate_body = self.appropriate_bodies[hub]
        school.last_chosen_training_programme = "provider_led"
        school.last_chosen_lead_provider = self.lead_providers["Ambition Institute"]
        school.save(
            update_fields=[
                "last_chosen_appropriate_body",
                "last_chosen_training_programme",
                "last_chosen_lead_provider",
            ]
        )

    def seed_lead_provider_reports(self, school):
        """What lead providers have told us about the first demo school's trainees, so `make run` shows what the
        school sees (docs/journeys/change-lead-provider.md): Jack Robinson's training is deferred (seed_primary),
        Ava Mitchell's is withdrawn, and mentor Ruth Campbell's mentor training is deferred. Only lead providers
        withdraw or defer, through the API's services (ecf/training/provider_actions.py); the seed sets the same fields
        on creation instead, because get_or_create keeps it idempotent where a second withdrawal would be refused."""
        year = self.current_year
        this_september = datetime.date(year, 9, 1)
        partnership = self.school_partnership(school, "Ambition Institute", year)
        hub = "Riverside Teaching School Hub"
        # Never in the future, even when the demo runs between June and September.
        reported_at = min(timezone.now(), timezone.make_aware(datetime.datetime(year, 11, 4, 11, 15)))

        ava = self.ect(
            school, self.teacher("1000005", "Ava", "Mitchell"), started_on=this_september, appropriate_body=hub
        )
        self.training(
            ava,
            partnership=partnership,
            withdrawn_at=reported_at,
            withdrawal_reason=TrainingPeriod.WithdrawalReason.OTHER,
        )

        ruth = self.mentor(
            school, self.teacher("1000104", "Ruth", "Campbell"), started_on=this_september, subject="Primary",
            age_range="5 to 11", key_stage="Key stage 2",
        )  # fmt: skip
        self.training(
            ruth,
            partnership=partnership,
            deferred_at=reported_at,
            deferral_reason=TrainingPeriod.DeferralReason.LONG_TERM_SICKNESS,
        )

    def seed_secondary(self, school):
        year = self.current_year
        this_september = datetime.date(year, 9, 1)
        last_september = datetime.date(year - 1, 9, 1)
        partnership = self.school_partnership(school, "Best Practice Network", year)
        last_year_partnership = self.school_partnership(school, "Best Practice Network", year - 1, index=1)
        hub = "Pennine Teaching School Hub"

        rebecca = self.mentor(
            school, self.teacher("1000201", "Rebecca", "Evans"), started_on=last_september, subject="Mathematics",
            age_range="11 to 16", key_stage="Key stage 3 and 4",
        )  # fmt: skip
        self.training(rebecca, partnership=last_year_partnership)
        james = self.mentor(
            school, self.teacher("1000202", "James", "Morgan"), started_on=last_september, subject="English",
            age_range="11 to 18", key_stage="Key stage 4 and 5",
        )  # fmt: skip
        self.training(james, partnership=last_year_partnership)
        self.mentor(  # Lucy mentors no ECTs yet
            school, self.teacher("1000203", "Lucy", "Green"), started_on=this_september, subject="Science",
            age_range="11 to 16", key_stage="Key stage 3",
        )  # fmt: skip

        mohammed = self.ect(
            school, self.teacher("1000011", "Mohammed", "Ali"), started_on=this_september, appropriate_body=hub
        )
        self.training(mohammed, partnership=partnership)
        self.mentorship(mohammed, rebecca)

        chloe = self.ect(
            school, self.teacher("1000012", "Chloe", "Davies"), started_on=this_september, appropriate_body=hub
        )
        self.training(
            chloe,
            partnership=partnership,
            withdrawn_at=min(timezone.now(), timezone.make_aware(datetime.datetime(year, 10, 20, 14, 0))),
            withdrawal_reason=TrainingPeriod.WithdrawalReason.OTHER,
        )
        self.mentorship(chloe, rebecca)

        ethan = self.ect(
            school, self.teacher("1000013", "Ethan", "Walker"), started_on=this_september, appropriate_body=hub
        )
        self.training(ethan, school_led=True)  # no mentor yet

        sophie = self.ect(
            school, self.teacher("1000014", "Sophie", "Turner"), started_on=last_september,
            appropriate_body="Kingsmere City Council",
        )  # fmt: skip
        self.training(sophie, partnership=last_year_partnership)
        self.mentorship(sophie, james)

        school.last_chosen_appropriate_body = self.appropriate_bodies[hub]
        school.last_chosen_training_programme = "provider_led"
        school.last_chosen_lead_provider = self.lead_providers["Best Practice Network"]
        school.save(
            update_fields=[
                "last_chosen_appropriate_body",
                "last_chosen_training_programme",
                "last_chosen_lead_provider",
            ]
        )

    # -----------------------------------------------------------------------------------------------
    # A large school for benchmarks, in bulk

    def seed_large_school(self):
        school = self.seed_schools([LARGE_SCHOOL])[LARGE_SCHOOL_URN]
        self.seed_personas([LARGE_SCHOOL_PERSONA])
        year = self.current_year
        started_on = datetime.date(year, 9, 1)
        partnerships = [
            self.school_partnership(school, "Teach First", year, index=0),
            self.school_partnership(school, "Teach First", year, index=1),
        ]
        eoi = self.active["UCL Early Career Teacher Education", year]
        appropriate_body = self.appropriate_bodies["Three Rivers Teaching School Hub"]

        def name(i):
            return FIRST_NAMES[i % len(FIRST_NAMES)], LAST_NAMES[(i * 7 + i // len(FIRST_NAMES)) % len(LAST_NAMES)]

        ect_teachers = self.bulk_teachers(LARGE_SCHOOL_ECT_TRN_START, LARGE_SCHOOL_ECTS, name)
        mentor_teachers = self.bulk_teachers(LARGE_SCHOOL_MENTOR_TRN_START, LARGE_SCHOOL_MENTORS, lambda i: name(i + 3))

        existing = set(school.ect_periods.values_list("teacher_id", flat=True))
        ECTAtSchoolPeriod.objects.bulk_create(
            ECTAtSchoolPeriod(
                teacher=teacher,
                school=school,
                started_on=started_on,
                email=f"ect{teacher.trn}@kingsmere-grange.example.com",
                working_pattern="part_time" if i % 10 == 0 else "full_time",
                appropriate_body=appropriate_body,
            )
            for i, teacher in enumerate(ect_teachers)
            if teacher.pk not in existing
        )
        existing = set(school.mentor_periods.values_list("teacher_id", flat=True))
        MentorAtSchoolPeriod.objects.bulk_create(
            MentorAtSchoolPeriod(
                teacher=teacher,
                school=school,
                started_on=started_on,
                email=f"mentor{teacher.trn}@kingsmere-grange.example.com",
                subject=["Mathematics", "English", "Science", "History", "Geography"][i % 5],
                age_range="11 to 16",
                key_stage="Key stage 3 and 4",
            )
            for i, teacher in enumerate(mentor_teachers)
            if teacher.pk not in existing
        )
        ect_periods = {p.teacher_id: p for p in school.ect_periods.filter(teacher__in=ect_teachers)}
        ect_periods = [ect_periods[teacher.pk] for teacher in ect_teachers]
        mentor_periods = {p.teacher_id: p for p in school.mentor_periods.filter(teacher__in=mentor_teachers)}
        mentor_periods = [mentor_periods[teacher.pk] for teacher in mentor_teachers]

        mentored = set(MentorshipPeriod.objects.filter(mentee__in=ect_periods).values_list("mentee_id", flat=True))
        MentorshipPeriod.objects.bulk_create(
            MentorshipPeriod(mentee=ect, mentor=mentor_periods[i % len(mentor_periods)], started_on=started_on)
            for i, ect in enumerate(ect_periods[:LARGE_SCHOOL_MENTORED_ECTS])
            if ect.pk not in mentored
        )

        trained = set(
            TrainingPeriod.objects.filter(ect_at_school_period__in=ect_periods).values_list(
                "ect_at_school_period_id", flat=True
            )
        )
        trained |= set(
            TrainingPeriod.objects.filter(mentor_at_school_period__in=mentor_periods).values_list(
                "mentor_at_school_period_id", flat=True
            )
        )

        def ect_training(i, ect):
            if i % 10 == 9:
                return TrainingPeriod(ect_at_school_period=ect, started_on=started_on, training_programme="school_led")
            if i % 10 == 8:
                return TrainingPeriod(
                    ect_at_school_period=ect, started_on=started_on, training_programme="provider_led",
                    expression_of_interest=eoi,
                )  # fmt: skip
            return TrainingPeriod(
                ect_at_school_period=ect, started_on=started_on, training_programme="provider_led",
                school_partnership=partnerships[i % 2],
            )  # fmt: skip

        TrainingPeriod.objects.bulk_create(
            [ect_training(i, ect) for i, ect in enumerate(ect_periods) if ect.pk not in trained]
            + [
                TrainingPeriod(
                    mentor_at_school_period=mentor,
                    started_on=started_on,
                    training_programme="provider_led",
                    school_partnership=partnerships[i % 2],
                )
                for i, mentor in enumerate(mentor_periods)
                if mentor.pk not in trained
            ]
        )

    def bulk_teachers(self, first_trn, count, name) -> list[Teacher]:
        trns = [f"{first_trn + i:07d}" for i in range(count)]
        existing = set(Teacher.objects.filter(trn__in=trns).values_list("trn", flat=True))
        qts = datetime.date(self.current_year, 7, 18)
        Teacher.objects.bulk_create(
            Teacher(
                trn=trn,
                trs_first_name=name(i)[0],
                trs_last_name=name(i)[1],
                trs_induction_status="InProgress",
                trs_qts_awarded_on=qts,
            )
            for i, trn in enumerate(trns)
            if trn not in existing
        )
        teachers = {teacher.trn: teacher for teacher in Teacher.objects.filter(trn__in=trns)}
        return [teachers[trn] for trn in trns]
