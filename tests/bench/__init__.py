"""`make bench`: throughput and latency of the ECTs list against a bare GOV.UK page (see README.md)."""
