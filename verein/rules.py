"""No object permissions: the Verein's are role permissions from the table in portal/roles.py."""
