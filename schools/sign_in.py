"""Which schools a user DfE Sign-in has signed in may act for, and signing them in.

The rule, as the live service applies it (ecosystem research; RECT `app/services/sessions/users/builder.rb`):
the organisation DfE Sign-in names must be a school we know, by URN, that can use the service, and the
user must hold this service's role there, read from DfE Sign-in's public API at every sign-in.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone

from ecf.auth import dfe_sign_in
from ecf.auth.audit import record_signed_in
from schools.models import DfESignInAccount, School


@dataclass(frozen=True)
class Refusal:
    """Why a user may not act for an organisation. `reason`: unknown_organisation, school_not_eligible
    or no_role (ordered from the least to the most specific); account_disabled when DfE support staff have
    turned the user off here (is_active), whatever DfE Sign-in says."""

    reason: str
    organisation: dfe_sign_in.Organisation
    school: School | None = None


REASON_ORDER = ("unknown_organisation", "school_not_eligible", "no_role")


class SignInRefused(Exception):
    def __init__(self, refusal: Refusal):
        super().__init__(refusal.reason)
        self.refusal = refusal


def schools_for(identity: dfe_sign_in.Identity) -> list[School]:
    """The schools the user may act for, one per organisation that passes. Raises SignInRefused with the
    most specific refusal when none does, and dfe_sign_in.SignInFailed when the public API fails."""
    by_urn = School.objects.in_bulk([o.urn for o in identity.organisations if o.urn is not None], field_name="urn")
    schools, refusals = [], []
    for organisation in identity.organisations:
        school = by_urn.get(organisation.urn)
        if school is None:
            refusals.append(Refusal("unknown_organisation", organisation))
        elif not school.can_register:
            refusals.append(Refusal("school_not_eligible", organisation, school))
        elif settings.DFE_SIGN_IN_ROLE_CODE not in dfe_sign_in.role_codes(
            user_id=identity.sub, organisation_id=organisation.id
        ):
            refusals.append(Refusal("no_role", organisation, school))
        else:
            schools.append(school)
    if not schools:
        if not refusals:
            raise SignInRefused(Refusal("unknown_organisation", dfe_sign_in.Organisation(id="", name="", urn=None)))
        raise SignInRefused(max(refusals, key=lambda refusal: REASON_ORDER.index(refusal.reason)))
    return schools


def first_account(sub: str) -> DfESignInAccount | None:
    return DfESignInAccount.objects.select_for_update().select_related("user").filter(sub=sub).first()


def create_account(sub: str) -> DfESignInAccount:
    """A new user for a `sub` seen for the first time. Two first sign-ins at once (a double click at DfE
    Sign-in) both get here; the second meets the unique `sub` and takes the first one's account."""
    try:
        with transaction.atomic():
            user = get_user_model().objects.create_user(username=f"dfe-sign-in:{sub}"[:150])
            return DfESignInAccount.objects.create(user=user, sub=sub)
    except IntegrityError:
        return DfESignInAccount.objects.select_for_update().select_related("user").get(sub=sub)


def sign_in_school_user(identity: dfe_sign_in.Identity, schools: list[School]):
    """The user with this DfE Sign-in `sub`, created on their first sign-in, their name and email brought up
    to date, and acting for exactly `schools` (access to a school is given again at each sign-in, so one
    they have lost a role at drops away). Records the sign-in. Returns the user. Raises SignInRefused
    (account_disabled) for a user support staff have turned off."""
    with transaction.atomic():
        account = first_account(identity.sub) or create_account(identity.sub)
        user = account.user
        if not user.is_active:
            raise SignInRefused(Refusal("account_disabled", identity.organisations[0], schools[0]))
        user.first_name, user.last_name, user.email = identity.first_name, identity.last_name, identity.email
        user.save(update_fields=["first_name", "last_name", "email"])
        account.last_signed_in_at = timezone.now()
        account.save(update_fields=["last_signed_in_at"])
        user.schools.set(schools)
        record_signed_in(
            user,
            method="dfe_sign_in",
            school=schools[0] if len(schools) == 1 else None,
            metadata={"sub": identity.sub, "urns": [school.urn for school in schools]},
        )
    return user
