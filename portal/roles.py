"""The portal's roles: Django groups created by a data migration."""

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
# who sees every case: each implies the base role.
BEIRAT_ROLES = {BEIRAT, BEIRAT_VORSITZ, BEIRAT_SCHRIFTFUEHRUNG}
IMPLIED_ROLES = {BEIRAT_VORSITZ: [BEIRAT], BEIRAT_SCHRIFTFUEHRUNG: [BEIRAT], TEAMLEITUNG: [INTEGRATIONSMANAGEMENT]}

# Staff roles that work in /{lang}/intern/.
INTERN_ROLES = {INTEGRATIONSMANAGEMENT, TEAMLEITUNG, PERSONAL, VERWALTUNG, DATENSCHUTZ}

# These roles see client or personnel data or edit the public site: MFA is enforced.
MFA_REQUIRED_ROLES = {INTEGRATIONSMANAGEMENT, TEAMLEITUNG, PERSONAL, DATENSCHUTZ, REDAKTION}


def role_names(user):
    """Names of the user's roles, cached on the user object for the request."""
    if not user.is_authenticated:
        return frozenset()
    if not hasattr(user, "_portal_role_names"):
        user._portal_role_names = frozenset(user.groups.values_list("name", flat=True))
    return user._portal_role_names


def has_role(user, *roles):
    return bool(role_names(user) & set(roles))


def requires_mfa(user):
    return user.is_authenticated and (user.is_superuser or has_role(user, *MFA_REQUIRED_ROLES))
