"""A loopback DfE Sign-in: a real OpenID Connect provider and a stub of DfE Sign-in's public API on one port.

The provider is oidc-provider-mock (Authlib's provider, with a page to pick who signs in); the public API
stub answers `GET /services/{service}/organisations/{organisation}/users/{user}` with the roles given to
it, only to a bearer JWT signed HS256 with the API secret for `signin.education.gov.uk`, as DfE Sign-in
does (https://github.com/DFE-Digital/login.dfe.public-api).

The browser tests run it (tests/browser/test_dfe_sign_in.py). To try the real flow by hand:

    make dfe-sign-in-mock    # serves it on http://localhost:8010 with LOCAL_USERS (below)
    make run-dfe-sign-in     # in another terminal: `make run` pointed at it (see the Makefile)
"""

import argparse
import contextlib
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import flask
import jwt
import oidc_provider_mock
import requests
import werkzeug.serving

PUBLIC_API_AUDIENCE = "signin.education.gov.uk"
ROLE = "SchoolUser"


@dataclass
class LoopbackDfESignIn:
    """What the tests steer: the users DfE Sign-in knows, their roles, and a way to make the provider issue
    a bad ID token (`id_token_fault`: "wrong_audience" or "expired"), as a misbehaving or replayed one."""

    client_id: str
    api_secret: str
    url: str = ""
    roles: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    id_token_fault: str | None = None

    def add_user(self, sub: str, *, email: str, given_name: str, family_name: str, organisation: dict | list):
        """A DfE Sign-in user; `organisation` is the claim as DfE Sign-in sends it ({"id", "name", "urn"})."""
        claims = {"email": email, "given_name": given_name, "family_name": family_name, "organisation": organisation}
        requests.put(f"{self.url}/users/{sub}", json=claims, timeout=5).raise_for_status()

    def give_role(self, sub: str, organisation_id: str, *codes: str):
        self.roles[(organisation_id, sub)] = list(codes or [ROLE])

    def reset(self):
        self.roles.clear()
        self.id_token_fault = None


def create_app(state: LoopbackDfESignIn, users=()) -> flask.Flask:
    # `users` are offered on the provider's sign-in page with one button each.
    app = oidc_provider_mock.app(require_nonce=True, user_claims=users)

    @app.get("/services/<service_id>/organisations/<organisation_id>/users/<user_id>")
    def user_access(service_id, organisation_id, user_id):
        token = flask.request.headers.get("Authorization", "").removeprefix("Bearer ")
        try:
            claims = jwt.decode(token, state.api_secret, algorithms=["HS256"], audience=PUBLIC_API_AUDIENCE)
        except jwt.InvalidTokenError:
            return flask.jsonify({"error": "unauthorised"}), 401
        if claims.get("iss") != state.client_id or service_id != state.client_id:
            return flask.jsonify({"error": "forbidden"}), 403
        codes = state.roles.get((organisation_id, user_id))
        if codes is None:
            return flask.jsonify({"error": "not found"}), 404
        return flask.jsonify(
            {
                "userId": user_id,
                "serviceId": service_id,
                "organisationId": organisation_id,
                "roles": [
                    {"id": code, "name": code, "code": code, "numericId": "1", "status": {"id": 1}} for code in codes
                ],
                "identifiers": [],
            }
        )

    @app.after_request
    def sign_id_token_with_key_id(response):
        # The provider signs ID tokens without naming the key (`kid`) its JWKS publishes. DfE Sign-in names
        # it, and a client fetches the keys again only for a `kid` it has not seen: without one, a service
        # left running across a restart of this provider (a new key) would refuse every sign-in. So the ID
        # token is re-signed with the provider's own key and its `kid`; with `id_token_fault` set, the
        # claim at fault is spoilt on the way, so only that claim is wrong.
        if flask.request.path != "/oauth2/token" or response.status_code != 200:
            return response
        body = response.get_json()
        claims = jwt.decode(body["id_token"], options={"verify_signature": False})
        if state.id_token_fault == "wrong_audience":
            # Naming this service as the authorised party does not make the token for it.
            claims["aud"], claims["azp"] = "another-service", state.client_id
        elif state.id_token_fault == "expired":
            claims["iat"], claims["exp"] = int(time.time()) - 7200, int(time.time()) - 3600
        key = flask.g.oidc_provider_mock_storage.jwk
        kid = key.as_dict()["kid"]
        body["id_token"] = jwt.encode(claims, key.as_pem(is_private=True), algorithm="RS256", headers={"kid": kid})
        response.set_data(flask.json.dumps(body))
        return response

    return app


@contextmanager
def running(*, client_id: str, api_secret: str, port: int = 0, users=()) -> Iterator[LoopbackDfESignIn]:
    """The loopback DfE Sign-in, serving on http://localhost:{port} (a free port when 0) until the block ends."""
    state = LoopbackDfESignIn(client_id=client_id, api_secret=api_secret)
    server = werkzeug.serving.make_server("localhost", port, create_app(state, users), threaded=True)
    state.url = f"http://localhost:{server.server_port}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        thread.join(5)
        server.server_close()


# The users `make dfe-sign-in-mock` offers: (sub, given name, family name, organisation claim, holds the role).
# The first two act for the demo schools of `seed_demo_data` (ecf/management/commands/seed_demo_data.py);
# the two after them for schools of the sample GIAS file (schools/gias/sample_establishments.csv), so a
# newcomer who imports it can sign in for an open school of it and for a closed one (README.md, "Schools
# from GIAS"; tests/browser/test_newcomer_sign_in.py walks that).
LOCAL_USERS = [
    ("priya-shah", "Priya", "Shah", {"id": "org-oakfield", "name": "Oakfield Primary School", "urn": "142301"}, True),
    ("tom-reynolds", "Tom", "Reynolds", {"id": "org-hollins", "name": "Hollins Park Academy", "urn": "145872"}, True),
    (
        "st-marys-tutor",
        "Mary",
        "Tremayne",
        {"id": "org-st-marys", "name": "St Mary\u2019s Church of England Primary School", "urn": "990001"},
        True,
    ),
    (
        "hillside-tutor",
        "Harry",
        "Hill",
        {"id": "org-hillside", "name": "Hillside Community School", "urn": "990003"},
        True,
    ),
    ("no-role", "Nina", "Norole", {"id": "org-oakfield", "name": "Oakfield Primary School", "urn": "142301"}, False),
    ("local-authority", "Luke", "Council", {"id": "org-la", "name": "Testshire County Council"}, True),
]


def local_users() -> list[oidc_provider_mock.User]:
    """LOCAL_USERS as the provider's sign-in page offers them, one button each."""
    return [
        oidc_provider_mock.User(
            sub=sub,
            claims={
                "email": f"{given_name}.{family_name}@example.com".lower(),
                "given_name": given_name,
                "family_name": family_name,
                "organisation": organisation,
            },
        )
        for sub, given_name, family_name, organisation, _ in LOCAL_USERS
    ]


def give_local_roles(dfe: LoopbackDfESignIn):
    """The public API's answer for LOCAL_USERS: the role at their organisation, for those that hold it."""
    for sub, _, _, organisation, has_role in LOCAL_USERS:
        if has_role:
            dfe.give_role(sub, organisation["id"])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, default=8010)
    parser.add_argument("--client-id", default="register-ects")
    parser.add_argument("--api-secret", default="local-api-secret-of-at-least-32-bytes")
    arguments = parser.parse_args()
    with running(
        client_id=arguments.client_id, api_secret=arguments.api_secret, port=arguments.port, users=local_users()
    ) as dfe:
        give_local_roles(dfe)
        print(
            f"Loopback DfE Sign-in on {dfe.url}; users: {', '.join(user[0] for user in LOCAL_USERS)}. Ctrl-C stops it."
        )
        with contextlib.suppress(KeyboardInterrupt):
            threading.Event().wait()


if __name__ == "__main__":
    main()
