"""Who may do what in volunteering. The permissions come from the role table (portal/roles.py):
`ehrenamt.volunteer` (Ehrenamt and Ehrenamtskoordination) for the volunteers' own area and the personal
calendar feed, `ehrenamt.coordinate_volunteers` (the coordination) for planning shifts and reviewing
volunteers. A volunteer's own shifts and certificates are looked up by `request.user` in the views, so
no object permission is needed here."""
