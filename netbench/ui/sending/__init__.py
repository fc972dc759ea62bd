"""What sends: the payload editor, saved messages, the file sender and the repeat row."""
