"""Permissions of the job postings: none yet. Anyone may read a posting and apply; what HR may do
with an application is decided in intern/personal."""
