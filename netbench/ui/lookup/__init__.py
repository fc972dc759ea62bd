"""The Lookup tab: names, addresses, DNS, services, subnets, this machine and port checks."""
