"""GOV.UK pages for a refused form (CSRF, 403) and a malformed request (400), not Django's plain ones."""

from django.test import Client


def test_a_form_sent_without_its_csrf_token_gets_the_service_page(db, school_user, school):
    client = Client(enforce_csrf_checks=True)
    client.force_login(school_user)

    response = client.post("/sign-out")

    assert response.status_code == 403
    html = response.content.decode()
    assert "Sorry, you need to try again - Register early career teachers" in html
    assert "govuk-header" in html
    assert "CSRF" not in html  # Django's page names the mechanism and the reason; ours says what to do


def test_a_malformed_request_gets_the_service_400_page(admin_client):
    response = admin_client.get("/admin/ecf/teacher/?trn__regex=(")

    assert response.status_code == 400
    html = response.content.decode()
    assert "Sorry, there is a problem with the request - Register early career teachers" in html
    assert "govuk-header" in html
