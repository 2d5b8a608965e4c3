"""Who may do what with Patenschaften. For now the views check roles with `portal.permissions.role_required`
(Ehrenamt and Ehrenamtskoordination for their own Patenschaften, the coordination for applications,
matching and check-ins, the Integrationsmanagement for households it registers under /intern/); object
permissions come here in a later step."""
