"""A request with a method an endpoint does not take (a provider's client POSTing to a participant, PUTting to
a list) is answered in the API's JSON error shape with 405 and `Allow`, never Django's plain text/HTML page."""

import uuid

import pytest

WRONG_METHODS = [
    ("post", "/participants/{id}"),
    ("delete", "/participants/{id}"),
    ("patch", "/participants/{id}"),
    ("put", "/participants"),
    ("get", "/participants/{id}/withdraw"),
    ("post", "/participants/{id}/defer"),
    ("delete", "/participant-declarations"),
    ("get", "/participant-declarations/{id}/void"),
    ("delete", "/partnerships/{id}"),
    ("post", "/schools"),
    ("put", "/delivery-partners"),
]


@pytest.mark.parametrize(("method", "path"), WRONG_METHODS)
def test_a_method_an_endpoint_does_not_take_is_a_json_405(client, token, method, path):
    response = getattr(client, method)(
        "/api/v3" + path.format(id=uuid.uuid4()), content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {token}"
    )

    assert response.status_code == 405
    assert response["Content-Type"] == "application/json"
    assert response["Allow"]
    assert response.json() == {
        "errors": [{"title": "Method not allowed", "detail": f"This endpoint takes {response['Allow']} only"}]
    }
