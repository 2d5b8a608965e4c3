"""Who may do what in the offers app. The permissions come from the role table (portal/roles.py):
`angebote.handle_furniture_donations` (the Ehrenamtskoordination, under /ehrenamt/moebelspenden/) and
`angebote.handle_neighbours_concerns` (the Integrationsmanagement, under /intern/anwohner/). The CMS
review report follows Wagtail's page permissions. No object permissions: whoever handles an inbox
handles every item in it."""
