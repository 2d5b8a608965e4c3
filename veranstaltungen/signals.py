from django.core.cache import cache
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

from .views import FEED_VERSION_KEY


def invalidate_feeds():
    """Every calendar is rebuilt on its next request (old cache entries simply expire)."""
    try:
        cache.incr(FEED_VERSION_KEY)
    except ValueError:
        cache.set(FEED_VERSION_KEY, 2, None)


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def page_changed(sender, **kwargs):
    invalidate_feeds()
