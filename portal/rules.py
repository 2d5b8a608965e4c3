"""Permissions of the roles, registered with `rules` from the table in portal/roles.py.

Apps build object permissions in their own rules.py from `has_role` and their predicates."""

import rules

from . import roles


def has_role(*names):
    """Predicate: the user holds one of the roles (implied ones included)."""

    @rules.predicate(name=f"has_role({', '.join(names)})")
    def predicate(user):
        return bool(roles.role_names(user) & set(names))

    return predicate


def role_permission(permission):
    """The predicate behind a permission of the role table: one of the roles that hold it."""
    return has_role(*sorted(roles.roles_with_permission(permission)))


for permission in sorted(set().union(*roles.ROLE_PERMISSIONS.values())):
    rules.add_perm(permission, role_permission(permission))
