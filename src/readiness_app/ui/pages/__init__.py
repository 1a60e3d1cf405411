"""One module per step page of the guided flow."""
