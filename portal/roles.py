"""The portal's roles: Django groups created by a data migration."""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

REDAKTION = "Redaktion"
BEIRAT = "Beirat"
BEIRAT_VORSITZ = "Beirat-Vorsitz"
BEIRAT_SCHRIFTFUEHRUNG = "Beirat-Schriftführung"
VEREINSMITGLIED = "Vereinsmitglied"
VORSTAND = "Vorstand"
EHRENAMT = "Ehrenamt"
EHRENAMTSKOORDINATION = "Ehrenamtskoordination"
INTEGRATIONSMANAGEMENT = "Integrationsmanagement"
TEAMLEITUNG = "Teamleitung"
PERSONAL = "Personal"
VERWALTUNG = "Verwaltung"
DATENSCHUTZ = "Datenschutz"

ROLE_DESCRIPTIONS = {
    REDAKTION: _("Edits and translates the public pages in the CMS."),
    BEIRAT: _("Reads and works in the private area of the Beirat."),
    BEIRAT_VORSITZ: _("Chairs the Beirat: invites to meetings, approves minutes, publishes recommendations."),
    BEIRAT_SCHRIFTFUEHRUNG: _("Keeps the Beirat's minutes and documents and prepares its meetings."),
    VEREINSMITGLIED: _("Uses the members' area of the Verein."),
    VORSTAND: _("Handles membership applications, the register and fees."),
    EHRENAMT: _("Signs up for shifts and sees own assignments and Patenschaften."),
    EHRENAMTSKOORDINATION: _("Plans shifts, matches Patenschaften and sees all volunteers."),
    INTEGRATIONSMANAGEMENT: _("Works on assigned cases, the round table and housing."),
    TEAMLEITUNG: _("Leads the Integrationsmanagement: sees and assigns all cases."),
    PERSONAL: _("Administers training and applicants."),
    VERWALTUNG: _("Uses the training catalogue, own enrolments and certificates."),
    DATENSCHUTZ: _("Reads the audit log and answers access requests (Art. 15 GDPR)."),
}
ALL_ROLES = list(ROLE_DESCRIPTIONS)

# Vorsitz and Schriftführung are Beirat members with more to do, the Teamleitung a case worker
# who sees every case: each implies the base role. A user holds the group of the role given to them;
# the implied roles are worked out here, never stored as extra groups.
IMPLIED_ROLES = {BEIRAT_VORSITZ: [BEIRAT], BEIRAT_SCHRIFTFUEHRUNG: [BEIRAT], TEAMLEITUNG: [INTEGRATIONSMANAGEMENT]}
BEIRAT_ROLES = {BEIRAT, BEIRAT_VORSITZ, BEIRAT_SCHRIFTFUEHRUNG}

# What each role may do, declared once. `rules` turns every entry into a permission (portal/rules.py);
# views ask with `permission_required`, templates with `perms`. Object permissions (a case worker and
# *their* cases) are built on these in the app's rules.py. The names never start with Django's model
# permission verbs (add_, change_, delete_, view_).
ROLE_PERMISSIONS = {
    REDAKTION: {"portal.edit_site"},
    BEIRAT: {"beirat.use_member_area"},
    BEIRAT_VORSITZ: {"beirat.chair_beirat", "beirat.prepare_meetings"},
    BEIRAT_SCHRIFTFUEHRUNG: {"beirat.keep_minutes", "beirat.prepare_meetings"},
    VEREINSMITGLIED: {"verein.use_member_area"},
    VORSTAND: {"verein.use_member_area", "verein.manage_members"},
    EHRENAMT: {"ehrenamt.volunteer", "patenschaften.volunteer"},
    EHRENAMTSKOORDINATION: {
        "ehrenamt.volunteer",
        "ehrenamt.coordinate_volunteers",
        "patenschaften.volunteer",
        "patenschaften.coordinate_patenschaften",
        "patenschaften.manage_households_koordination",
        "angebote.handle_furniture_donations",
    },
    INTEGRATIONSMANAGEMENT: {
        "portal.use_intern_area",
        "faelle.work_on_cases",
        "wohnraum.match_housing",
        "patenschaften.manage_households_intern",
        "angebote.handle_neighbours_concerns",
    },
    TEAMLEITUNG: {"portal.use_intern_area", "faelle.see_all_cases", "patenschaften.see_all_households"},
    PERSONAL: {
        "portal.use_intern_area",
        "fortbildung.take_training",
        "fortbildung.manage_training",
        "personal.handle_applications",
    },
    VERWALTUNG: {"portal.use_intern_area", "fortbildung.take_training"},
    DATENSCHUTZ: {"portal.use_intern_area", "audit.read_audit_log", "faelle.answer_data_requests"},
}

# Staff roles that work in /{lang}/intern/.
INTERN_ROLES = {role for role, permissions in ROLE_PERMISSIONS.items() if "portal.use_intern_area" in permissions}

# These roles see client or personnel data or edit the public site: MFA is enforced.
MFA_REQUIRED_ROLES = {INTEGRATIONSMANAGEMENT, TEAMLEITUNG, PERSONAL, DATENSCHUTZ, REDAKTION}


def with_implied(names):
    """The roles given plus every role they imply."""
    names = set(names)
    return frozenset(names | {implied for name in names for implied in IMPLIED_ROLES.get(name, [])})


def roles_with_permission(permission):
    """The roles that hold `permission`, directly or through a role that implies it."""
    return {role for role in ALL_ROLES if any(permission in ROLE_PERMISSIONS[r] for r in with_implied([role]))}


def groups_implying(role):
    """Names of the groups whose members hold `role`: the role's own and those of the roles implying it."""
    return [name for name in ALL_ROLES if role in with_implied([name])]


def users_with_role(role):
    """Active users holding `role`, directly or implied (for mails and pickers)."""
    return get_user_model().objects.filter(groups__name__in=groups_implying(role), is_active=True).distinct()


def role_names(user):
    """Names of the user's roles, implied ones included, cached on the user object for the request."""
    if not user.is_authenticated:
        return frozenset()
    if not hasattr(user, "_portal_role_names"):
        user._portal_role_names = with_implied(user.groups.values_list("name", flat=True))
    return user._portal_role_names


def has_role(user, *roles):
    return bool(role_names(user) & set(roles))


def requires_mfa(user):
    return user.is_authenticated and (user.is_superuser or has_role(user, *MFA_REQUIRED_ROLES))
