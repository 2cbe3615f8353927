"""Site routes: the reader, entity pages, htmx editing endpoints, sign in/out, admin."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.templatetags.static import static
from django.urls import path
from django.views.generic import RedirectView

from newsreader.news.views import agenda, articles, entities, mentions, timeline, upcoming

urlpatterns = [
    path("", articles.article_list, name="article_list"),
    path("articles/<str:slug>/", articles.article_detail, name="article_detail"),
    path("entities/<int:pk>/", entities.entity_detail, name="entity_detail"),
    path("paragraphs/<int:pk>/mentions/", mentions.mention_add, name="mention_add"),
    path("mentions/<int:pk>/relabel/", mentions.mention_relabel, name="mention_relabel"),
    path("mentions/<int:pk>/remove/", mentions.mention_remove, name="mention_remove"),
    path("mentions/<int:pk>/link/", mentions.mention_link, name="mention_link"),
    path("mentions/<int:pk>/adjust/", mentions.mention_adjust, name="mention_adjust"),
    path("mentions/<int:pk>/history/", mentions.mention_history, name="mention_history"),
    path("edits/revert/", mentions.edits_revert, name="edits_revert"),
    path("articles/<int:pk>/agenda/", agenda.agenda_add, name="agenda_add"),
    path("agenda/<int:pk>/edit/", agenda.agenda_edit, name="agenda_edit"),
    path("agenda/<int:pk>/remove/", agenda.agenda_remove, name="agenda_remove"),
    path("agenda/<int:pk>/move/", agenda.agenda_move, name="agenda_move"),
    path("articles/<int:pk>/timeline/", timeline.timeline_add, name="timeline_add"),
    path("timeline/<int:pk>/edit/", timeline.timeline_edit, name="timeline_edit"),
    path("timeline/<int:pk>/remove/", timeline.timeline_remove, name="timeline_remove"),
    path("upcoming/", upcoming.upcoming, name="upcoming"),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("admin/", admin.site.urls),
    # pages name their icon; this answers clients that ask the root for it
    path("favicon.ico", RedirectView.as_view(url=static("favicon.png"), permanent=True)),
]

handler400 = "newsreader.news.views.errors.bad_request"
handler403 = "newsreader.news.views.errors.permission_denied"
handler404 = "newsreader.news.views.errors.page_not_found"
handler500 = "newsreader.news.views.errors.server_error"
