"""What every PDF of the portal must be: tagged (PDF/UA-1), in its language, with a title."""

import io

from pypdf import PdfReader


def tagged_pdf_text(content, language):
    """The text of a PDF, after checking that it has a structure tree, the document language
    `language`, a title shown as the window title, and bookmarks for its headings."""
    reader = PdfReader(io.BytesIO(content))
    catalog = reader.trailer["/Root"]
    assert "/StructTreeRoot" in catalog, "the PDF is not tagged"
    assert catalog["/MarkInfo"]["/Marked"], "the PDF is not marked as tagged"
    assert catalog["/Lang"] == language
    assert reader.metadata.title, "the PDF has no title"
    assert catalog["/ViewerPreferences"]["/DisplayDocTitle"], "readers show the file name, not the title"
    assert reader.outline, "the PDF has no bookmarks for its headings"
    return " ".join(page.extract_text() for page in reader.pages)
