"""Who may do what in the Verein. For now the views check roles with `portal.permissions.role_required`
(Vereinsmitglied and Vorstand for the members' area, Vorstand for the register); object permissions
come here in a later step."""
