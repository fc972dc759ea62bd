"""What tabs are made of: the tab frame (closable inner panels) and the traffic panel base."""
