"""One row of the GIAS establishments extract: its columns, and whether this service takes the establishment.

The public extract (https://get-information-schools.service.gov.uk/Downloads, "All establishment data",
`edubasealldataYYYYMMDD.csv`, Open Government Licence v3) names its columns with `(code)` / `(name)`
suffixes. The rules for which establishments can register early career teachers follow the live service
(https://github.com/DFE-Digital/register-early-career-teachers, `app/services/gias/types.rb` and
`school_row.rb`).
"""

import datetime
from dataclasses import dataclass

from schools.models import School

URN = "URN"
NAME = "EstablishmentName"
TYPE = "TypeOfEstablishment (name)"
STATUS = "EstablishmentStatus (name)"
PHASE = "PhaseOfEducation (name)"
LA_NAME = "LA (name)"
STREET = "Street"
LOCALITY = "Locality"
TOWN = "Town"
POSTCODE = "Postcode"
CLOSE_DATE = "CloseDate"
REQUIRED_COLUMNS = (URN, NAME, TYPE, STATUS, PHASE, LA_NAME, STREET, LOCALITY, TOWN, POSTCODE, CLOSE_DATE)
# Read when the extract has them (the full public extract does): section 41 approval lets an independent
# school register; the region says whether it is in England.
SECTION_41 = "Section41Approved (name)"
REGION = "GOR (name)"

STATUSES = {
    "Open": School.Status.OPEN,
    "Closed": School.Status.CLOSED,
    "Open, but proposed to close": School.Status.PROPOSED_TO_CLOSE,
    "Proposed to open": School.Status.PROPOSED_TO_OPEN,
}
OPEN_STATUSES = {School.Status.OPEN, School.Status.PROPOSED_TO_CLOSE}
# Schools that closed before this date had no ECTs under the current induction rules: not imported.
CLOSED_SINCE = datetime.date(2020, 1, 1)

INDEPENDENT_TYPES = {"Other independent school", "Other independent special school"}
NOT_IN_ENGLAND_TYPES = {
    "British schools overseas",
    "Offshore schools",
    "Service children's education",
    "Welsh establishment",
}
ELIGIBLE_TYPES = {
    "Academy 16 to 19 sponsor led",
    "Academy 16-19 converter",
    "Academy alternative provision converter",
    "Academy alternative provision sponsor led",
    "Academy converter",
    "Academy secure 16 to 19",
    "Academy special converter",
    "Academy special sponsor led",
    "Academy sponsor led",
    "City technology college",
    "Community school",
    "Community special school",
    "Foundation school",
    "Foundation special school",
    "Free schools 16 to 19",
    "Free schools alternative provision",
    "Free schools special",
    "Free schools",
    "Further education",
    "Local authority nursery school",
    "Non-maintained special school",
    "Pupil referral unit",
    "Sixth form centres",
    "Special post 16 institution",
    "Studio schools",
    "University technical college",
    "Voluntary aided school",
    "Voluntary controlled school",
}
PHASES = {phase.value for phase in School.Phase}
# The School fields GIAS owns: an import overwrites them, and compares them to tell a change.
GIAS_FIELDS = (
    "name",
    "phase",
    "establishment_type",
    "independent",
    "status",
    "closed_on",
    "eligible",
    "local_authority",
    "address_line1",
    "address_line2",
    "town",
    "postcode",
)


class BadRow(ValueError):
    """A row this importer cannot read; the message says why, without the row's content."""


@dataclass(frozen=True)
class SchoolRow:
    urn: int
    name: str
    phase: str
    establishment_type: str
    independent: bool
    status: str
    closed_on: datetime.date | None
    eligible: bool
    local_authority: str
    address_line1: str
    address_line2: str
    town: str
    postcode: str

    @property
    def worth_importing(self) -> bool:
        """A school not yet in our data is created only if it can register ECTs now, or closed recently
        (its ECTs may still need records)."""
        if not self.eligible:
            return False
        if self.status in OPEN_STATUSES:
            return True
        return self.status == School.Status.CLOSED and self.closed_on is not None and self.closed_on >= CLOSED_SINCE

    def values(self) -> dict:
        return {field: getattr(self, field) for field in GIAS_FIELDS}


def parse_date(text: str) -> datetime.date | None:
    """GIAS writes dates as DD-MM-YYYY (some tools re-save them as DD/MM/YYYY); blank for none."""
    text = text.strip()
    if not text:
        return None
    for layout in ("%d-%m-%Y", "%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.datetime.strptime(text, layout).date()
        except ValueError:
            continue
    raise BadRow(f"{CLOSE_DATE} is not a date")


def in_england(row: dict, establishment_type: str) -> bool:
    if establishment_type in NOT_IN_ENGLAND_TYPES:
        return False
    return not (row.get(REGION) or "").startswith("Wales")


def eligible_type(row: dict, establishment_type: str) -> bool:
    if establishment_type in ELIGIBLE_TYPES:
        return True
    return establishment_type in INDEPENDENT_TYPES and (row.get(SECTION_41) or "").strip() == "Approved"


def fitted(value: str, field: str) -> str:
    value = value.strip()
    if len(value) > School._meta.get_field(field).max_length:
        raise BadRow(f"{field} is too long")
    return value


def school_row(row: dict) -> SchoolRow:
    """The School values of one `csv.DictReader` row. Raises BadRow for a row that cannot be read."""
    try:
        urn = int(row[URN])
    except (TypeError, ValueError):
        raise BadRow(f"{URN} is not a number") from None
    if urn <= 0:
        raise BadRow(f"{URN} is not a number")
    status = STATUSES.get((row[STATUS] or "").strip())
    if status is None:
        raise BadRow(f"{STATUS} is not one GIAS uses")
    establishment_type = (row[TYPE] or "").strip()
    phase = (row[PHASE] or "").strip()
    return SchoolRow(
        urn=urn,
        name=fitted(row[NAME] or "", "name"),
        phase=phase if phase in PHASES else School.Phase.NOT_APPLICABLE.value,
        establishment_type=fitted(establishment_type, "establishment_type"),
        independent=establishment_type in INDEPENDENT_TYPES,
        status=status.value,
        closed_on=parse_date(row[CLOSE_DATE] or ""),
        eligible=in_england(row, establishment_type) and eligible_type(row, establishment_type),
        local_authority=fitted(row[LA_NAME] or "", "local_authority"),
        address_line1=fitted(row[STREET] or "", "address_line1"),
        address_line2=fitted(row[LOCALITY] or "", "address_line2"),
        town=fitted(row[TOWN] or "", "town"),
        postcode=fitted(row[POSTCODE] or "", "postcode"),
    )
