"""One module per chapter of the PDF report; :mod:`.base` holds the build context they share."""
