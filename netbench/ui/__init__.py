"""The Qt user interface: windows, tabs, shared widgets, item models and the event bridge."""
