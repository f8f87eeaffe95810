"""Create a lead provider API token and print it, once: only its SHA-256 is kept (docs/adr/0014-lead-provider-api.md).

manage.py create_api_token --lead-provider "Ambition Institute" [--description "Their production client"]
"""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ecf.events import Author
from ecf.models import LeadProvider
from ecf.training.api_tokens import create_api_token


class Command(BaseCommand):
    help = "Create an API token for a lead provider and print it once (it cannot be shown again)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--lead-provider", required=True, help="the lead provider's name, exactly")
        parser.add_argument("--description", default="", help="who or what will use it, for support staff")

    def handle(self, *args: Any, lead_provider: str, description: str, **options: Any) -> None:
        provider = LeadProvider.objects.filter(name=lead_provider).first()
        if provider is None:
            names = ", ".join(LeadProvider.objects.values_list("name", flat=True)) or "none"
            raise CommandError(f"No lead provider is called {lead_provider!r}. Lead providers: {names}.")
        _, token = create_api_token(
            lead_provider=provider, author=Author.system("create_api_token command"), description=description
        )
        self.stderr.write(f"API token for {provider}. It is shown only this once: give it to them securely.")
        self.stdout.write(token)
