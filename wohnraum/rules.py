"""Who may do what in the housing area. For now the views check with `fall_view` (case workers,
intern/faelle/permissions.py) and look cases up through `intern.faelle.selectors.fall_fuer`;
the per-object rules come here in a later step."""
