"""DfE Sign-in: the OpenID Connect provider DfE's school-facing services share, and its public API.

This module speaks the protocol only; which school a user may act for is the schools app's business
(schools/sign_in.py). Authlib does discovery, PKCE, `state`, `nonce` and the ID token's signature,
issuer, audience and expiry (docs/adr/0013-dfe-sign-in.md).

DfE Sign-in's documentation: https://github.com/DFE-Digital/login.dfe.public-api (public API) and
https://github.com/DFE-Digital/login.dfe.oidc (the provider).
"""

import json
import time
from dataclasses import dataclass
from functools import cache

import jwt
import requests
from authlib.common.errors import AuthlibBaseError
from authlib.integrations.django_client import OAuth
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from joserfc.errors import JoseError

SCOPES = "openid profile email organisation"
# The audience DfE Sign-in's public API expects in the bearer token it is called with.
PUBLIC_API_AUDIENCE = "signin.education.gov.uk"
ID_TOKEN_SESSION_KEY = "dfe_sign_in_id_token"  # noqa: S105 (a session key's name, not a secret)


class SignInFailed(Exception):
    """DfE Sign-in did not sign the user in: `cancelled` (they said no, error=access_denied) or `failed`
    (a wrong or replayed `state`, an ID token that is expired, for another service or badly signed, or a
    provider that did not answer). `detail` is for the audit trail, never for the page."""

    def __init__(self, reason: str, detail: str):
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class Organisation:
    """An organisation from the `organisation` claim. `urn` is None for one that is not a school."""

    id: str
    name: str
    urn: int | None


@dataclass(frozen=True)
class Identity:
    """Who DfE Sign-in says signed in. `sub` identifies them for good; their email may change."""

    sub: str
    email: str
    first_name: str
    last_name: str
    organisations: tuple[Organisation, ...]
    id_token: str


@cache
def _client(issuer: str, client_id: str, client_secret: str, timeout: float):
    # One Authlib client per configuration, so discovery and the signing keys are fetched once per process
    # (Authlib fetches the keys again when a token is signed with a key it has not seen).
    oauth = OAuth()
    return oauth.register(
        name="dfe_sign_in",
        client_id=client_id,
        client_secret=client_secret,
        server_metadata_url=f"{issuer}/.well-known/openid-configuration",
        client_kwargs={"scope": SCOPES, "code_challenge_method": "S256", "timeout": timeout},
    )


def client():
    return _client(
        settings.DFE_SIGN_IN_ISSUER,
        settings.DFE_SIGN_IN_CLIENT_ID,
        settings.DFE_SIGN_IN_CLIENT_SECRET,
        settings.DFE_SIGN_IN_TIMEOUT_SECONDS,
    )


def redirect_to_provider(request: HttpRequest, callback_url: str) -> HttpResponse:
    """A redirect to DfE Sign-in's authorisation endpoint. Authlib keeps `state`, `nonce` and the PKCE
    verifier in the session for the callback. Raises SignInFailed("failed") when discovery fails."""
    try:
        return client().authorize_redirect(request, callback_url)
    except (AuthlibBaseError, requests.RequestException, ValueError) as error:
        raise SignInFailed("failed", f"DfE Sign-in could not be reached: {type(error).__name__}") from error


def identity_from_callback(request: HttpRequest) -> Identity:
    """Completes the authorisation-code flow on the callback: checks `state`, exchanges the code (with the
    PKCE verifier), checks the ID token (signature, issuer, audience, expiry, `nonce`) and reads the user
    info. Raises SignInFailed("cancelled" | "failed")."""
    if request.GET.get("error") == "access_denied":
        raise SignInFailed("cancelled", "The user cancelled signing in at DfE Sign-in.")
    oidc = client()
    try:
        # The discovery document must name the issuer it was fetched from (OpenID Connect Discovery 1.0,
        # section 4.3), and Authlib checks the audience only through `azp` unless told to: the ID token must
        # name this service in `aud` (OpenID Connect Core 1.0, section 3.1.3.7).
        issuer = oidc.load_server_metadata()["issuer"]
        if issuer.rstrip("/") != settings.DFE_SIGN_IN_ISSUER:
            raise ValueError(f"The discovery document names another issuer: {issuer}")
        claims_options = {
            "iss": {"essential": True, "values": [issuer]},
            "aud": {"essential": True, "values": [oidc.client_id]},
        }
        token = oidc.authorize_access_token(request, claims_options=claims_options)
        claims = dict(token["userinfo"])
        userinfo = oidc.userinfo(token=token)
    except (AuthlibBaseError, JoseError, requests.RequestException, KeyError, ValueError) as error:
        raise SignInFailed("failed", f"{type(error).__name__}: {error}") from error
    # The user info must be about the person the ID token names (OpenID Connect Core 1.0, section 5.3.2).
    if userinfo.get("sub") != claims["sub"]:
        raise SignInFailed("failed", "The user info is about someone else than the ID token.")
    claims.update(userinfo)
    return Identity(
        sub=claims["sub"],
        email=claims.get("email", ""),
        first_name=claims.get("given_name", ""),
        last_name=claims.get("family_name", ""),
        organisations=organisations(claims.get("organisation")),
        id_token=token["id_token"],
    )


def organisations(claim) -> tuple[Organisation, ...]:
    """The `organisation` claim: DfE Sign-in sends the one organisation the user chose, as an object with
    `id`, `name` and, for a school, `urn` (a string). A list of such objects is read as several."""
    if isinstance(claim, str):
        # Some providers send a JSON object claim as a string.
        try:
            claim = json.loads(claim)
        except ValueError:
            claim = None
    items = claim if isinstance(claim, list) else [claim] if isinstance(claim, dict) else []
    found = []
    for item in items:
        if not isinstance(item, dict) or not item.get("id"):
            continue
        urn = str(item.get("urn") or "").strip()
        found.append(
            Organisation(id=str(item["id"]), name=str(item.get("name") or ""), urn=int(urn) if urn.isdigit() else None)
        )
    return tuple(found)


def role_codes(*, user_id: str, organisation_id: str) -> set[str]:
    """The codes of the roles the user holds for this service at the organisation, from DfE Sign-in's public
    API (`GET /services/{service}/organisations/{organisation}/users/{user}`, README of
    https://github.com/DFE-Digital/login.dfe.public-api). A user without access gets 404: no roles.
    Raises SignInFailed("failed") when the API does not answer or answers otherwise."""
    url = (
        f"{settings.DFE_SIGN_IN_API_URL}/services/{settings.DFE_SIGN_IN_SERVICE_ID}"
        f"/organisations/{organisation_id}/users/{user_id}"
    )
    try:
        response = requests.get(
            url, headers={"Authorization": f"Bearer {api_token()}"}, timeout=settings.DFE_SIGN_IN_TIMEOUT_SECONDS
        )
        if response.status_code == 404:
            return set()
        response.raise_for_status()
        return {role["code"] for role in response.json().get("roles", []) if isinstance(role, dict) and "code" in role}
    except (requests.RequestException, ValueError, AttributeError) as error:
        raise SignInFailed("failed", f"DfE Sign-in's public API did not answer: {type(error).__name__}") from error


def api_token() -> str:
    """The bearer token for the public API: a JWT signed HS256 with the service's API secret, issued by the
    service (its client id) for `signin.education.gov.uk`, valid for a minute."""
    payload = {"iss": settings.DFE_SIGN_IN_CLIENT_ID, "aud": PUBLIC_API_AUDIENCE, "exp": int(time.time()) + 60}
    return jwt.encode(payload, settings.DFE_SIGN_IN_API_SECRET, algorithm="HS256")


def sign_out_redirect(request: HttpRequest, id_token: str, signed_out_url: str) -> HttpResponse | None:
    """A redirect to the provider's end-session endpoint with `id_token_hint`, so the user is signed out of
    DfE Sign-in too; None when the provider has none or cannot be reached (they are signed out here anyway)."""
    try:
        return client().logout_redirect(request, post_logout_redirect_uri=signed_out_url, id_token_hint=id_token)
    except (AuthlibBaseError, requests.RequestException, RuntimeError, ValueError):
        return None
