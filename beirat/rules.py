"""The Beirat's permissions are role permissions from the table in portal/roles.py: the private area
(`beirat.use_member_area`), preparing meetings (`beirat.prepare_meetings`), the chair's approvals and
publishing (`beirat.chair_beirat`) and the minutes (`beirat.keep_minutes`). Members act only on their own
answers and details, which the views look up by the signed-in user: no object permissions are needed."""
