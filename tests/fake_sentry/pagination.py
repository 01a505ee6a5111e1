"""Cursors and the Link header, as Sentry's api/base.py and utils/cursors.py do them.

Link: always two entries, previous first:
  <URL&cursor=C>; rel="previous"; results="false"; cursor="C", <URL&cursor=N>; rel="next"; results="true"; cursor="N"
URL is the request URL minus its old cursor (hence "?&cursor=" when no other
parameter). Issues use offset cursors "0:<offset>:<is_prev>"; other lists use
Sentry's OffsetPaginator form "<per_page>:<page>:<is_prev>".
"""

from urllib.parse import quote, urlencode


class CursorError(ValueError):
    pass


def parse_cursor(text):
    """'value:offset:is_prev' -> (value, offset, is_prev); CursorError when malformed."""
    bits = text.split(":")
    if len(bits) != 3:
        raise CursorError(text)
    try:
        value = float(bits[0]) if "." in bits[0] else int(bits[0])
        offset, is_prev = int(bits[1]), int(bits[2])
    except ValueError:
        raise CursorError(text)
    return value, offset, is_prev


def _link(base, cursor, rel, has_results):
    return (f'<{base}&cursor={cursor}>; rel="{rel}"; results="{"true" if has_results else "false"}"; '
            f'cursor="{cursor}"')


def link_header(base_url, path, query_pairs, prev_cursor, has_prev, next_cursor, has_next):
    kept = [(k, v) for k, v in query_pairs if k != "cursor"]
    base = f"{base_url}{quote(path)}?{urlencode(kept)}"
    return ", ".join([_link(base, prev_cursor, "previous", has_prev),
                      _link(base, next_cursor, "next", has_next)])


def issue_page(items, offset, limit):
    """Slice for the issue list; returns (page, prev_cursor, has_prev, next_cursor, has_next)."""
    page = items[offset:offset + limit]
    has_next = offset + limit < len(items)
    return (page, f"0:{max(0, offset - limit)}:1", offset > 0, f"0:{offset + limit}:0", has_next)


def offset_page(items, cursor_text, per_page):
    """Sentry's OffsetPaginator: the cursor is <per_page>:<page>:<is_prev>."""
    page_size, page_no = per_page, 0
    if cursor_text:
        value, page_no, _ = parse_cursor(cursor_text)
        page_size = int(value) or per_page
        page_no = max(0, page_no)
    offset = page_no * page_size
    page = items[offset:offset + page_size]
    has_next = offset + page_size < len(items)
    return (page, f"{page_size}:{page_no - 1}:1", page_no > 0,
            f"{page_size}:{page_no + 1}:0", has_next)
