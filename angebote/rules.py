"""Who may do what in the offers app. For now the views check roles with `portal.permissions.role_required`
(the Ehrenamtskoordination for the furniture donations under /ehrenamt/, the Integrationsmanagement for the
neighbours' concerns under /intern/) and Wagtail's page permissions in the CMS review report; object
permissions come here in a later step."""
