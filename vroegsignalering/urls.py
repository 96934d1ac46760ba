from django.urls import path

from vroegsignalering import api
from vroegsignalering.views import intake, monitor, wachtrij

app_name = "vroegsignalering"

urlpatterns = [
    path("", wachtrij.start, name="start"),
    path("team/<int:team_pk>/", wachtrij.wachtrij, name="wachtrij"),
    path("zaken/<int:pk>/", wachtrij.zaak, name="zaak"),
    path("zaken/<int:pk>/contactpoging/", wachtrij.contactpoging, name="contactpoging"),
    path("zaken/<int:pk>/eindresultaat/", wachtrij.eindresultaat, name="eindresultaat"),
    path("zaken/<int:pk>/huishouden/", wachtrij.huishouden, name="huishouden"),
    path("zaken/<int:pk>/oppakken/", wachtrij.oppakken, name="oppakken"),
    path("aanleveren/", intake.aanleveren, name="aanleveren"),
    path("aanleveringen/<int:pk>/", intake.aanlevering, name="aanlevering"),
    path("aanleveringen/<int:pk>/importeren/", intake.importeren, name="importeren"),
    path("monitor/", monitor.monitor, name="monitor"),
    path("monitor/export/", monitor.monitor_csv, name="monitor_csv"),
    path("partners/<int:partner_pk>/terugmelding/", monitor.terugmelding, name="terugmelding"),
    path("api/signalen/", api.signalen, name="api_signalen"),
]
