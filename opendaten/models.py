"""The open data has no models of its own: it publishes what the plan's monitor (beirat), the events
(veranstaltungen) and the offer finder (angebote) show on their public pages (docs/open-data.md)."""
