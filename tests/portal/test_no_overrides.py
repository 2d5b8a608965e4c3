"""Nothing in Wagtail or Django is replaced at start-up: where the portal needs other behaviour, it
overrides methods on its own classes (PortalPage.route, HomePage.route, PortalPage.get_view_restrictions,
PortalPageQuerySet.private_q) or uses a documented hook, and writes none of Wagtail's private attributes."""

import importlib
import inspect
import pkgutil
import re
import sys
import types
from pathlib import Path

import pytest
import wagtail.models.sites
import wagtail.views
from django.urls import get_resolver
from wagtail import hooks
from wagtail.models import Locale, Page, Site
from wagtail.query import PageQuerySet

ROOT = Path(__file__).resolve().parents[2]
PROJECT = ("portal", "home", "angebote", "veranstaltungen", "ehrenamt", "beirat", "intern")
# Not imported here: settings for other environments need their environment, wsgi starts an app.
NOT_IMPORTED = ("portal.settings", "portal.wsgi")
# Not replacements: module-level loop variables Wagtail leaves pointing at the last hook it called.
LOOP_VARIABLES = {"wagtail.admin.urls.fn"}


def _import_the_whole_project():
    for package in PROJECT:
        module = importlib.import_module(package)
        for info in pkgutil.walk_packages(module.__path__, f"{package}."):
            if ".migrations" in info.name or info.name.startswith(NOT_IMPORTED):
                continue
            importlib.import_module(info.name)
    hooks.search_for_hooks()
    get_resolver().url_patterns  # noqa: B018 - loads every URLconf and view module


def _functions(value):
    """The functions behind an attribute: a function, a static or class method, a property.
    (`type()`, not `isinstance()`: that would set up lazy objects such as the admin site.)"""
    if issubclass(type(value), (staticmethod, classmethod)):
        value = value.__func__
    if issubclass(type(value), property):
        return [f for f in (value.fget, value.fset, value.fdel) if f is not None]
    return [value] if issubclass(type(value), types.FunctionType) else []


def _from_project(function):
    return (getattr(function, "__module__", None) or "").split(".")[0] in PROJECT


def _replacements():
    found = []
    for name, module in list(sys.modules.items()):
        if module is None or name.split(".")[0] not in ("wagtail", "django"):
            continue
        for attribute, value in list(vars(module).items()):
            found += [f"{name}.{attribute}" for f in _functions(value) if _from_project(f)]
            if issubclass(type(value), type) and value.__module__ == name:
                for member, inner in list(vars(value).items()):
                    found += [f"{name}.{attribute}.{member}" for f in _functions(inner) if _from_project(f)]
    return found


def test_no_function_of_wagtail_or_django_comes_from_the_project():
    _import_the_whole_project()
    assert [found for found in _replacements() if found not in LOOP_VARIABLES] == []


@pytest.mark.parametrize(
    ("owner", "name", "module", "qualname"),
    [
        (PageQuerySet, "private_q", "wagtail.query", "PageQuerySet.private_q"),
        (PageQuerySet, "public", "wagtail.query", "PageQuerySet.public"),
        (Site, "find_for_request", "wagtail.models.sites", "Site.find_for_request"),
        (wagtail.models.sites, "get_site_for_hostname", "wagtail.models.sites", "get_site_for_hostname"),
        (type(Locale.objects), "get_for_language", "wagtail.models.i18n", "LocaleManager.get_for_language"),
        (Page, "get_view_restrictions", "wagtail.models.pages", "Page.get_view_restrictions"),
        (Page, "route", "wagtail.models.pages", "Page.route"),
        (Page, "route_for_request", "wagtail.models.pages", "Page.route_for_request"),
        (Page, "find_for_request", "wagtail.models.pages", "Page.find_for_request"),
        (wagtail.views, "serve", "wagtail.views", "serve"),
    ],
)
def test_what_the_portal_once_replaced_is_wagtails_own(owner, name, module, qualname):
    _import_the_whole_project()
    (function,) = _functions(inspect.getattr_static(owner, name))
    assert (function.__module__, function.__qualname__) == (module, qualname)


def test_no_private_attribute_of_wagtail_is_written():
    writes = re.compile(r"\._wagtail_\w+\s*=[^=]|setattr\([^)]*['\"]_wagtail_")
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for package in PROJECT
        for path in (ROOT / package).rglob("*.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if writes.search(line)
    ]
    assert offenders == []
