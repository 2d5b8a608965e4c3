"""The fixed lists filter forms offer (areas of life, languages, event categories), and readable labels
for codes kept in JSON fields, and the choices several apps share."""

from django.db import models
from django.db.models import Value
from django.utils.translation import gettext_lazy as _

from .pagecache import kept


class Stadtteil(models.TextChoices):
    """The districts of Plochingen, for flats and for Paten and households."""

    INNENSTADT = "innenstadt", _("Town centre (Innenstadt)")
    STUMPENHOF = "stumpenhof", _("Stumpenhof")
    LETTENAECKER = "lettenaecker", _("Lettenäcker")
    FILSTAL = "filstal", _("Fils valley (Filsweg, station)")


def kept_codes(key, **sources):
    """{name: [code, ...]} for each `name=(model, field)`: the field of every row, in the model's
    order (`position`), read with one query (UNION ALL) and kept until public content changes."""

    def build():
        queries = [
            model.objects.order_by().annotate(kind=Value(name)).values_list("kind", "position", field)
            for name, (model, field) in sources.items()
        ]
        rows = sorted(queries[0].union(*queries[1:], all=True))
        return {name: [code for kind, _position, code in rows if kind == name] for name in sources}

    return kept(key, build)


class ChoiceLabels:
    """Readable labels for the code lists kept in JSON fields: `self.labels("themen", Thema.choices)`."""

    def labels(self, field, choices):
        names = dict(choices)
        return [str(names.get(code, code)) for code in getattr(self, field)]
