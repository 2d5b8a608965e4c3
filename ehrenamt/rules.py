"""Who may do what in volunteering. For now the views check roles with `portal.permissions.role_required`
(Ehrenamt and Ehrenamtskoordination for the volunteers' own area, the coordination for planning and
reviewing volunteers); object permissions come here in a later step."""

from portal import roles

# Who counts as a volunteer: the volunteers' area and the personal calendar feed are theirs.
VOLUNTEER_ROLES = (roles.EHRENAMT, roles.EHRENAMTSKOORDINATION)
