"""Who may open which case. Case workers (`faelle.work_on_cases`) open the cases they are assigned to,
the Teamleitung (`faelle.see_all_cases`) every case. Anonymised cases are closed for good: nobody opens
them any more. The register's queries for the same rule are in selectors.py (`faelle_fuer`)."""

import rules

from portal.rules import role_permission

is_case_worker = role_permission("faelle.work_on_cases")
is_teamleitung = role_permission("faelle.see_all_cases")


@rules.predicate
def is_assigned(user, fall):
    return fall is not None and user.is_authenticated and fall.bearbeitende.filter(pk=user.pk).exists()


@rules.predicate
def is_not_anonymised(user, fall):
    return fall is not None and fall.anonymisiert_am is None


rules.add_perm("faelle.open_case", is_not_anonymised & (is_teamleitung | (is_case_worker & is_assigned)))
