"""Text helpers of the pipeline: HTML to plain text, article extraction,
canonical URLs and the content hash that finds syndicated copies."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import lxml.html
import nh3

# Query parameters that only say where a click came from.
TRACKING_PARAMS = re.compile(
    r"^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|yclid|igshid|_hsenc|_hsmi|"
    r"ocid|cmpid|ncid|sr_share|ref|ref_src|smid|cid|at_medium|at_campaign|taid|mkt_tok|guccounter)$",
    re.IGNORECASE,
)
_BLOCKS = {
    "p",
    "div",
    "br",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "tr",
    "section",
    "article",
}
_WS = re.compile(r"[ \t\r\f\v\u00a0]+")


def html_to_text(html: str) -> str:
    """Plain text of an HTML fragment: scripts and styles dropped, blocks as paragraphs."""
    if not html or not html.strip():
        return ""
    if "<" not in html and "&" not in html:
        return _tidy(html)
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (ValueError, lxml.etree.ParserError):
        return _tidy(re.sub(r"<[^>]*>", " ", html))
    for bad in root.xpath("//script|//style|//noscript|//template|//iframe|//object"):
        bad.drop_tree()
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _BLOCKS:
            el.tail = "\n\n" + (el.tail or "")
    return _tidy(root.text_content())


def _tidy(text: str) -> str:
    lines = [_WS.sub(" ", line).strip() for line in text.splitlines()]
    out, blank = [], False
    for line in lines:
        if line:
            if blank and out:
                out.append("")
            out.append(line)
            blank = False
        else:
            blank = True
    return "\n".join(out).strip()


def article_text(html: str | bytes, *, url: str = "") -> tuple[str, str, str]:
    """(title, main text, language) of an article page. Trafilatura finds the
    main text; when it finds nothing, the page's visible text is used."""
    import trafilatura

    if isinstance(html, bytes):
        html = html.decode("utf-8", errors="replace")
    text = trafilatura.extract(
        html, url=url or None, output_format="txt", include_comments=False, include_tables=False
    )
    title, language = "", ""
    try:
        doc = lxml.html.document_fromstring(html)
        language = (doc.get("lang") or "")[:16]
        heading = doc.xpath("//h1")
        found = heading or doc.xpath("//title")
        if found:
            title = _tidy(found[0].text_content())[:500]
        # The headline is not part of the text: a syndicated copy often retitles it.
        if heading and text and title and text.startswith(title):
            text = text[len(title) :]
        if not text:
            body = doc.find("body")
            text = (
                html_to_text(lxml.html.tostring(body, encoding="unicode"))
                if body is not None
                else ""
            )
    except (ValueError, lxml.etree.ParserError):
        pass
    return title, _tidy(text or ""), language


def sanitize_html(html: str) -> str:
    """HTML safe to show: nh3 keeps a small set of harmless tags, no scripts,
    no event handlers, no javascript: links."""
    return nh3.clean(
        html,
        tags={"p", "br", "a", "em", "strong", "b", "i", "ul", "ol", "li", "blockquote", "h2", "h3"},
        attributes={"a": {"href", "title"}},
        url_schemes={"http", "https"},
        link_rel="noopener noreferrer nofollow",
    )


def canonical_url(url: str) -> str:
    """The URL without tracking parameters, fragment, default port or case
    differences in scheme and host; remaining query parameters sorted."""
    url = url.strip()
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return url
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if port and not ((scheme == "http" and port == 80) or (scheme == "https" and port == 443)):
        host = f"{host}:{port}"
    query = sorted(
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not TRACKING_PARAMS.match(k)
    )
    path = parts.path or "/"
    return urlunsplit((scheme, host, path, urlencode(query), ""))


def content_hash(text: str) -> str:
    """Hash of the text with case, punctuation and spacing ignored, so a syndicated
    copy of the same article hashes the same. Empty for texts too short to tell."""
    norm = unicodedata.normalize("NFKC", text).lower()
    norm = re.sub(r"[\W_]+", " ", norm).strip()
    if len(norm) < 80:
        return ""
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()
