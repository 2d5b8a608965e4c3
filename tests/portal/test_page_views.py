import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory

from portal.page_views import PageViews


def test_a_route_hands_the_request_and_its_arguments_to_the_registered_view():
    page_views = PageViews("demo")

    @page_views.register
    def detail(request, page, token):
        return (request.path, page, token)

    request = RequestFactory().get("/de/seite/")
    assert page_views.serve("detail", request, "the page", token="abc") == ("/de/seite/", "the page", "abc")


def test_a_route_whose_view_is_not_registered_says_which_one_is_missing():
    with pytest.raises(ImproperlyConfigured, match="'register' registered for the pages of demo"):
        PageViews("demo").serve("register", RequestFactory().get("/"))
