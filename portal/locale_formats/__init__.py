"""Date and time formats where Django's own for a language do not follow CLDR or read badly in
Plochingen (FORMAT_MODULE_PATH; languages without a module here use Django's)."""
