from django.urls import path

from search import views

urlpatterns = [
    path("", views.search_page, name="search"),
    path("suggesties/", views.autocomplete, name="search_autocomplete"),
]
