from django import template

from portal import structured_data as structured_data_module

register = template.Library()


@register.simple_tag(takes_context=True)
def structured_data(context):
    """The page's schema.org JSON-LD (see portal/structured_data.py), or nothing."""
    request = context.get("request")
    if request is None:
        return ""
    return structured_data_module.for_page(request, context.get("page"))
