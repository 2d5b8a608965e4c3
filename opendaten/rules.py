"""Permissions of the open data: none. Anyone may read every dataset (docs/open-data.md); what is in
them is only what the public pages show."""
