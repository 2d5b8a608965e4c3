from django.urls import reverse
from wagtail import hooks

from portal.roles import INTEGRATIONSMANAGEMENT, TEAMLEITUNG, has_role


@hooks.register("portal_start_url", order=10)
def case_workers_start_on_their_tasks(user):
    if has_role(user, INTEGRATIONSMANAGEMENT, TEAMLEITUNG):
        return reverse("faelle:aufgaben")
