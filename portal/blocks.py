"""StreamField blocks shared by every area's pages."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=200)

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "portal/blocks/heading.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quotation"))
    source = blocks.CharBlock(label=_("Source"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Quotation")
        template = "portal/blocks/quote.html"


class ContactBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Name or office"), max_length=200)
    role = blocks.CharBlock(label=_("Role"), required=False, max_length=200)
    email = blocks.EmailBlock(label=_("Email"), required=False)
    phone = blocks.CharBlock(label=_("Phone"), required=False, max_length=50)
    address = blocks.TextBlock(label=_("Address"), required=False)
    hours = blocks.TextBlock(label=_("Opening hours"), required=False)

    class Meta:
        icon = "user"
        label = _("Contact")
        template = "portal/blocks/contact.html"


class LinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("External address"), required=False)
    description = blocks.CharBlock(label=_("Short description"), required=False, max_length=300)

    class Meta:
        icon = "link"
        label = _("Link")

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise blocks.StructBlockValidationError(
                block_errors={"page": blocks.BlockValidationError(_("Choose a page or enter an address."))}
            )
        return value


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Text"), features=["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]
    )
    quote = QuoteBlock()
    contact = ContactBlock()

    class Meta:
        template = "portal/blocks/body.html"
