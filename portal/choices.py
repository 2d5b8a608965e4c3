"""The fixed lists filter forms offer (areas of life, languages, event categories)."""

from django.db.models import Value

from .pagecache import kept


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
