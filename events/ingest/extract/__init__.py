"""The claim extractor: pure Python over report text (no ORM, no network).

from events.ingest.extract import extract_report, Knowledge
extraction = extract_report(text, published=date, title=title)
extraction.to_dict()  # {"events": [...], "claims": [...]}
"""

from .extract import extract_report
from .knowledge import Knowledge
from .model import ExtractedClaim, ExtractedEvent, Extraction

__all__ = ["ExtractedClaim", "ExtractedEvent", "Extraction", "Knowledge", "extract_report"]
