"""The Redaktion's view of the translation states in the CMS: a page listing with a column and a
filter, and a column for the listings of translated snippets (the panel on edit views: portal/panels.py)."""

import django_filters
from django import forms
from django.utils.functional import cached_property
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.pages.listing import IndexView
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.models import Page
from wagtail.snippets.views.snippets import IndexView as SnippetIndexView
from wagtail.snippets.views.snippets import SnippetViewSet

from . import translation_states
from .translation import default_locale_id
from .translation_states import Stand


def _language_choices():
    return [(code, get_language_info(code)["name_translated"]) for code in translation_states.target_languages()]


class TranslationStateFilterSet(WagtailFilterSet):
    """Pages by their state in one language (in every language if none is chosen)."""

    sprache = django_filters.ChoiceFilter(
        label=_("Language"), choices=_language_choices, method="by_language", empty_label=_("All languages")
    )
    stand = django_filters.ChoiceFilter(
        label=_("Translation state"), choices=Stand.choices, method="by_state", widget=forms.RadioSelect
    )

    class Meta:
        model = Page
        fields = []

    def by_language(self, queryset, name, value):
        return queryset  # read by `by_state`

    def by_state(self, queryset, name, value):
        language = self.form.cleaned_data.get("sprache")
        languages = [language] if language else None
        if issubclass(queryset.model, Page):
            originals = translation_states.german_pages()
        else:
            originals = translation_states.german_snippets(queryset.model)
        found = translation_states.states(list(originals), languages)
        keys = {key for (key, _language), stand in found.items() if stand == value}
        return queryset.filter(translation_key__in=keys, locale_id=default_locale_id())


def state_filter_for(model, fields=()):
    """The filters of a snippet listing (`fields`, as in `list_filter`) and its translation state."""
    meta = type("Meta", (), {"model": model, "fields": list(fields)})
    return type(f"{model.__name__}TranslationFilterSet", (TranslationStateFilterSet,), {"Meta": meta})


class TranslationStatesColumn(Column):
    """Each language's state, linked to where an editor continues."""

    cell_template_name = "portal/admin/translation_states_cell.html"

    def get_value(self, instance):
        return getattr(instance, "translation_states", [])


def attach_states(objects):
    """Give each German page or snippet in a listing page its `translation_states` for the column."""
    german = [obj for obj in objects if obj.locale_id == default_locale_id()]
    found = translation_states.zustaende(german)
    for obj in german:
        obj.translation_states = found.get(obj.translation_key, [])


class TranslationIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().filter(pk__in=translation_states.german_pages().values("pk"))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        attach_states(context["object_list"])
        return context


class TranslatedSnippetIndexView(SnippetIndexView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        attach_states(context["object_list"])
        return context


def states_column():
    return TranslationStatesColumn("translation_states", label=_("Translations"))


class TranslatedSnippetViewSet(SnippetViewSet):
    """Listings of translated snippets: add `states_column()` to `list_display`."""

    index_view_class = TranslatedSnippetIndexView


class TranslationPagesViewSet(PageListingViewSet):
    """All German pages with the state of their translations; editors filter by state and language."""

    model = Page
    name = "portal_translation_pages"
    url_prefix = "uebersetzungen/seiten"
    icon = "globe"
    menu_label = _("Translations of pages")
    add_to_admin_menu = False
    index_view_class = TranslationIndexView
    filterset_class = TranslationStateFilterSet

    @cached_property
    def columns(self):
        base = [column for column in IndexView.base_columns if column.name not in ("parent",)]
        return [*base, states_column()]
