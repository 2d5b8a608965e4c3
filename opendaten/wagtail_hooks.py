"""The open data registers no CMS menus or hooks: its datasets follow the public pages and are kept
until public content changes (portal.pagecache.kept)."""
