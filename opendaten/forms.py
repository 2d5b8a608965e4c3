"""The open data has no forms: its endpoints read no input."""
