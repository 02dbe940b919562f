"""For classes: the protocol file and its check, the class report, the demo, doctor."""
