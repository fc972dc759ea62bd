"""Watching one port's TCP connections: segments captured on the loopback device where
the system allows it, and the kernel's socket table sampled everywhere."""
