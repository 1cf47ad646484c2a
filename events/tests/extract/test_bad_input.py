"""Bad input to the extractor: a clear warning or an empty result, never a crash or a hang."""

import datetime
import time

from events.ingest.extract import extract_report
from events.ingest.extract.clean import MAX_CHARS

PUBLISHED = datetime.date(2031, 5, 12)
GOOD = "Kenya's William Ruto will attend the G20 summit in Rio de Janeiro on May 20."


def _read(text):
    return extract_report(text, published=PUBLISHED).to_dict()


def test_empty_and_blank_texts_give_an_empty_result_with_a_warning():
    for text in ("", "   \n\t ", None):
        result = _read(text)
        assert (result["events"], result["claims"], result["warning"]) == ([], [], "empty text")


def test_binary_junk_is_not_read():
    junk = bytes(range(256)).decode("latin-1") * 50
    result = _read(junk)
    assert result["claims"] == [] and "binary" in result["warning"]


def test_a_text_in_another_language_is_not_read():
    spanish = (
        "El presidente de Kenia asistirá a la cumbre en Río de Janeiro, según informó su "
        "oficina el martes por la tarde, y llegará con una delegación de ministros."
    )
    result = _read(spanish)
    assert result["claims"] == [] and "English" in result["warning"]


def test_html_markup_is_stripped_and_scripts_are_dropped():
    page = (
        "<html><head><style>p {color: red}</style></head><body>"
        "<script>var s = '<p>Chile&#39;s Gabriel Boric will attend</p>';</script>"
        f"<p>{GOOD.replace(chr(39), '&#39;')}</p></body></html>"
    )
    result = _read(page)
    assert [(c["invitee"], c["status"]) for c in result["claims"]] == [("William Ruto", "accepted")]
    assert "<" not in result["claims"][0]["evidence"]


def test_five_megabytes_are_read_only_up_to_the_cap_and_quickly():
    huge = (GOOD + " ") * (5_000_000 // len(GOOD))
    started = time.monotonic()
    result = _read(huge)
    assert time.monotonic() - started < 20  # about 2 s alone on the development machine
    assert str(MAX_CHARS) in result["warning"]
    assert [(c["invitee"], c["status"]) for c in result["claims"]] == [("William Ruto", "accepted")]


def test_one_endless_sentence_is_cut_and_read_in_linear_time():
    endless = "Kenya's William Ruto said the summit would go on " + "and on " * 200_000
    started = time.monotonic()
    _read(endless)
    assert time.monotonic() - started < 20
