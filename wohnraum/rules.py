"""Who may do what in the housing area: the housing team (`wohnraum.match_housing`, a permission of the
role table in portal/roles.py) works on offers and placements. Households and placements are looked up
among the cases the user may open (`faelle.open_case`, intern/faelle/rules.py) by the selectors."""
