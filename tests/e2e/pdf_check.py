"""What a printed PDF must be (issue 14): A4 on every page, the document's title and "Pagina N van M" in the footer."""
import os
import time

import pypdf


def assert_printed_on_a4(path, first_footer):
    with open(path, "rb") as f:
        assert f.read(4) == b"%PDF", "not a PDF"
    reader = pypdf.PdfReader(path)
    assert reader.pages, "a PDF without pages"
    for number, page in enumerate(reader.pages, start=1):
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        # A4 is 595 × 842 points (210 × 297 mm); US Letter, what Chromium prints otherwise, is 612 × 792.
        assert abs(width - 595) < 2 and abs(height - 842) < 2, f"page {number} is {width:.0f} × {height:.0f} pt, not A4"
        text = page.extract_text()
        assert f"Pagina {number} van {len(reader.pages)}" in text, f"page {number} has no page number: {text[:200]!r}"
    assert first_footer in reader.pages[0].extract_text()


def downloaded_pdf(downloads, before, prefix):
    """The path of the PDF starting with `prefix` that appeared in `downloads` since `before` (a set of names);
    Chromium prints in the background, so this waits up to a minute."""
    for _ in range(120):
        pdfs = [f for f in set(os.listdir(downloads)) - before if f.startswith(prefix) and f.endswith(".pdf")]
        if pdfs:
            return os.path.join(downloads, pdfs[0])
        time.sleep(0.5)
    raise AssertionError(f"no {prefix}….pdf was downloaded")
