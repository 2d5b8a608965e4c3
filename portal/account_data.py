"""What an account holder gets when they download their own data (Art. 15/20 GDPR).

Other apps add their sections with the `portal_account_data` Wagtail hook: a function
taking the user and returning a dict of {section title: JSON-serialisable data}.
"""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from wagtail import hooks


def collect_account_data(user):
    data = {
        "account": {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "preferred_language": user.preferred_language,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "roles": sorted(user.groups.values_list("name", flat=True)),
        },
        "email_addresses": [
            {"email": a.email, "verified": a.verified, "primary": a.primary}
            for a in EmailAddress.objects.filter(user=user)
        ],
        "two_factor_authentication": [
            {
                "type": a.type,
                "created_at": a.created_at.isoformat(),
                "last_used_at": a.last_used_at.isoformat() if a.last_used_at else None,
            }
            for a in Authenticator.objects.filter(user=user)
        ],
    }
    for fn in hooks.get_hooks("portal_account_data"):
        data.update(fn(user))
    return data
