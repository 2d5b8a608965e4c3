from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """An account: signs in with its email address."""

    username = None
    email = models.EmailField(_("email address"), unique=True)
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=8,
        blank=True,
        help_text=_("The portal opens in this language after you sign in."),
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]

    def __str__(self):
        return self.get_full_name() or self.email


class PortalPage(Page):
    """Base of every page type: slugs stay German in every language."""

    override_translatable_fields = [SynchronizedField("slug")]
    teaser_field = "intro"

    class Meta:
        abstract = True

    @property
    def teaser(self):
        """A short text about the page for listings and search results."""
        text = self.search_description or strip_tags(str(getattr(self, self.teaser_field, "") or ""))
        return Truncator(text).words(40)
