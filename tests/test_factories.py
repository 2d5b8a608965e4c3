"""Every factory of tests/factories.py builds a record that passes the model's validation and saves."""

import inspect

import factory
import pytest
import wagtail_factories
from wagtail.models import Page

from tests import factories

FACTORIES = sorted(
    (
        cls
        for cls in vars(factories).values()
        if inspect.isclass(cls)
        and issubclass(cls, factory.django.DjangoModelFactory)
        and cls.__module__ == factories.__name__
    ),
    key=lambda cls: cls.__name__,
)


def test_factories_are_found():
    assert len(FACTORIES) > 50


@pytest.mark.parametrize("factory_class", FACTORIES, ids=lambda cls: cls.__name__)
def test_factory_builds_a_valid_saved_record(factory_class, locales):
    if issubclass(factory_class, wagtail_factories.PageFactory):
        instance = factory_class(parent=Page.get_first_root_node())
    else:
        instance = factory_class()
    instance.full_clean()
    model = factory_class._meta.model
    assert model.objects.filter(pk=instance.pk).exists()
