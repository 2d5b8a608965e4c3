# Django's Arabic formats have no DATETIME_FORMAT: the English default "N j, Y, P" showed.
# The 24-hour clock, as on every notice in Germany; "7:00 م–8:30 م" also breaks inside a
# left-to-right isolated range.
DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y، H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "j/n/Y"
SHORT_DATETIME_FORMAT = "j/n/Y، H:i"
FIRST_DAY_OF_WEEK = 1
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
