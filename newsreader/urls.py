"""Site routes: the reader, entity pages, htmx editing endpoints, sign in/out, admin."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import path

from newsreader.news.views import articles, entities, mentions

urlpatterns = [
    path("", articles.article_list, name="article_list"),
    path("articles/<str:slug>/", articles.article_detail, name="article_detail"),
    path("entities/<int:pk>/", entities.entity_detail, name="entity_detail"),
    path("paragraphs/<int:pk>/mentions/", mentions.mention_add, name="mention_add"),
    path("mentions/<int:pk>/relabel/", mentions.mention_relabel, name="mention_relabel"),
    path("mentions/<int:pk>/remove/", mentions.mention_remove, name="mention_remove"),
    path("mentions/<int:pk>/link/", mentions.mention_link, name="mention_link"),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("admin/", admin.site.urls),
]
