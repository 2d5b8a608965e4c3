"""Who may do what with Patenschaften. The permissions come from the role table (portal/roles.py):
`patenschaften.volunteer` (Ehrenamt and Ehrenamtskoordination) for applying as a Pate and one's own
Patenschaften, `patenschaften.coordinate_patenschaften` for applications, matching and check-ins, and
one permission per area for the households seeking a Pate: `manage_households_intern` (the
Integrationsmanagement under /intern/) and `manage_households_koordination` (the coordination under
/ehrenamt/koordination/). A Pate's own Patenschaften are looked up by `request.user`, so no object
permission is needed there.

`patenschaften.open_household` says which household one may open and change: the coordination every
household (it matches them with Paten), in the Integrationsmanagement the case worker who registered
it and the Teamleitung (`patenschaften.see_all_households`, e.g. when that case worker has left).
Other case workers do not see it; their list shows only their own (selectors.py, `suchende`)."""

import rules

from portal.rules import role_permission

is_coordination = role_permission("patenschaften.manage_households_koordination")
is_case_worker = role_permission("patenschaften.manage_households_intern")
sees_all_households = role_permission("patenschaften.see_all_households")


@rules.predicate
def registered_it(user, suche):
    return suche is not None and user.is_authenticated and suche.erfasst_von_id == user.pk


rules.add_perm(
    "patenschaften.open_household", is_coordination | (is_case_worker & (sees_all_households | registered_it))
)
