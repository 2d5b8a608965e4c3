"""Writes the portal's icons (portal/static/portal/icons/) from one drawing: a white "P" on the
header's blue, underlined in the focus yellow (the colours of portal.css), readable at 16 px.

Run after changing the drawing; the files are kept in the repository and served by
`portal.views.root_icon` (/favicon.ico, /apple-touch-icon.png) and as static files."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from PIL import Image, ImageDraw

BACKGROUND = "#003a66"  # --color-primary-dark, the header
LETTER = "#ffffff"
UNDERLINE = "#ffbf47"  # --color-focus, the current language's underline
FOLDER = Path(settings.BASE_DIR) / "portal" / "static" / "portal" / "icons"
SCALE = 32  # drawn at 32 x 32 units, 32 pixels a unit, then scaled down

# The same drawing as SVG (a 32 x 32 grid): the P is a stem with a bowl (a half circle of radius 7)
# and a hole (a half circle of radius 2.5).
SVG = f"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">
<rect width="32" height="32" rx="6" fill="{BACKGROUND}"/>
<path fill="{LETTER}" fill-rule="evenodd" d="M9 6h8a7 7 0 0 1 0 14h-3v6H9zM14 10.5v5h3a2.5 2.5 0 0 0 0-5z"/>
<rect x="17" y="22" width="7" height="4" fill="{UNDERLINE}"/>
</svg>
"""


def drawing(rounded=True):
    """The icon at 1024 x 1024 pixels; without rounded corners where the system rounds them (iOS)."""
    size = 32 * SCALE
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)

    def box(left, top, right, bottom):
        return [round(value * SCALE) for value in (left, top, right, bottom)]

    if rounded:
        draw.rounded_rectangle(box(0, 0, 32, 32), radius=6 * SCALE, fill=BACKGROUND)
    else:
        draw.rectangle(box(0, 0, 32, 32), fill=BACKGROUND)
    draw.rectangle(box(9, 6, 17, 20), fill=LETTER)
    draw.ellipse(box(10, 6, 24, 20), fill=LETTER)
    draw.rectangle(box(9, 6, 14, 26), fill=LETTER)
    draw.rectangle(box(14, 10.5, 17, 15.5), fill=BACKGROUND)
    draw.ellipse(box(14.5, 10.5, 19.5, 15.5), fill=BACKGROUND)
    draw.rectangle(box(17, 22, 24, 26), fill=UNDERLINE)
    return image


class Command(BaseCommand):
    help = "Writes favicon.svg, favicon.ico (16, 32, 48 px) and apple-touch-icon.png (180 px)."

    def handle(self, *args, **options):
        FOLDER.mkdir(parents=True, exist_ok=True)
        (FOLDER / "favicon.svg").write_text(SVG)
        large = drawing()
        sizes = [(16, 16), (32, 32), (48, 48)]
        # Each size scaled down from the large drawing (Pillow's ICO writer makes one per size).
        large.resize((256, 256), Image.Resampling.LANCZOS).save(FOLDER / "favicon.ico", sizes=sizes)
        touch = drawing(rounded=False).convert("RGB").resize((180, 180), Image.Resampling.LANCZOS)
        touch.save(FOLDER / "apple-touch-icon.png", optimize=True)
        self.stdout.write(f"Icons written to {FOLDER}")
