"""Who may do what with Patenschaften. The permissions come from the role table (portal/roles.py):
`patenschaften.volunteer` (Ehrenamt and Ehrenamtskoordination) for applying as a Pate and one's own
Patenschaften, `patenschaften.coordinate_patenschaften` for applications, matching and check-ins, and
one permission per area for the households seeking a Pate: `manage_households_intern` (the
Integrationsmanagement under /intern/) and `manage_households_koordination` (the coordination under
/ehrenamt/koordination/). A Pate's own Patenschaften are looked up by `request.user`, so no object
permission is needed here."""
