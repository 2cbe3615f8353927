from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "newsreader.news"
    label = "news"
    verbose_name = "الأخبار"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from newsreader.news import reader_cache  # noqa: F401  (connects its signals)
