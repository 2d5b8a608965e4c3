"""The open data sends no mails."""
