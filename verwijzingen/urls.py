app_name = "verwijzingen"
urlpatterns = []
