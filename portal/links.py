"""Links to the rows of a list: one URL pattern, many objects."""

from django.urls import reverse

PLACEHOLDER = 987654321


def reverse_each(viewname):
    """`pk -> reverse(viewname, args=[pk])` for the rows of a list, for a URL pattern whose one
    argument is an `int`: the pattern is reversed once and each pk put in the placeholder's place,
    instead of resolving it again for every row (~35 µs each, 50 rows on a page)."""
    before, placeholder, after = reverse(viewname, args=[PLACEHOLDER]).partition(str(PLACEHOLDER))
    if not placeholder:
        raise ValueError(f"{viewname} does not take one integer argument")
    return lambda pk: f"{before}{int(pk)}{after}"
