from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "newsreader.news"
    label = "news"
    verbose_name = "الأخبار"
    default_auto_field = "django.db.models.BigAutoField"
