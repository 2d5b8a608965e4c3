"""Links to the rows of a list (portal/links.py): the same URL as reverse() gives, in every language."""

import pytest
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from portal.links import reverse_each


@pytest.mark.parametrize("language", ["de", "ar"])
@pytest.mark.parametrize("viewname", ["ehrenamt:schicht", "ehrenamt:anmelden", "faelle:fall"])
def test_each_row_gets_the_url_reverse_gives(language, viewname):
    with translation.override(language):
        url = reverse_each(viewname)
        for pk in (1, 7, 42, 987654321, 1234567890):
            assert url(pk) == reverse(viewname, args=[pk])


def test_only_patterns_with_one_integer_argument():
    with pytest.raises(NoReverseMatch):
        reverse_each("ehrenamt:schichten")
