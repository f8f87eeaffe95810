"""Every audit event about a teacher moves that teacher's API `updated_at` (docs/adr/0014-lead-provider-api.md).

One mechanism for every writer: services record an event for each change to domain state, so a trigger on the
events table reaches every change a school, DfE staff or a lead provider makes, whichever record the event
names (the teacher, an at-school period, a mentorship, which moves both teachers, a training period, or a
school partnership, which moves everyone trained through it).
"""

from django.db import migrations

FUNCTION = """
CREATE OR REPLACE FUNCTION ecf_event_moves_teacher_api_updated_at() RETURNS trigger AS $$
BEGIN
    UPDATE ecf_teacher
    SET api_updated_at = GREATEST(api_updated_at, NEW.happened_at)
    WHERE id IN (
        SELECT NEW.teacher_id
        UNION SELECT teacher_id FROM ects_ectatschoolperiod WHERE id = NEW.ect_at_school_period_id
        UNION SELECT teacher_id FROM mentors_mentoratschoolperiod WHERE id = NEW.mentor_at_school_period_id
        UNION SELECT ect.teacher_id FROM mentors_mentorshipperiod mentorship
            JOIN ects_ectatschoolperiod ect ON ect.id = mentorship.mentee_id
            WHERE mentorship.id = NEW.mentorship_period_id
        UNION SELECT mentor.teacher_id FROM mentors_mentorshipperiod mentorship
            JOIN mentors_mentoratschoolperiod mentor ON mentor.id = mentorship.mentor_id
            WHERE mentorship.id = NEW.mentorship_period_id
        UNION SELECT COALESCE(ect.teacher_id, mentor.teacher_id) FROM ecf_trainingperiod training
            LEFT JOIN ects_ectatschoolperiod ect ON ect.id = training.ect_at_school_period_id
            LEFT JOIN mentors_mentoratschoolperiod mentor ON mentor.id = training.mentor_at_school_period_id
            WHERE training.id = NEW.training_period_id
        UNION SELECT COALESCE(ect.teacher_id, mentor.teacher_id) FROM ecf_trainingperiod training
            LEFT JOIN ects_ectatschoolperiod ect ON ect.id = training.ect_at_school_period_id
            LEFT JOIN mentors_mentoratschoolperiod mentor ON mentor.id = training.mentor_at_school_period_id
            WHERE training.school_partnership_id = NEW.school_partnership_id
    );
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER ecf_event_moves_teacher_api_updated_at
AFTER INSERT ON ecf_event
FOR EACH ROW EXECUTE FUNCTION ecf_event_moves_teacher_api_updated_at();
"""

REVERSE = """
DROP TRIGGER IF EXISTS ecf_event_moves_teacher_api_updated_at ON ecf_event;
DROP FUNCTION IF EXISTS ecf_event_moves_teacher_api_updated_at();
"""


class Migration(migrations.Migration):
    dependencies = [
        ("ecf", "0008_teacher_api_updated_at"),
        ("ects", "0001_initial"),
        ("mentors", "0001_initial"),
    ]

    operations = [migrations.RunSQL(FUNCTION, REVERSE)]
