"""The Lookup tab's network side: names, DNS, this machine, port scans and TCP pings.

Everything that may block (getaddrinfo, psutil) runs in an executor or on the loop's own
resolver, so awaiting any of it from the UI's loop never freezes the window.
"""
