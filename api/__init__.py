"""The lead provider API (v3): what lead providers' systems read and report, at /api/v3/.

A wiring-level package (docs/adr/0010-layers-enforced-by-import-linter.md): it reads through its own
queries and writes only through the core domain's services. Decisions: docs/adr/0014-lead-provider-api.md.
"""
