"""The readout deck: the workshop's results as an editable PowerPoint presentation."""
