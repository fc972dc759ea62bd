"""The transcript: events waiting to be shown, records, the model, the view and the message
inspector."""
