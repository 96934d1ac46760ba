"""The base layer: what every app needs, and nothing about households or plans.

Layer: sociaaldomein (bottom). Imports no app of the project.

Holds the settings and the root URLconf (which includes the apps' URLs by name), users,
teams and roles with the role rules every app builds on (`User.is_caseworker`,
`User.works_in(team)`, `User.leads(team)`), the access log and its writer
(`accesslog.py`, NEN 7513), notifications (`Notificatie.notify_leads`), middleware, the
Dutch error pages, PDF rendering, the local database manager, and the shared helpers:
money and values in Dutch (`formatting.py`), forms (`forms.py`: styled fields,
`apply_errors`, `conflict_rows`), htmx-aware answers (`htmx.py`), and the extension
points through which a higher app shows its part on a lower app's page or in the
navigation (`extensions.py`).
"""
