"""The open data is read-only: nothing here writes."""
