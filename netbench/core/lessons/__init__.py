"""The tutorials' experiments as data: what each step starts, says, and runs."""
