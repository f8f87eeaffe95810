"""`make bench`, the lead provider API: the participants list at page[per_page]=1000 for the demo lead provider
with the most participants, reported as participants per second beside the pages' requests per second."""

from tests.bench.measure import Run, load
from tests.bench.server import get

API_PATH = "/api/v3/participants?page[per_page]=1000"


def api_token():
    """A fresh token (local, in the bench database) for the demo lead provider training the most participants;
    returns (lead provider, token, participants per response)."""
    from api.queries import participants
    from ecf.events import Author
    from ecf.models import LeadProvider
    from ecf.training.api_tokens import create_api_token

    lead_provider = max(LeadProvider.objects.all(), key=lambda provider: participants(provider).count())
    token = create_api_token(lead_provider=lead_provider, author=Author.system("make bench"))[1]
    return lead_provider, token, min(1000, participants(lead_provider).count())


def measure_api(server, clients: int, requests: int, warmup: int, max_seconds: float) -> None:
    lead_provider, token, per_response = api_token()
    headers = {"Authorization": f"Bearer {token}"}
    status, _, _ = get(server.port, API_PATH, headers)
    if status != 200:
        print(f"GET {API_PATH} answered {status}: not measured")
        return
    cookies = [""] * clients
    load(server, Run(API_PATH), cookies, warmup, max_seconds, headers)
    run = load(server, Run(API_PATH), cookies, requests, max_seconds, headers)
    print()
    print(f"Lead provider API, {lead_provider}: {per_response} participants per response, {clients} clients")
    print(
        f"  {API_PATH}: {len(run.latencies)} requests, {len(run.errors)} errors, {run.rps:.1f} req/s, "
        f"p50 {run.percentile(50):.0f} ms, p95 {run.percentile(95):.0f} ms: "
        f"{run.rps * per_response:.0f} participants/s"
    )
