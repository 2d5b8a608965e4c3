"""Wagtail admin hooks of the housing area: none yet. The Wohnraum page is edited as a page in the CMS;
landlords' offers hold personal data and stay in the staff area (/{lang}/intern/wohnraum/), not in the CMS."""
