"""Training: which lead providers train in a contract period, and how a school works with one."""
