"""The Lookup tab's network side: names, DNS, this machine, port scans and TCP pings.

Everything that may block (getaddrinfo, psutil) runs in an executor or on the loop's own
resolver, so awaiting any of it from the UI's loop never freezes the window.
"""

import dns._features

# dnspython loads httpx2 and httpcore2 with its query module when they are installed, for
# a DNS-over-HTTPS of its own; ours runs on the HTTP tab's engine (see .doh), which is
# imported only when the HTTP tab or a DoH query first needs it. Without this the window's
# start would pay for the HTTP engine's libraries (~150 ms) wherever httpx2 is installed.
dns._features.force("doh", False)
