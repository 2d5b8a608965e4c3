"""Every response carries a Content-Security-Policy: strict on the site (no inline script, inline
styles only with the request's nonce, no framing), relaxed only where the Wagtail admin needs it."""

import re

import pytest

from tests.conftest import login, make_user

pytestmark = pytest.mark.django_db


def policy(response):
    return dict(
        (part.split(" ", 1) + [""])[:2] for part in (p.strip() for p in response["Content-Security-Policy"].split(";"))
    )


def test_public_pages_have_a_strict_policy(client, site_pages):
    response = client.get("/de/")
    csp = policy(response)
    assert csp["script-src"] == "'self'"
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert csp["frame-ancestors"] == "'none'" and csp["object-src"] == "'none'"
    assert re.fullmatch(r"'self' 'nonce-[\w-]+'", csp["style-src"])
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]


def test_each_rendered_response_gets_its_own_nonce(client, site_pages, settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 0  # a cached page keeps its nonce (tests/portal/test_pagecache.py)
    first, second = policy(client.get("/de/"))["style-src"], policy(client.get("/de/"))["style-src"]
    assert first != second


def test_the_cms_gets_the_relaxed_policy_only_there(client, site_pages):
    from portal import roles

    login(client, make_user(roles.REDAKTION))
    response = client.get("/cms/")
    assert response.status_code == 200
    assert "'unsafe-inline'" in policy(response)["script-src"]
    assert policy(response)["frame-ancestors"] == "'none'"  # only previews may be framed, by the CMS
    assert "'unsafe-inline'" not in client.get("/de/")["Content-Security-Policy"]


def test_a_view_that_sets_its_own_policy_keeps_it(client, site_pages):
    # The CV download of an applicant is sandboxed (see tests/personal/test_personal.py); here the
    # 404 page, rendered by Django itself, still gets the site policy.
    response = client.get("/de/gibt-es-nicht/")
    assert response.status_code == 404 and "frame-ancestors 'none'" in response["Content-Security-Policy"]


def test_pdfs_are_not_bound_by_the_page_policy(client, site_pages):
    """A page policy on a PDF would also bind the browser's PDF viewer; Wagtail gives documents
    a policy of its own."""
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    document = Document.objects.create(title="Infoblatt", file=ContentFile(b"%PDF-1.4 x", "infoblatt.pdf"))
    response = client.get(document.url)
    assert response.status_code == 200
    assert "nonce-" not in response.get("Content-Security-Policy", "")
