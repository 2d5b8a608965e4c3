"""The views behind a page type's routes.

Page models sit below views: models never import views. A page's route method hands the request to
a view by name (`page_views.serve("register", request, self)`); the app's views module registers
that view (`@page_views.register`) and the app's `AppConfig.ready` imports the views module, so
every view is registered before the first request.
"""

from django.core.exceptions import ImproperlyConfigured


class PageViews:
    def __init__(self, app_label):
        self.app_label = app_label
        self._views = {}

    def register(self, view):
        """Decorator: the view, known by its function name."""
        self._views[view.__name__] = view
        return view

    def serve(self, name, request, *args, **kwargs):
        try:
            view = self._views[name]
        except KeyError:
            raise ImproperlyConfigured(
                f"No view {name!r} registered for the pages of {self.app_label}: "
                "does the app's AppConfig.ready import its views?"
            ) from None
        return view(request, *args, **kwargs)
