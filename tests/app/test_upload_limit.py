"""Egna data says the upload cap in words, not only with the uploader's red mark (issue 15, D10)."""

from kompass_data.tables import MAX_TABLE_ROWS
from kompass_ui.upload import MAX_MB

from .conftest import open_page, unexpected_errors

UPLOAD = "pages/7_egna_data.py"


def test_the_upload_limit_is_said_in_text():
    at = open_page(UPLOAD)
    assert not unexpected_errors(at)
    captions = [c.value for c in at.caption]
    assert any(f"{MAX_MB} MB" in c and str(MAX_TABLE_ROWS) in c and "rött" in c for c in captions), captions
