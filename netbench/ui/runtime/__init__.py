"""What every part of the UI runs on: the qasync loop, the event bridge, tasks, error
reporting and translation. Imports nothing else from the UI."""
