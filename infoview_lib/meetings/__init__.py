"""Step 5, be a professional: the meeting (schedule) and the one-page plan."""
