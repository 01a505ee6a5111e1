"""The `events` data set: one issue per event shape the issue screen must handle.

Every event is built here once, in Sentry's API form (docs/sentry-api.md §6), from the
real fixtures: SDK payloads (ingest/) are converted the way Sentry does it
(pre_context/context_line/post_context -> context [[lineNo, text]], snake_case
-> camelCase, breadcrumb timestamps -> ISO strings, tags -> [{key, value}]), and
API fixtures (api/) give the top-level shape. Where a fixture has no data for a
shape (a chained exception, 30 breadcrumbs, threads), the missing parts are
written here in the same form, with source files whose lines every frame's
context is cut from, so a frame's context always agrees with its lineNo.

The issues, in first-seen order (so their ids are fixed, see README.md):

  chained   BACKEND-1   Python KeyError -> ValueError -> RuntimeError, system frames, 30 crumbs
  js        FRONTEND-1  JavaScript, source-mapped frames + minified rawStacktrace, framesOmitted
  native    FRONTEND-2  Android NDK SIGSEGV: address-only frames, 3 threads, debugmeta
  cocoa     FRONTEND-3  iOS error with address-only frames (rawFunction, package, lineNo 0)
  message   BACKEND-2   logging message, no exception
  hostile   BACKEND-3   terminal attacks in every string of the event
  nulls     BACKEND-4   null wherever Sentry allows it, an empty frames list
  deep      BACKEND-5   RecursionError with 500 frames
  go        BACKEND-6   oss-sentry.event.go_file_not_found.json unchanged in shape

datasets.py turns these specs into issues; events.py serves the prebuilt
bodies (stub["body"]) and only fills in groupID, projectID and the
previousEventID/nextEventID links.
"""

import copy
import hashlib
import json
import re
from datetime import datetime, timedelta, timezone

import catalog
import directory as dirs
import fixtures
import hostile
from events import _release_json
from timeutil import iso, parse_iso

SITE = "/usr/local/lib/python3.8/site-packages/"
STDLIB = "/usr/local/lib/python3.8/"
APP_ROOT = "/srv/acme/"


def _hex(seed, length=32):
    return hashlib.md5(seed.encode("utf-8")).hexdigest()[:length]


def event_id(slug, index):
    return _hex(f"events:{slug}:event:{index}")


def _release_at(project, moment):
    current = None
    for release in project["releases"]:
        if release["dateCreated"] <= moment:
            current = release["version"]
    return current


# ------------------------------------------------------- conversions ----

def api_frame(sdk_frame):
    """SDK frame -> API frame, like Sentry: context list, camelCase, and
    site-packages / standard-library code is not in-app."""
    frame = fixtures._frame_from_ingest(sdk_frame)
    path = frame.get("absPath") or ""
    if path.startswith(SITE) or (path.startswith(STDLIB) and frame["inApp"] is not None):
        frame["inApp"] = False
    return frame


def api_crumb(crumb):
    """SDK breadcrumb (float timestamp) -> API breadcrumb (ISO timestamp, every key present)."""
    stamp = crumb.get("timestamp")
    return {
        "type": crumb.get("type", "default"),
        "timestamp": iso(stamp, "us") if stamp is not None else None,
        "level": crumb.get("level", "info"),
        "message": crumb.get("message"),
        "category": crumb.get("category"),
        "data": crumb.get("data"),
        "event_id": None,
    }


def api_tags(pairs):
    """SDK tags ({k: v} or [[k, v]]) -> API tags, sorted by key."""
    items = pairs.items() if isinstance(pairs, dict) else pairs
    return [{"key": key, "value": value} for key, value in sorted(items)]


def stacktrace(frames, omitted=None, registers=None):
    return {"frames": frames, "framesOmitted": omitted, "registers": registers,
            "hasSystemFrames": any(f.get("inApp") is False for f in frames or [])}


def exception_value(exc_type, value, module=None, mechanism=None, trace=None, raw=None, thread_id=None):
    return {"type": exc_type, "value": value, "module": module, "threadId": thread_id,
            "mechanism": mechanism, "stacktrace": trace, "rawStacktrace": raw}


def exception_entry(values):
    return {"type": "exception", "data": {
        "values": values, "excOmitted": None,
        "hasSystemFrames": any((v.get("stacktrace") or {}).get("hasSystemFrames") for v in values)}}


class Source:
    """A source file known by (some of) its lines, so that every frame's
    context is cut from one coherent text and agrees with its lineNo."""

    def __init__(self, filename, abs_path, module, text, first_line=1):
        self.filename, self.abs_path, self.module = filename, abs_path, module
        self.first = first_line
        self.lines = text.strip("\n").split("\n")

    def lineno(self, marker):
        for index, line in enumerate(self.lines):
            if marker in line:
                return self.first + index
        raise ValueError(f"{marker!r} not in {self.filename}")

    def sdk_frame(self, marker, function, vars=None, in_app=True, radius=5):
        lineno = self.lineno(marker)
        index = lineno - self.first
        return {"filename": self.filename, "abs_path": self.abs_path, "function": function,
                "module": self.module, "lineno": lineno,
                "pre_context": self.lines[max(0, index - radius):index],
                "context_line": self.lines[index],
                "post_context": self.lines[index + 1:index + 1 + radius],
                "vars": vars, "in_app": in_app}

    def frame(self, marker, function, vars=None, in_app=True):
        return api_frame(self.sdk_frame(marker, function, vars, in_app))


def _py_source(path, text, first_line=1, system=False):
    module = path[:-3].replace("/", ".")
    root = SITE if system else APP_ROOT
    return Source(path, root + path, module, text, first_line)


# ------------------------------------------------------------- tags ----

def _apportion(total, weights):
    """Split `total` in proportion to `weights` (largest remainder), every part >= 1."""
    scale = total / float(sum(weights))
    raw = [w * scale for w in weights]
    parts = [max(1, int(r)) for r in raw]
    order = sorted(range(len(raw)), key=lambda i: (-(raw[i] - int(raw[i])), i))
    k = 0
    while sum(parts) < total:
        parts[order[k % len(order)]] += 1
        k += 1
    while sum(parts) > total:
        largest = max(range(len(parts)), key=lambda i: parts[i])
        parts[largest] -= 1
    return parts


def tag_table(spec, total, first, last, events):
    """{key: {"unique", "total", "values": [...]}} as tagstats.py builds it, from
    explicit (value, weight) lists. Counts of a key sum to `total`; a value's
    first/last seen are those of the served events that carry it."""
    table = {}
    for key, pairs in spec:
        counts = _apportion(total, [weight for _, weight in pairs])
        values = []
        for rank, ((value, _), count) in enumerate(zip(pairs, counts)):
            dates = [stub["date"] for stub in events if stub["tags"].get(key) == value]
            carried = len(dates)
            if carried > count:
                raise ValueError(f"tag {key}={value!r}: {carried} events but count {count}")
            if dates:
                seen_first, seen_last = min(dates), max(dates)
            else:
                seen_first = first + (last - first) * (rank / (len(pairs) + 1.0))
                seen_last = seen_first + (last - seen_first) / 2
            if rank == 0:
                seen_first, seen_last = first, last
            name = value.partition(":")[2] if key == "user" else value
            values.append({"value": value, "name": name, "count": count,
                           "firstSeen": seen_first, "lastSeen": seen_last})
        values.sort(key=lambda v: -v["count"])
        table[key] = {"unique": len(values), "total": total, "values": values}
    return table


# --------------------------------------------------------- shell ----

def _shell(template, stub, project, issue, event_type="error"):
    """A fixture event with the ids, dates, title, culprit and release of `stub`.
    groupID, projectID and the previous/next links are filled in when served."""
    event = fixtures.api(template)
    event.update({
        "id": stub["id"], "eventID": stub["id"], "groupID": None, "projectID": None,
        "previousEventID": None, "nextEventID": None,
        "dateCreated": iso(stub["date"], "ms"),
        "dateReceived": iso(stub["date"] + timedelta(milliseconds=431), "us"),
        "title": issue["title"], "culprit": issue["culprit"], "location": issue.get("location"),
        "platform": issue["platform"], "type": event_type,
        "metadata": copy.deepcopy(issue["metadata"]), "message": issue.get("message", ""),
        "release": _release_json(project, stub["release"]), "dist": None,
        "errors": [], "fingerprints": [_hex("fingerprint:" + issue["title"])],
    })
    event.pop("projectSlug", None)
    return event


def _stubs(slug, project, now, ages, environments=None):
    """Event stubs oldest first: fixed ids, dates `ages` before now, the release of the day."""
    stubs = []
    for index, age in enumerate(ages):
        date = (now - age).replace(microsecond=(index * 137017) % 1000000)
        stubs.append({"id": event_id(slug, index), "date": date,
                      "environment": (environments or ["production"] * len(ages))[index],
                      "release": _release_at(project, date),
                      "trace_id": _hex(f"events:{slug}:trace:{index}"),
                      "span_id": _hex(f"events:{slug}:span:{index}", 16)})
    return stubs


# =============================================== 1. chained (BACKEND-1) ====

APP_VIEWS = _py_source("app/views.py", '''
import logging

from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import JsonResponse
from django.views import View

from orders.services import place_order

logger = logging.getLogger(__name__)


class CheckoutView(LoginRequiredMixin, View):
    def post(self, request):
        cart_id = request.session.get("cart_id")
        if cart_id is None:
            return JsonResponse({"detail": "Your cart is empty."}, status=400)
        order = place_order(request.user, cart_id, request.POST)
        logger.info("order %s placed", order.reference)
        return JsonResponse({"order": order.reference}, status=201)
''')

ORDERS_SERVICES = _py_source("orders/services.py", '''
from django.db import transaction

from orders.models import Cart, Order
from orders.signals import order_placed


@transaction.atomic
def place_order(user, cart_id, form):
    cart = Cart.objects.select_for_update().get(pk=cart_id, owner=user)
    order = Order.objects.create_from_cart(cart, coupon=form.get("coupon"))
    order_placed.send(sender=Order, order=order, region=form["region"])
    cart.delete()
    return order
''')

BILLING_RECEIVERS = _py_source("billing/receivers.py", '''
from django.dispatch import receiver

from billing.invoices import finalize_invoice
from orders.signals import order_placed


@receiver(order_placed)
def on_order_placed(sender, order, region, **kwargs):
    finalize_invoice(order, region=region)
''')

BILLING_INVOICES = _py_source("billing/invoices.py", '''
from decimal import Decimal

from billing.models import Invoice
from billing.rates import RATES

TAX_PRECISION = Decimal("0.01")


def compute_tax(order, region):
    """Tax for every line of `order` at the rate of `region`."""
    try:
        rate = RATES.lookup(region)
    except KeyError:
        # regions are validated at sign-up, so a miss means the rate table is stale
        raise ValueError(f"no tax rate for region {region!r}")
    return [(item, (item.price * rate).quantize(TAX_PRECISION)) for item in order.items.all()]


def finalize_invoice(order, region):
    invoice = Invoice.objects.create(order=order, currency=order.currency)
    try:
        lines = compute_tax(order, region)
    except ValueError as exc:
        raise RuntimeError("checkout failed: tax calculation error") from exc
    invoice.add_lines(lines)
    invoice.issue()
    return invoice
''')

BILLING_RATES = _py_source("billing/rates.py", '''
from billing.models import TaxRate


class TaxRates:
    """Tax rates by region code, loaded from the database on first use."""

    def __init__(self):
        self._rates = {}

    def refresh(self):
        self._rates = {r.region: r.percent / 100 for r in TaxRate.objects.filter(active=True)}

    def lookup(self, region):
        if not self._rates:
            self.refresh()
        return self._rates[region]


RATES = TaxRates()
''')

DJ_AUTH_MIXINS = _py_source("django/contrib/auth/mixins.py", '''
            return redirect_to_login(path, resolved_login_url, self.get_redirect_field_name())


class LoginRequiredMixin(AccessMixin):
    """Verify that the current user is authenticated."""
    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        return super().dispatch(request, *args, **kwargs)


class PermissionRequiredMixin(AccessMixin):
    """Verify that the current user has all specified permissions."""
    permission_required = None
''', first_line=47, system=True)

CONTEXTLIB = Source("contextlib.py", STDLIB + "contextlib.py", "contextlib", '''
        return self

    def __call__(self, func):
        @wraps(func)
        def inner(*args, **kwds):
            with self._recreate_cm():
                return func(*args, **kwds)
        return inner


class _GeneratorContextManagerBase:
''', first_line=68)

DJ_DISPATCHER = _py_source("django/dispatch/dispatcher.py", '''
        Return a list of tuple pairs [(receiver, response), ... ].
        """
        if not self.receivers or self.sender_receivers_cache.get(sender) is NO_RECEIVERS:
            return []

        return [
            (receiver, receiver(signal=self, sender=sender, **named))
            for receiver in self._live_receivers(sender)
        ]

    def send_robust(self, sender, **named):
        """
''', first_line=170, system=True)

# Django request handling, straight from the Python SDK payload (the frames the
# oss-sentry.event.python_zero_division.json event was made from).
_DJANGO_REWRITES = [("GET '/divide-zero/'", "POST '/checkout/?step=confirm'"),
                    ("errors.views.DivideZeroView", "app.views.CheckoutView"),
                    ("DivideZeroView", "CheckoutView"), ("url_name=divide_zero", "url_name=checkout"),
                    ("route=divide-zero/", "route=checkout/"),
                    ("django_error_factory.urls", "acme.urls")]


def _django_frames():
    """inner, _get_response x2, View.view, View.dispatch (oldest first), API form."""
    payload = fixtures.fresh("ingest/sdk-payload.python_zero_division.json")
    frames = []
    for sdk in payload["exception"]["values"][0]["stacktrace"]["frames"][:5]:
        text = json.dumps(sdk)
        for old, new in _DJANGO_REWRITES:
            text = text.replace(old, new)
        frames.append(api_frame(json.loads(text)))
    return frames


_BROWSERS = [  # browser, version, device model, device family, brand, os, os version, user agent
    ("Mobile Safari", "17.4", "iPhone 15 Pro", "iPhone", "Apple", "iOS", "17.4",
     "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
     "Version/17.4 Mobile/15E148 Safari/604.1"),
    ("Chrome", "131.0.0", "Mac", "Mac", "Apple", "Mac OS X", "10.15.7",
     "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) "
     "Chrome/131.0.0.0 Safari/537.36"),
    ("Chrome Mobile", "131.0.0", "Pixel 8 Pro", "Pixel", "Google", "Android", "14",
     "Mozilla/5.0 (Linux; Android 14; Pixel 8 Pro) AppleWebKit/537.36 (KHTML, like Gecko) "
     "Chrome/131.0.0.0 Mobile Safari/537.36"),
    ("Firefox", "133.0", "Other", "Other", None, "Windows", "10",
     "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0"),
]

# Event users in Sentry's API shape; the tag value follows Sentry's priority
# id > email > username > ip_address.
_USERS = [
    {"id": "1042", "email": "alice@customers.test", "username": "alice", "ip_address": "203.0.113.7",
     "name": "Alice Martin", "geo": {"country_code": "DE", "city": "Berlin", "region": "Germany"},
     "data": {"plan": "business", "signup": "2024-03-02"}},
    {"id": None, "email": "bob.li@customers.test", "username": None, "ip_address": "198.51.100.23",
     "name": None, "geo": None, "data": {}},
    {"id": None, "email": None, "username": "dana", "ip_address": "192.0.2.44",
     "name": "Dana K.", "geo": None, "data": {}},
    {"id": None, "email": None, "username": None, "ip_address": "198.51.100.7",
     "name": None, "geo": {"country_code": "US", "city": "Portland", "region": "United States"}, "data": {}},
    {"id": None, "email": "chen.wei@customers.test", "username": None, "ip_address": "203.0.113.90",
     "name": "Chen Wei", "geo": None, "data": {}},
    {"id": "77", "email": "erik@customers.test", "username": "erik", "ip_address": "192.0.2.10",
     "name": "Erik Larsen", "geo": None, "data": {}},
]


def user_tag(user):
    for field, prefix in (("id", "id"), ("email", "email"), ("username", "username"), ("ip_address", "ip")):
        if user.get(field):
            return f"{prefix}:{user[field]}"
    return None


def _browser_contexts(combo):
    browser, version, model, family, brand, os_name, os_version, _ = combo
    device = {"family": family, "model": model, "brand": brand, "type": "device"}
    return {"browser": {"name": browser, "version": version, "type": "browser"},
            "device": device, "os": {"name": os_name, "version": os_version, "type": "os"}}


def _browser_tags(combo):
    browser, version, model, _, _, os_name, os_version, _ = combo
    return {"browser": f"{browser} {version}", "device": model, "os": f"{os_name} {os_version}"}


def _chained_crumbs(date):
    """30 breadcrumbs over the two minutes before the event (SDK form, then API form)."""
    t = date.timestamp()
    sql_cart = ('SELECT "orders_cart"."id", "orders_cart"."owner_id", "orders_cart"."coupon" '
                'FROM "orders_cart" WHERE "orders_cart"."id" = %s LIMIT 21')
    crumbs = [
        (118.4, "navigation", "navigation", "info", None, {"from": "/cart", "to": "/checkout"}),
        (117.9, "http", "http", "info", None,
         {"method": "GET", "url": "https://api.acme.test/api/0/cart/", "status_code": 200}),
        (117.2, "default", "query", "info", sql_cart, {"db.params": ["8812"], "db.executemany": False}),
        (116.0, "debug", "console", "debug", "cart hydrated from session",
         {"logger": "console", "arguments": ["cart hydrated from session", 3]}),
        (112.5, "user", "ui.click", "info", "body > main > form#checkout > button.coupon-apply", None),
        (112.1, "http", "http", "info", None,
         {"method": "POST", "url": "https://api.acme.test/api/0/cart/8812/coupon/", "status_code": 200}),
        (111.8, "default", "query", "info",
         'SELECT "promotions_coupon"."id" FROM "promotions_coupon" WHERE "promotions_coupon"."code" = %s',
         {"db.params": ["SPRING24"], "db.executemany": False}),
        (111.6, "default", "django.request", "warning", "Not Found: /static/img/cart-empty.svg",
         {"status_code": 404, "request": "<WSGIRequest: GET '/static/img/cart-empty.svg'>"}),
        (105.3, "debug", "console", "warning", "[mobx] Computed values are not cached outside reactions",
         {"logger": "console", "arguments": ["[mobx] Computed values are not cached outside reactions"]}),
        (98.0, "navigation", "navigation", "info", None, {"from": "/checkout", "to": "/checkout/address"}),
        (96.2, "http", "http", "info", None,
         {"method": "GET", "url": "https://api.acme.test/api/0/addresses/", "status_code": 200}),
        (95.9, "default", "query", "info",
         'SELECT "accounts_address"."id", "accounts_address"."region" FROM "accounts_address" '
         'WHERE "accounts_address"."owner_id" = %s', {"db.params": ["1042"], "db.executemany": False}),
        (88.4, "user", "ui.click", "info", 'form#address > input[name="postcode"]', None),
        (84.0, "user", "ui.click", "info", 'form#address > select.region > option[value="EU-XX"]', None),
        (80.1, "debug", "console", "info", "region changed EU-XX",
         {"logger": "console", "arguments": ["region changed", "EU-XX"]}),
        (74.6, "http", "http", "warning", None,
         {"method": "GET", "url": "https://api.acme.test/api/0/tax/preview/?region=EU-XX",
          "status_code": 404, "reason": "Not Found"}),
        (74.5, "default", "django.request", "warning", "Not Found: /api/0/tax/preview/",
         {"status_code": 404, "request": "<WSGIRequest: GET '/api/0/tax/preview/?region=EU-XX'>"}),
        (70.0, "debug", "console", "error", "Tax preview failed: 404",
         {"logger": "console", "arguments": ["Tax preview failed:", 404]}),
        (61.2, "navigation", "navigation", "info", None, {"from": "/checkout/address", "to": "/checkout/confirm"}),
        (60.8, "http", "http", "info", None,
         {"method": "GET", "url": "https://api.acme.test/api/0/cart/8812/summary/", "status_code": 200}),
        (45.5, "user", "ui.click", "info", "button#confirm-order", None),
        (45.1, "debug", "console", "debug", "submitting order",
         {"logger": "console", "arguments": ["submitting order", {"cart": 8812}]}),
        (3.2, "default", "query", "info", "BEGIN", None),
        (3.1, "default", "query", "info", sql_cart + " FOR UPDATE",
         {"db.params": ["8812"], "db.executemany": False}),
        (2.9, "default", "query", "info",
         'INSERT INTO "orders_order" ("reference", "cart_id", "coupon") VALUES (%s, %s, %s) RETURNING "orders_order"."id"',
         {"db.params": ["ORD-2231", "8812", "SPRING24"], "db.executemany": False}),
        (2.7, "default", "query", "info",
         'INSERT INTO "billing_invoice" ("order_id", "currency") VALUES (%s, %s) RETURNING "billing_invoice"."id"',
         {"db.params": ["90211", "EUR"], "db.executemany": False}),
        (2.6, "debug", "billing.rates", "debug", "tax rate table empty, loading from database", None),
        (2.5, "default", "query", "info",
         'SELECT "billing_taxrate"."region", "billing_taxrate"."percent" FROM "billing_taxrate" '
         'WHERE "billing_taxrate"."active"', {"db.params": [], "db.executemany": False}),
        (2.4, "default", "billing.invoices", "error", "no tax rate for region 'EU-XX' (27 regions loaded)",
         {"region": "EU-XX", "loaded": 27}),
        (0.2, "default", "query", "warning", "ROLLBACK", None),
    ]
    return [api_crumb({"timestamp": _from_epoch(t - before), "type": kind, "category": category,
                       "level": level, "message": message, "data": data})
            for before, kind, category, level, message, data in crumbs]


def _from_epoch(seconds):
    return datetime.fromtimestamp(round(seconds, 3), tz=timezone.utc)


def _chained_exception(order_ref, cart_id, user_repr, region, addr):
    """values oldest first: KeyError (root cause), ValueError (raised while handling it),
    RuntimeError (raised `from` the ValueError, the one that reached Django)."""
    request_repr = "<WSGIRequest: POST '/checkout/?step=confirm'>"
    order_repr = f"<Order: {order_ref}>"
    form_repr = f"<QueryDict: {{'region': ['{region}'], 'coupon': ['SPRING24']}}>"
    key_error = [
        BILLING_INVOICES.frame("rate = RATES.lookup(region)", "compute_tax",
                               {"order": order_repr, "region": repr(region)}),
        BILLING_RATES.frame("return self._rates[region]", "lookup",
                            {"self": f"<billing.rates.TaxRates object at 0x7f3a{addr}e0>",
                             "region": repr(region),
                             "self._rates": "{'AT': Decimal('0.20'), 'BE': Decimal('0.21'), "
                                            "'DE': Decimal('0.19'), ...}"}),
    ]
    value_error = [
        BILLING_INVOICES.frame("lines = compute_tax(order, region)", "finalize_invoice",
                               {"order": order_repr, "region": repr(region),
                                "invoice": f"<Invoice: INV-{order_ref[4:]}>"}),
        BILLING_INVOICES.frame("raise ValueError(", "compute_tax",
                               {"order": order_repr, "region": repr(region)}),
    ]
    signal = f"<django.dispatch.dispatcher.Signal object at 0x7f3a{addr}50>"
    named = {"order": order_repr, "region": repr(region)}
    django = _django_frames()
    runtime_error = django[:4] + [
        DJ_AUTH_MIXINS.frame("return super().dispatch(request, *args, **kwargs)", "dispatch",
                             {"self": f"<app.views.CheckoutView object at 0x7f3a{addr}90>",
                              "request": request_repr, "args": [], "kwargs": {}}, in_app=False),
        django[4],
        APP_VIEWS.frame("order = place_order(", "post",
                        {"self": f"<app.views.CheckoutView object at 0x7f3a{addr}90>",
                         "request": request_repr, "cart_id": repr(cart_id)}),
        CONTEXTLIB.frame("return func(*args, **kwds)", "inner",
                         {"args": [user_repr, repr(cart_id), form_repr], "kwds": {},
                          "self": f"<django.db.transaction.Atomic object at 0x7f3a{addr}20>",
                          "func": f"<function place_order at 0x7f3a{addr}ee>"}, in_app=False),
        ORDERS_SERVICES.frame("order_placed.send(", "place_order",
                              {"user": user_repr, "cart_id": repr(cart_id), "form": form_repr,
                               "cart": f"<Cart: {cart_id}>", "order": order_repr}),
        DJ_DISPATCHER.frame("for receiver in self._live_receivers(sender)", "send",
                            {"self": signal, "sender": "<class 'orders.models.Order'>", "named": named},
                            in_app=False),
        DJ_DISPATCHER.frame("(receiver, receiver(signal=self", "<listcomp>",
                            {".0": f"<list_iterator object at 0x7f3a{addr}70>",
                             "receiver": f"<function on_order_placed at 0x7f3a{addr}c0>",
                             "self": signal, "sender": "<class 'orders.models.Order'>", "named": named},
                            in_app=False),
        BILLING_RECEIVERS.frame("finalize_invoice(order, region=region)", "on_order_placed",
                                {"sender": "<class 'orders.models.Order'>", "order": order_repr,
                                 "region": repr(region), "kwargs": {"signal": signal}}),
        BILLING_INVOICES.frame("raise RuntimeError(", "finalize_invoice",
                               {"order": order_repr, "region": repr(region),
                                "invoice": f"<Invoice: INV-{order_ref[4:]}>",
                                "exc": f"ValueError(\"no tax rate for region {region!r}\")"}),
    ]
    for frame in runtime_error[:4]:
        frame["inApp"] = False
    return [
        exception_value("KeyError", repr(region), mechanism={
            "type": "chained", "handled": True, "source": "__context__", "exception_id": 2, "parent_id": 1},
            trace=stacktrace(key_error)),
        exception_value("ValueError", f"no tax rate for region {region!r}", mechanism={
            "type": "chained", "handled": True, "source": "__cause__", "exception_id": 1, "parent_id": 0},
            trace=stacktrace(value_error)),
        exception_value("RuntimeError", "checkout failed: tax calculation error", mechanism={
            "type": "django", "handled": False, "exception_id": 0}, trace=stacktrace(runtime_error)),
    ]


def _chained_request(combo, cart_id):
    return {"type": "request", "data": {
        "fragment": "",
        "cookies": [["csrftoken", "Zx9kQ2pLr7VbN4tYh8WmC3sDf6Gj1HaE"], ["sessionid", "abc"]],
        "inferredContentType": "application/x-www-form-urlencoded",
        "env": {"REMOTE_ADDR": "10.0.3.17", "SERVER_NAME": "web-1.acme.internal", "SERVER_PORT": "8000"},
        "headers": [
            ["Accept", "application/json, text/plain, */*"],
            ["Accept-Language", "de-DE,de;q=0.9,en;q=0.8"],
            ["Authorization", "Bearer secret-token-123"],
            ["Content-Length", "64"],
            ["Content-Type", "application/x-www-form-urlencoded"],
            ["Cookie", "sessionid=abc; csrftoken=Zx9kQ2pLr7VbN4tYh8WmC3sDf6Gj1HaE"],
            ["Host", "api.acme.test"],
            ["Origin", "https://app.acme.test"],
            ["Referer", "https://app.acme.test/checkout/confirm"],
            ["User-Agent", combo[7]],
            ["X-Forwarded-For", "203.0.113.7, 10.0.3.1"],
            ["X-Request-Id", _hex(f"request:{cart_id}")],
        ],
        "url": "https://api.acme.test/checkout/",
        "query": [["step", "confirm"], ["utm_source", "newsletter"]],
        "data": {"region": "EU-XX", "coupon": "SPRING24", "csrfmiddlewaretoken": "[Filtered]"},
        "method": "POST",
    }}


def _chained_spec(directory, now):
    project = dirs.project_by_slug_or_id(directory, "backend")
    issue = {"title": "RuntimeError: checkout failed: tax calculation error", "culprit": "/checkout/",
             "location": "billing/invoices.py", "platform": "python",
             "metadata": {"type": "RuntimeError", "value": "checkout failed: tax calculation error",
                          "filename": "billing/invoices.py", "function": "finalize_invoice",
                          "in_app_frame_mix": "mixed", "initial_priority": 75}}
    ages = [timedelta(days=58, hours=4), timedelta(days=37, hours=11), timedelta(days=19, hours=2),
            timedelta(days=6, hours=7), timedelta(hours=3, minutes=12)]
    stubs = _stubs("chained", project, now, ages)
    plan = [  # browser combo, user, order, cart
        (1, 1, "ORD-1187", "7301"), (2, 2, "ORD-1544", "7764"), (0, 3, "ORD-1990", "8120"),
        (3, 4, "ORD-2107", "8544"), (0, 0, "ORD-2231", "8812")]
    for index, stub in enumerate(stubs):
        combo_index, user_index, order_ref, cart_id = plan[index]
        combo, user = _BROWSERS[combo_index], _USERS[user_index]
        user_repr = f"<User: {user['username'] or user['email'] or 'anonymous'}>"
        tags = dict(_browser_tags(combo), environment="production", level="error",
                    release=stub["release"], url="https://api.acme.test/checkout/", user=user_tag(user))
        stub["tags"] = tags
        event = _shell(catalog.PY_EVENT, stub, project, issue)
        event["tags"] = api_tags(tags)
        event["user"] = copy.deepcopy(user)
        event["entries"] = [
            exception_entry(_chained_exception(order_ref, cart_id, user_repr, "EU-XX", f"{index}c1")),
            {"type": "breadcrumbs", "data": {"values": _chained_crumbs(stub["date"])}},
            _chained_request(combo, cart_id),
        ]
        contexts = _browser_contexts(combo)
        contexts["runtime"] = {"name": "CPython", "version": "3.8.2", "type": "runtime",
                               "build": "3.8.2 (default, Apr 23 2020, 14:32:57) \n[GCC 8.3.0]"}
        contexts["trace"] = {"trace_id": stub["trace_id"], "span_id": stub["span_id"],
                             "parent_span_id": _hex(f"parent:{stub['id']}", 16), "op": "http.server",
                             "status": "internal_error", "description": "POST /checkout/", "type": "trace"}
        contexts["order"] = {"reference": order_ref, "cart": int(cart_id), "items": 3,
                             "total": "129.90", "currency": "EUR", "coupon": "SPRING24", "type": "default"}
        event["contexts"] = contexts
        event["context"] = {"sys.argv": ["/usr/local/bin/gunicorn", "acme.wsgi:application",
                                         "--workers", "4", "--bind", "0.0.0.0:8000"]}
        event["sdk"] = {"name": "sentry.python.django", "version": "1.45.0",
                        "upstream": {"url": None, "isNewer": False, "name": "sentry.python.django"}}
        event["packages"] = {"django": "3.0.5", "sentry-sdk": "1.45.0", "psycopg2": "2.8.5",
                             "gunicorn": "20.0.4"}
        event["message"] = ""
        stub["body"] = event
    tag_spec = [
        ("browser", [("Mobile Safari 17.4", 40), ("Chrome 131.0.0", 32), ("Chrome Mobile 131.0.0", 20),
                     ("Firefox 133.0", 8)]),
        ("device", [("iPhone 15 Pro", 40), ("Mac", 32), ("Pixel 8 Pro", 20), ("Other", 8)]),
        ("environment", [("production", 1)]),
        ("level", [("error", 1)]),
        ("os", [("iOS 17.4", 40), ("Mac OS X 10.15.7", 32), ("Android 14", 20), ("Windows 10", 8)]),
        ("release", [(s["release"], w) for s, w in zip(stubs, [9, 14, 22, 30, 25])]),
        ("url", [("https://api.acme.test/checkout/", 91), ("https://api.acme.test/checkout/express/", 9)]),
        ("user", [(user_tag(_USERS[i]), w) for i, w in [(0, 31), (1, 22), (4, 17), (2, 12), (3, 10), (5, 8)]]),
    ]
    state = {"level": "error", "count": 1532, "isUnhandled": True, "logger": None}
    return _spec("chained", catalog.PY_EVENT, "backend", "python", "error", issue, stubs, tag_spec, state)


# ================================================ 2. JavaScript (FRONTEND-1) ====

def _js_source(path, first_line, text):
    return Source(path, "webpack:///./" + path, path.rsplit(".", 1)[0], text, first_line)


JS_API = _js_source("app/api.tsx", 455, '''
  request(path: string, {method = 'GET', ...options}: RequestOptions = {}) {
    const fullUrl = this.buildUrl(path, options.query);
    const errorObject = new Error();

    return fetch(fullUrl, {method, headers: this.headers, body: options.data})
      .then(async response => {
        const responseJSON = await response.json().catch(() => undefined);
        if (response.ok) {
          options.success?.(responseJSON, response.statusText, response);
          return;
        }
        const err = buildRequestError(errorObject, method, path, response, responseJSON);
        options.error?.(err);
      });
  }

  requestPromise<T>(path: string, options: RequestOptions = {}): Promise<T> {
    return new Promise((resolve, reject) =>
      this.request(path, {...options, success: resolve, error: reject})
    );
  }
''')

JS_MEMBERS = _js_source("app/actionCreators/members.tsx", 32, '''
export async function fetchMemberList(api: Client, orgId: string, projectIds?: string[]) {
  const query = projectIds ? {project: projectIds} : {};
  MemberListStore.loading();

  try {
    const members = await api.requestPromise(`/organizations/${orgId}/users/`, {
      method: 'GET',
      query,
    });
    MemberListStore.loadInitialData(members);
    return members;
  } catch (err) {
    MemberListStore.loadFailed();
    throw err;
  }
}
''')

JS_MEMBERS_LIST = _js_source("app/views/settings/organizationMembers/organizationMembersList.tsx", 82, '''
class OrganizationMembersList extends AsyncView<Props, State> {
  componentDidMount() {
    super.componentDidMount();
    const {api, organization} = this.props;
    // the invite modal needs the full member list, not just the first page
    fetchMemberList(api, organization.slug);
  }

  getEndpoints(): ReturnType<AsyncView['getEndpoints']> {
''')

JS_CONTAINER = _js_source("app/components/organizations/pageFilters/container.tsx", 126, '''
  const onUpdate = useCallback(
    (state: PageFiltersState) => {
      if (!isEqual(state, lastState.current)) {
        lastState.current = state;
        setFilters(state);
      }
    },
    [setFilters]
  );
''')

JS_STORE = _js_source("app/stores/pageFiltersStore.tsx", 68, '''
  onInitializeUrlState(newSelection: PageFilters, pinned: Set<PinnedPageFilter>) {
    this._isReady = true;
    this.selection = newSelection;
    this.pinnedFilters = pinned;

    this.trigger(this.getState());
  },
''')

# The symbolicated location of each frame of the fixture's `context.resp.stack`
# (same order as the stack: newest first). None = a vendor frame without source.
_JS_SYMBOLS = [
    ("app.js", 1, 480441, None, JS_API, "const err = buildRequestError(", None),
    ("vendor.js", 165, 51006, "tryCatch", "node_modules/regenerator-runtime/runtime.js", 63, 40),
    ("vendor.js", 165, 50794, "Generator.invoke [as _invoke]", "node_modules/regenerator-runtime/runtime.js", 293, 22),
    ("vendor.js", 165, 51429, "Generator.prototype.<computed> [as next]", "node_modules/regenerator-runtime/runtime.js", 118, 21),
    ("vendor.js", 16, 68684, "asyncGeneratorStep", "node_modules/@babel/runtime/helpers/asyncToGenerator.js", 3, 24),
    ("vendor.js", 16, 68895, "_next", "node_modules/@babel/runtime/helpers/asyncToGenerator.js", 25, 9),
    ("vendor.js", 16, 68954, None, "node_modules/@babel/runtime/helpers/asyncToGenerator.js", 32, 7),
    (None, None, None, "new Promise", "<anonymous>", None, None),
    ("vendor.js", 16, 68835, None, "node_modules/@babel/runtime/helpers/asyncToGenerator.js", 21, 12),
    ("app.js", 1, 480924, "Client.request", JS_API, "return fetch(fullUrl", None),
    ("app.js", 1, 480152, "Client.requestPromise", JS_API, "this.request(path, {...options", None),
    ("app.js", 1, 902983, "fetchMemberList", JS_MEMBERS, "const members = await api.requestPromise", None),
    ("app.js", 1, 900527, "OrganizationMembersList.componentDidMount", JS_MEMBERS_LIST,
     "fetchMemberList(api, organization.slug);", None),
    ("vendor.js", 189, 15597, "AsyncComponent.componentDidMount", "node_modules/react-lazyload/lib/index.js", 352, 11),
    ("vendor.js", 181, 101023, "commitLifeCycles", "node_modules/react-dom/cjs/react-dom.production.min.js", 181, 101023),
    ("vendor.js", 189, 3462, "unstable_runWithPriority", "node_modules/scheduler/cjs/scheduler.production.min.js", 19, 467),
    ("vendor.js", 181, 45529, "runWithPriority$1", "node_modules/react-dom/cjs/react-dom.production.min.js", 122, 325),
    ("vendor.js", 181, 97371, "commitRootImpl", "node_modules/react-dom/cjs/react-dom.production.min.js", 261, 463),
    ("vendor.js", 181, 87690, "commitRoot", "node_modules/react-dom/cjs/react-dom.production.min.js", 245, 60),
    ("vendor.js", 181, 45820, None, "node_modules/react-dom/cjs/react-dom.production.min.js", 123, 115),
    ("vendor.js", 189, 3462, "unstable_runWithPriority", "node_modules/scheduler/cjs/scheduler.production.min.js", 19, 467),
    ("vendor.js", 181, 45529, "runWithPriority$1", "node_modules/react-dom/cjs/react-dom.production.min.js", 122, 325),
    ("vendor.js", 181, 45765, "flushSyncCallbackQueueImpl", "node_modules/react-dom/cjs/react-dom.production.min.js", 123, 60),
    ("vendor.js", 181, 45700, "flushSyncCallbackQueue", "node_modules/react-dom/cjs/react-dom.production.min.js", 122, 466),
    ("vendor.js", 181, 84256, "scheduleUpdateOnFiber", "node_modules/react-dom/cjs/react-dom.production.min.js", 240, 80),
    ("vendor.js", 181, 50481, "classComponentUpdater.enqueueSetState", "node_modules/react-dom/cjs/react-dom.production.min.js", 134, 133),
    ("vendor.js", 173, 1439, "Component.setState", "node_modules/react/cjs/react.production.min.js", 13, 70),
    ("app.js", 1, 543076, "onUpdate", JS_CONTAINER, "setFilters(state);", None),
    ("vendor.js", 119, 149090, "Object.listen", "node_modules/reflux-core/lib/PublisherMethods.js", 43, 29),
    ("vendor.js", 189, 6550, "EventEmitter.emit", "node_modules/eventemitter3/index.js", 181, 35),
    ("vendor.js", 119, 149379, "trigger", "node_modules/reflux-core/lib/PublisherMethods.js", 58, 21),
    ("app.js", 1, 541711, "onInitializeUrlState", JS_STORE, "this.trigger(this.getState());", None),
    ("vendor.js", 119, 149090, "Object.listen", "node_modules/reflux-core/lib/PublisherMethods.js", 43, 29),
    ("vendor.js", 189, 6550, "EventEmitter.emit", "node_modules/eventemitter3/index.js", 181, 35),
    ("vendor.js", 119, 149379, "Function.trigger", "node_modules/reflux-core/lib/PublisherMethods.js", 58, 21),
    ("vendor.js", 119, 149484, "fixture:apply", None, None, None),
    ("vendor.js", 81, 88800, "fixture:ignoreOnError", None, None, None),
]

_STACK_LINE = re.compile(r"^\s*at (?:(?P<fn>.+?) \((?P<loc>[^()]+)\)|(?P<bare>\S+))$")


def _parse_js_stack(text):
    """`context.resp.stack` (V8 format, newest first) -> SDK frames, oldest first."""
    frames = []
    for line in text.splitlines()[1:]:
        match = _STACK_LINE.match(line)
        location = match.group("loc") or match.group("bare")
        function = match.group("fn")
        if location == "<anonymous>":
            frames.append({"function": function, "filename": "<anonymous>", "in_app": False})
            continue
        url, lineno, colno = location.rsplit(":", 2)
        frames.append({"function": function, "abs_path": url, "filename": url.split(".com", 1)[1],
                       "lineno": int(lineno), "colno": int(colno), "in_app": url.endswith("/app.js")})
    frames.reverse()
    return frames


def _js_raw_frames(template, minified):
    """The minified frames (rawStacktrace), with context like Sentry shows for minified
    files: the fixture's own lines for the two vendor frames it has, the sentry-cli
    fixture's `{snip}` line + sourceMappingURL for app.js."""
    fixture_raw = {(f["absPath"], f["lineNo"], f["colNo"]): f for f in
                   template["entries"][0]["data"]["values"][0]["rawStacktrace"]["frames"]}
    snip = minified["exception"]["values"][0]["stacktrace"]["frames"][0]
    frames = []
    for sdk in _parse_js_stack(template["context"]["resp"]["stack"]):
        key = (sdk.get("abs_path"), sdk.get("lineno"), sdk.get("colno"))
        if key in fixture_raw:
            frame = copy.deepcopy(fixture_raw[key])
            frame["function"] = sdk["function"]
        else:
            if sdk["in_app"]:
                sdk["context_line"] = snip["context_line"].replace(
                    "bundle.min.js", "app.js").replace('function(t){throw new Error("whoops")}()',
                                                       'function(e){return e.handleResponse(t)}')
                sdk["post_context"] = ["//# sourceMappingURL=app.js.map"]
            frame = api_frame(sdk)
        frames.append(frame)
    return frames


def _js_symbolicated(raw_frames, template):
    fixture_frames = {f["function"]: f for f in template["entries"][0]["data"]["values"][0]["stacktrace"]["frames"]}
    if len(raw_frames) != len(_JS_SYMBOLS):
        raise ValueError(f"{len(raw_frames)} stack frames but {len(_JS_SYMBOLS)} symbols")
    frames = []
    for raw, symbol in zip(raw_frames, reversed(_JS_SYMBOLS)):
        bundle, _, _, function, where, line, col = symbol
        if function and function.startswith("fixture:"):
            frame = copy.deepcopy(fixture_frames[function.split(":", 1)[1]])
        elif isinstance(where, Source):
            frame = where.frame(line, function, None, in_app=True)
            frame["colNo"] = len(where.lines[where.lineno(line) - where.first]) - \
                len(where.lines[where.lineno(line) - where.first].lstrip()) + 1
        elif where == "<anonymous>":
            frame = copy.deepcopy(raw)
        else:
            filename = "/usr/src/app/" + where
            frame = api_frame({"filename": filename, "abs_path": "webpack:///" + filename,
                               "module": filename[1:].rsplit(".", 1)[0],
                               "function": function, "lineno": line, "colno": col, "in_app": False})
        if raw.get("absPath"):
            frame["mapUrl"] = raw["absPath"] + ".map"
            frame["map"] = bundle + ".map"
            frame["origAbsPath"] = raw["absPath"]
            frame["origFunction"] = raw["function"]
            frame["origLineNo"] = raw["lineNo"]
            frame["origColNo"] = raw["colNo"]
        frames.append(frame)
    return frames


def _js_spec(directory, now):
    project = dirs.project_by_slug_or_id(directory, "frontend")
    value = "GET /organizations/acme/users/ 403"
    issue = {"title": f"ForbiddenError: {value}", "culprit": "?(app/api)", "location": "app/api.tsx",
             "platform": "javascript",
             "metadata": {"type": "ForbiddenError", "value": value, "filename": "app/api.tsx",
                          "function": None, "in_app_frame_mix": "mixed", "initial_priority": 50}}
    ages = [timedelta(days=50, hours=6), timedelta(days=21, hours=9), timedelta(days=4, hours=1),
            timedelta(hours=1, minutes=4)]
    stubs = _stubs("js", project, now, ages)
    minified = fixtures.api(catalog.JS_MINIFIED_EVENT)
    plan = [(1, 3), (2, 1), (3, 4), (1, 0)]  # browser combo, user
    for index, stub in enumerate(stubs):
        template = fixtures.api(catalog.JS_API_EVENT)
        combo, user = _BROWSERS[plan[index][0]], _USERS[plan[index][1]]
        tags = dict(_browser_tags(combo), environment="production", level="error",
                    release=stub["release"], url="https://app.acme.test/settings/acme/members/",
                    user=user_tag(user))
        stub["tags"] = tags
        event = _shell(catalog.JS_API_EVENT, stub, project, issue)
        raw = _js_raw_frames(template, minified)
        symbolicated = _js_symbolicated(raw, template)
        exc = exception_value("ForbiddenError", value, mechanism={"type": "generic", "handled": True},
                              trace=stacktrace(symbolicated, omitted=[2, 40]), raw=stacktrace(raw))
        crumbs = template["entries"][1]["data"]["values"]
        offset = stub["date"].timestamp() - parse_iso(template["dateCreated"]).timestamp()
        for crumb in crumbs:
            crumb["timestamp"] = iso(_from_epoch(parse_iso(crumb["timestamp"]).timestamp() + offset), "us")
        crumbs += [api_crumb(c) for c in [
            {"timestamp": _from_epoch(stub["date"].timestamp() - 0.8), "type": "navigation",
             "category": "navigation", "data": {"from": "/settings/acme/", "to": "/settings/acme/members/"}},
            {"timestamp": _from_epoch(stub["date"].timestamp() - 0.3), "type": "http", "category": "xhr",
             "level": "warning", "data": {"method": "GET", "url": "/api/0/organizations/acme/users/",
                                          "status_code": 403}},
        ]]
        crumbs.sort(key=lambda crumb: crumb["timestamp"])
        request = template["entries"][2]
        request["data"]["url"] = "https://app.acme.test/settings/acme/members/"
        request["data"]["headers"] = [["Referer", "https://app.acme.test/settings/acme/"],
                                      ["User-Agent", combo[7]]]
        request["data"]["query"] = [["project", "12"]]
        event["entries"] = [exception_entry([exc]), template["entries"][1], request]
        event["entries"][1]["data"]["values"] = crumbs
        event["tags"] = api_tags(tags)
        event["user"] = copy.deepcopy(user)
        contexts = template["contexts"]
        contexts.update(_browser_contexts(combo))
        contexts["trace"].update(trace_id=stub["trace_id"], span_id=stub["span_id"])
        contexts["organization"].update(id="4507000000000001", slug="acme")
        contexts["ForbiddenError"]["responseJSON"] = {"detail": "You do not have permission to perform this action."}
        event["contexts"] = contexts
        event["context"]["resp"]["message"] = value
        event["errors"] = template["errors"]
        event["dist"] = minified["dist"]
        event["sdk"] = {"name": "sentry.javascript.react", "version": "7.119.0"}
        event["groupingConfig"] = {"enhancements": "eJybzDRxY3J-bm5-npWRgaGlroGxrpGxxcTS_PQkg", "id": "newstyle:2023-01-11"}
        stub["body"] = event
    tag_spec = [
        ("browser", [("Chrome 131.0.0", 55), ("Chrome Mobile 131.0.0", 25), ("Firefox 133.0", 15),
                     ("Mobile Safari 17.4", 5)]),
        ("device", [("Mac", 55), ("Pixel 8 Pro", 25), ("Other", 15), ("iPhone 15 Pro", 5)]),
        ("environment", [("production", 1)]),
        ("level", [("error", 1)]),
        ("os", [("Mac OS X 10.15.7", 55), ("Android 14", 25), ("Windows 10", 15), ("iOS 17.4", 5)]),
        ("release", [(s["release"], w) for s, w in zip(stubs, [10, 20, 30, 40])]),
        ("url", [("https://app.acme.test/settings/acme/members/", 80),
                 ("https://app.acme.test/settings/acme/members/?query=role:admin", 20)]),
        ("user", [(user_tag(_USERS[i]), w) for i, w in [(0, 40), (1, 25), (3, 20), (4, 15)]]),
    ]
    state = {"level": "error", "count": 873, "isUnhandled": False, "logger": None}
    return _spec("js", catalog.JS_API_EVENT, "frontend", "javascript", "error", issue, stubs, tag_spec, state)


# =========================================== 3. native crash (FRONTEND-2) ====

# Images of the crashed process. libart.so is the one of the SDK payload; the
# others are the libraries the remaining addresses of its stack fall into.
_NATIVE_IMAGES = [
    {"type": "elf", "code_file": "/system/framework/arm/boot-framework.oat", "image_addr": "0x70000000",
     "image_size": 16777216, "code_id": "9c1a4e0fd3b26a7c5e8f01d24b7a6e31",
     "debug_id": "0f4e1a9c-b2d3-7c6a-5e8f-01d24b7a6e31"},
    {"type": "elf", "code_file": "/data/app/~~Yx2vQ==/com.acme.shop-1/lib/arm/libacme-native.so",
     "image_addr": "0xbcc00000", "image_size": 262144, "code_id": "4b1d0e2c3f5a6978a1b2c3d4e5f60718",
     "debug_id": "2c0e1d4b-5a3f-7869-a1b2-c3d4e5f60718"},
    {"type": "elf", "code_file": "/system/lib/libhwui.so", "image_addr": "0xc8a00000",
     "image_size": 2097152, "code_id": "77d0c5b1e4f2a3908b6c5d4e3f2a1b0c",
     "debug_id": "b1c5d077-f2e4-90a3-8b6c-5d4e3f2a1b0c"},
    None,  # libart.so, from the payload
    {"type": "elf", "code_file": "/apex/com.android.runtime/lib/bionic/libc.so", "image_addr": "0xe9a00000",
     "image_size": 720896, "code_id": "e3b0c44298fc1c149afbf4c8996fb924",
     "debug_id": "42c4b0e3-fc98-141c-9afb-f4c8996fb924"},
]


def _native_images(payload):
    images = []
    for image in _NATIVE_IMAGES:
        image = copy.deepcopy(image if image else payload["debug_meta"]["images"][0])
        image.update({"arch": "arm", "debug_file": None,
                      "debug_status": "missing" if "libacme" in image["code_file"] else "unused",
                      "unwind_status": "unused"})
        images.append(image)
    return images


def _native_frame(addr, images, trust):
    value = int(addr, 16)
    image = next(i for i in images if int(i["image_addr"], 16) <= value
                 < int(i["image_addr"], 16) + i["image_size"])
    frame = api_frame({"instruction_addr": addr, "package": image["code_file"],
                       "in_app": "libacme" in image["code_file"]})
    frame["trust"] = trust
    return frame


def _native_spec(directory, now):
    project = dirs.project_by_slug_or_id(directory, "frontend")
    issue = {"title": "SIGSEGV: Segfault", "culprit": "", "location": None, "platform": "native",
             "metadata": {"type": "SIGSEGV", "value": "Segfault", "function": "<unknown>",
                          "in_app_frame_mix": "mixed", "initial_priority": 75}}
    ages = [timedelta(days=40, hours=2), timedelta(days=12, hours=5), timedelta(minutes=31)]
    stubs = _stubs("native", project, now, ages)
    payload = fixtures.fresh("ingest/sentry-sample.android-ndk.native.json")
    sdk_exc = payload["exception"]["values"][0]
    devices = [("Galaxy S23 Ultra", "Galaxy S23", "samsung", "13", "TP1A.220624.014"),
               ("Pixel 8 Pro", "Pixel", "google", "14", "UD1A.230803.041"),
               ("Pixel 8 Pro", "Pixel", "google", "14", "UD1A.230803.041")]
    users = [_USERS[5], _USERS[0], _USERS[0]]
    images = _native_images(payload)
    for index, stub in enumerate(stubs):
        model, family, brand, os_version, build = devices[index]
        tags = {"device": model, "environment": "production", "handled": "no", "level": "fatal",
                "mechanism": "signalhandler", "os": f"Android {os_version}", "release": stub["release"],
                "user": user_tag(users[index])}
        stub["tags"] = tags
        event = _shell(catalog.JS_API_EVENT, stub, project, issue)
        addrs = [f["instruction_addr"] for f in sdk_exc["stacktrace"]["frames"]]
        crashed = [_native_frame(a, images, "scan") for a in addrs]
        crashed[-1]["trust"] = "context"
        registers = {"r0": "0x00000000", "r1": "0xbcc2a3f0", "r2": "0x00000001", "r3": "0xe5ed39a3",
                     "r4": "0xd2f8c200", "r5": "0x00000000", "fp": "0xd28fe9d8", "ip": "0xe9a5c3d4",
                     "sp": "0xd28fe9a0", "lr": "0xbcc19681", "pc": addrs[-1], "cpsr": "0x600f0030"}
        main = [_native_frame(a, images, "cfi") for a in ["0x708ebbf9", "0xe5ed9f68", "0xe5edea7b", "0xe9a5c3d4"]]
        render = [_native_frame(a, images, "cfi") for a in ["0xe6094cc6", "0xc8b2e7a1", "0xe9a5b108"]]
        threads = {"type": "threads", "data": {"values": [
            {"id": 9799, "name": "main", "crashed": False, "current": False, "main": True,
             "state": "WAITING", "heldLocks": None, "stacktrace": stacktrace(main), "rawStacktrace": None},
            {"id": 9841, "name": "Thread-7 (acme-image-decoder)", "crashed": True, "current": True,
             "main": False, "state": "RUNNABLE", "heldLocks": None,
             "stacktrace": stacktrace(crashed, registers=registers), "rawStacktrace": None},
            {"id": 9827, "name": "RenderThread", "crashed": False, "current": False, "main": False,
             "state": "WAITING", "heldLocks": None, "stacktrace": stacktrace(render), "rawStacktrace": None},
        ]}}
        exc = exception_value(sdk_exc["type"], sdk_exc["value"], mechanism=copy.deepcopy(sdk_exc["mechanism"]),
                              trace=None, thread_id=9841)
        date = stub["date"].timestamp()
        crumbs = [api_crumb(c) for c in [
            {"timestamp": _from_epoch(date - 41.0), "type": "navigation", "category": "app.lifecycle",
             "message": None, "data": {"state": "foreground"}},
            {"timestamp": _from_epoch(date - 40.2), "type": "navigation", "category": "ui.lifecycle",
             "data": {"screen": "MainActivity", "state": "resumed"}},
            {"timestamp": _from_epoch(date - 12.5), "type": "user", "category": "ui.click",
             "data": {"view.id": "product_gallery", "view.class": "androidx.recyclerview.widget.RecyclerView"}},
            {"timestamp": _from_epoch(date - 3.1), "type": "http", "category": "http",
             "data": {"method": "GET", "url": "https://cdn.acme.test/img/p/88121.webp", "status_code": 200,
                      "response_body_size": 2811904}},
            {"timestamp": _from_epoch(date - 0.4), "type": "default", "category": "device.event",
             "level": "warning", "message": "onTrimMemory: TRIM_MEMORY_RUNNING_LOW", "data": {"level": 10}},
        ]]
        event["entries"] = [
            exception_entry([exc]),
            {"type": "breadcrumbs", "data": {"values": crumbs}},
            threads,
            {"type": "debugmeta", "data": {"images": copy.deepcopy(images), "sdk_info": None,
                                           "is_debug_build": False}},
        ]
        app_version = stub["release"].split("@", 1)[1]
        event["contexts"] = {
            "app": {"app_identifier": "com.acme.shop", "app_name": "Acme Shop", "app_version": app_version,
                    "app_build": app_version.replace(".", ""), "in_foreground": True, "type": "app"},
            "device": {"name": model, "family": family, "model": model, "model_id": build,
                       "arch": "armeabi-v7a", "brand": brand, "manufacturer": brand.capitalize(),
                       "simulator": False, "memory_size": 12000000000, "free_memory": 301989888,
                       "low_memory": True, "orientation": "portrait", "type": "device"},
            "os": {"name": "Android", "version": os_version, "build": build,
                   "kernel_version": "5.15.110-android14-11-g2cf0a5ec3ea4", "rooted": False, "type": "os"},
        }
        event["context"] = {}
        event["tags"] = api_tags(tags)
        event["user"] = copy.deepcopy(users[index])
        event["sdk"] = {"name": "sentry.native.android", "version": "0.6.5"}
        event["packages"] = {}
        event["errors"] = [{"type": "native_missing_dsym",
                            "message": "A required debug information file was missing.",
                            "data": {"image_path": images[1]["code_file"], "image_uuid": images[1]["debug_id"],
                                     "image_name": "libacme-native.so"}}]
        stub["body"] = event
    tag_spec = [
        ("device", [("Pixel 8 Pro", 60), ("Galaxy S23 Ultra", 30), ("Pixel 7a", 10)]),
        ("environment", [("production", 1)]),
        ("handled", [("no", 1)]),
        ("level", [("fatal", 1)]),
        ("mechanism", [("signalhandler", 1)]),
        ("os", [("Android 14", 65), ("Android 13", 35)]),
        ("release", [(s["release"], w) for s, w in zip(stubs, [20, 30, 50])]),
        ("user", [(user_tag(_USERS[0]), 55), (user_tag(_USERS[5]), 45)]),
    ]
    state = {"level": "fatal", "count": 214, "isUnhandled": True, "logger": None}
    return _spec("native", "ingest/sentry-sample.android-ndk.native.json", "frontend", "native", "error",
                 issue, stubs, tag_spec, state)


# ================================================== 3b. cocoa (FRONTEND-3) ====

def _cocoa_spec(directory, now):
    project = dirs.project_by_slug_or_id(directory, "frontend")
    payload = fixtures.fresh("ingest/sentry-sample.cocoa.exception-with-address-instruction.json")
    sdk_exc = payload["exception"]["values"][0]
    title = catalog.error_title(sdk_exc["type"], sdk_exc["value"])
    issue = {"title": title, "culprit": "", "location": None, "platform": "cocoa",
             "metadata": {"type": sdk_exc["type"], "value": sdk_exc["value"],
                          "in_app_frame_mix": "system-only", "initial_priority": 50}}
    ages = [timedelta(days=35, hours=8), timedelta(days=2, hours=1)]
    stubs = _stubs("cocoa", project, now, ages, ["staging", "staging"])
    devices = [("iPhone 13", "iPhone14,5", "17.2"), ("iPhone 15 Pro", "iPhone16,1", "17.4")]
    for index, stub in enumerate(stubs):
        model, model_id, os_version = devices[index]
        tags = {"device": model, "environment": "staging", "level": "error", "os": f"iOS {os_version}",
                "release": stub["release"], "user": user_tag(_USERS[2])}
        stub["tags"] = tags
        event = _shell(catalog.JS_API_EVENT, stub, project, issue)
        frames = []
        for sdk in sdk_exc["stacktrace"]["frames"]:
            sdk = {k: v for k, v in sdk.items() if k != "data"}
            frames.append(api_frame(sdk))
        exc = exception_value(sdk_exc["type"], sdk_exc["value"], trace=stacktrace(frames))
        event["entries"] = [exception_entry([exc])]
        event["contexts"] = {
            "app": {"app_identifier": "com.mparticle.example", "app_name": "mParticleExample",
                    "app_version": stub["release"].split("@", 1)[1], "app_build": "1", "type": "app"},
            "device": {"family": "iOS", "model": model, "model_id": model_id, "arch": "x86_64",
                       "simulator": True, "type": "device"},
            "os": {"name": "iOS", "version": os_version, "build": "21E213", "kernel_version": "Darwin Kernel Version 23.4.0",
                   "rooted": False, "type": "os"},
        }
        event["context"] = {}
        event["tags"] = api_tags(tags)
        event["user"] = copy.deepcopy(_USERS[2])
        event["sdk"] = {"name": "sentry.cocoa", "version": "8.21.0"}
        event["errors"] = []
        stub["body"] = event
    tag_spec = [
        ("device", [("iPhone 15 Pro", 70), ("iPhone 13", 30)]),
        ("environment", [("staging", 1)]),
        ("level", [("error", 1)]),
        ("os", [("iOS 17.4", 70), ("iOS 17.2", 30)]),
        ("release", [(s["release"], w) for s, w in zip(stubs, [40, 60])]),
        ("user", [(user_tag(_USERS[2]), 1)]),
    ]
    state = {"level": "error", "count": 57, "isUnhandled": False, "logger": None, "environments": ["staging"]}
    return _spec("cocoa", "ingest/sentry-sample.cocoa.exception-with-address-instruction.json", "frontend",
                 "cocoa", "error", issue, stubs, tag_spec, state)


# ============================================= 4. message only (BACKEND-2) ====

def _message_spec(directory, now):
    project = dirs.project_by_slug_or_id(directory, "backend")
    template, param = "Payment provider returned %s", "503"
    formatted = template % param
    issue = {"title": formatted, "culprit": "/checkout/confirm/", "location": None, "platform": "python",
             "metadata": {"title": formatted}, "message": formatted}
    ages = [timedelta(days=30, hours=3), timedelta(days=8, hours=2), timedelta(minutes=20)]
    stubs = _stubs("message", project, now, ages)
    plan = [(1, 5), (0, 1), (1, 0)]
    for index, stub in enumerate(stubs):
        combo, user = _BROWSERS[plan[index][0]], _USERS[plan[index][1]]
        tags = {"browser": _browser_tags(combo)["browser"], "environment": "production", "level": "warning",
                "os": _browser_tags(combo)["os"], "release": stub["release"],
                "url": "https://api.acme.test/checkout/confirm/", "user": user_tag(user)}
        stub["tags"] = tags
        event = _shell(catalog.PY_LOG_EVENT, stub, project, issue, event_type="default")
        fixture_entries = {e["type"]: e for e in event["entries"]}
        message = fixture_entries["message"]
        message["data"] = {"message": template, "params": [param], "formatted": formatted}
        date = stub["date"].timestamp()
        crumbs = [api_crumb(c) for c in [
            {"timestamp": _from_epoch(date - 9.7), "category": "query", "message":
             'SELECT "orders_order"."id", "orders_order"."status" FROM "orders_order" WHERE "orders_order"."reference" = %s',
             "data": {"db.params": ["ORD-2245"], "db.executemany": False}},
            {"timestamp": _from_epoch(date - 9.1), "type": "http", "category": "httplib",
             "data": {"method": "POST", "url": "https://api.payments.test/v1/charges", "status_code": 503,
                      "reason": "Service Unavailable"}},
            {"timestamp": _from_epoch(date - 6.0), "category": "billing.gateway", "level": "info",
             "message": "retrying charge for ORD-2245 in 3s (attempt 2 of 3)", "type": "log"},
            {"timestamp": _from_epoch(date - 3.0), "type": "http", "category": "httplib",
             "data": {"method": "POST", "url": "https://api.payments.test/v1/charges", "status_code": 503,
                      "reason": "Service Unavailable"}},
            {"timestamp": _from_epoch(date - 0.1), "category": "billing.gateway", "level": "warning",
             "message": formatted, "type": "log"},
        ]]
        request = fixture_entries["request"]
        request["data"].update({
            "url": "https://api.acme.test/checkout/confirm/", "method": "POST",
            "env": {"SERVER_NAME": "web-2.acme.internal", "SERVER_PORT": "8000"},
            "data": {"order": "ORD-2245", "payment_method": "card"},
            "inferredContentType": "application/x-www-form-urlencoded"})
        for header in request["data"]["headers"]:
            if header[0] == "User-Agent":
                header[1] = combo[7]
            if header[0] == "Host":
                header[1] = "api.acme.test"
            if header[0] == "Content-Type":
                header[1] = "application/x-www-form-urlencoded"
        event["entries"] = [message, {"type": "breadcrumbs", "data": {"values": crumbs}}, request]
        event["tags"] = api_tags(tags)
        event["user"] = copy.deepcopy(user)
        contexts = event["contexts"]
        contexts["browser"] = _browser_contexts(combo)["browser"]
        contexts["os"] = _browser_contexts(combo)["os"]
        contexts["trace"].update(trace_id=stub["trace_id"], span_id=stub["span_id"],
                                 description="/checkout/confirm/")
        stub["body"] = event
    tag_spec = [
        ("browser", [("Chrome 131.0.0", 70), ("Mobile Safari 17.4", 30)]),
        ("environment", [("production", 1)]),
        ("level", [("warning", 1)]),
        ("os", [("Mac OS X 10.15.7", 70), ("iOS 17.4", 30)]),
        ("release", [(s["release"], w) for s, w in zip(stubs, [30, 50, 20])]),
        ("url", [("https://api.acme.test/checkout/confirm/", 1)]),
        ("user", [(user_tag(_USERS[i]), w) for i, w in [(0, 50), (1, 30), (5, 20)]]),
    ]
    state = {"level": "warning", "count": 4210, "isUnhandled": False, "logger": "billing.gateway"}
    return _spec("message", catalog.PY_LOG_EVENT, "backend", "python", "default", issue, stubs, tag_spec, state)


# ================================================= 5. hostile (BACKEND-3) ====

H_CLEAR = hostile.SCREEN_CLEAR_AND_TITLE          # ESC[2J ESC]0;pwned BEL
H_CLIP = hostile.CLIPBOARD_WRITE                  # OSC 52 clipboard write
H_C1 = hostile.C1_CSI_RED                         # U+009B CSI
H_RLO = "\u202e"                                  # RIGHT-TO-LEFT OVERRIDE
H_ZW = "\u200b"                                   # ZERO WIDTH SPACE
H_WIDE = "データベース接続に失敗しました 🔥💥 🇯🇵 café\u0301"


def _hostile_source():
    long_line = "    payload = '" + ("A" * 40 + H_CLEAR + "B" * 40 + "日本語🔥") * 100
    long_line = long_line[:2999] + "'"
    return Source("app/\u202eyp.sliated\u202c.py", APP_ROOT + "app/\u202eyp.sliated\u202c.py",
                  "app.details", f'''
def render{H_CLEAR}(request):
    title = "{H_CLIP}"
    colour = "{H_C1}red"
    name = "{H_RLO}nimda{H_ZW}"
{long_line}
    line = "one\\ntwo\\tthree"
    # {H_WIDE}
    return template.render(title=title, name=name, payload=payload)
''')


def _hostile_spec(directory, now):
    project = dirs.project_by_slug_or_id(directory, "backend")
    exc_type = f"Error{H_CLEAR}"
    value = f"{H_CLIP} {H_C1}red{H_RLO}txet{H_ZW} {H_WIDE}\n\tsecond line\r\x08\x7f"
    issue = {"title": catalog.error_title(exc_type, value), "culprit": f"app.details in render{H_C1}",
             "location": "app/\u202eyp.sliated\u202c.py", "platform": "python",
             "metadata": {"type": exc_type, "value": value, "filename": "app/\u202eyp.sliated\u202c.py",
                          "function": f"render{H_CLEAR}"}}
    ages = [timedelta(days=20, hours=5), timedelta(hours=1, minutes=2)]
    stubs = _stubs("hostile", project, now, ages)
    source = _hostile_source()
    evil_key = f"x-{H_CLEAR}"
    mallory = {"id": None, "email": "mallory@evil.test", "username": "mallory\x1b[5m",
               "ip_address": "203.0.113.66", "name": f"Mallory {H_CLEAR}\u202eyrollaM",
               "geo": None, "data": {"note": H_CLIP}}
    for index, stub in enumerate(stubs):
        tags = {"device": f"iPhone 15 Pro {H_CLEAR}", "environment": "production", "level": "error",
                "release": stub["release"], "url": f"https://app.acme.test/{H_CLEAR}{H_ZW}",
                "user": user_tag(mallory), evil_key: f"{H_C1}{H_RLO}{H_WIDE}\n{H_CLIP}"}
        stub["tags"] = tags
        event = _shell(catalog.PY_EVENT, stub, project, issue)
        vars_ = {"request": f"<WSGIRequest: GET '/{H_CLEAR}'>", "title": H_CLIP, "colour": f"{H_C1}red",
                 "name": f"{H_RLO}nimda{H_ZW}", "multi": "one\ntwo\tthree\r\x08", "名前": H_WIDE,
                 f"key{H_CLEAR}": {"nested": [H_CLIP, f"{H_C1}31m"]}}
        frames = [
            api_frame({"filename": f"django/core/handlers/{H_CLEAR}base.py",
                       "abs_path": SITE + "django/core/handlers/base.py", "module": "django.core.handlers.base",
                       "function": f"_get_response{H_C1}", "lineno": 113,
                       "pre_context": [f"# {H_CLIP}"], "context_line": f"    response = cb(request) {H_RLO}esrever",
                       "post_context": [f"    {H_WIDE}"], "vars": {"callback": f"<function {H_CLEAR}>"},
                       "in_app": False}),
            source.frame("return template.render(", f"render{H_CLEAR}", vars_),
            source.frame("    payload = '", f"\u51e6\u7406\u3059\u308b\U0001F525{H_ZW}", vars_),
        ]
        exc = exception_value(exc_type, value, module=f"app{H_C1}",
                              mechanism={"type": f"django{H_CLEAR}", "handled": False},
                              trace=stacktrace(frames))
        date = stub["date"].timestamp()
        crumbs = [api_crumb(c) for c in [
            {"timestamp": _from_epoch(date - 5), "category": f"ui.click{H_CLEAR}",
             "message": f"button#buy {H_CLIP}"},
            {"timestamp": _from_epoch(date - 4), "type": "http", "category": f"http{H_C1}",
             "data": {"url": f"https://evil.test/{H_CLEAR}", "method": "GET", "status_code": 200,
                      f"x{H_CLEAR}": H_CLIP}},
            {"timestamp": _from_epoch(date - 3), "category": "console", "level": "error",
             "message": f"line one\nline two\r\tTAB {H_RLO}txet desrever{H_ZW}"},
            {"timestamp": _from_epoch(date - 2), "category": f"{H_WIDE}", "level": "warning",
             "message": H_WIDE},
            {"timestamp": _from_epoch(date - 1), "category": "query", "message": "SELECT '" + "x" * 3000 + "'"},
        ]]
        request = {"type": "request", "data": {
            "fragment": H_CLEAR, "cookies": [[f"session{H_CLEAR}", H_CLIP], ["sessionid", "abc"]],
            "inferredContentType": None, "env": {"REMOTE_ADDR": f"203.0.113.66{H_C1}"},
            "headers": [[f"X-Evil{H_CLEAR}", H_CLIP], ["Authorization", f"Bearer {H_CLEAR}"],
                        ["Referer", f"https://app.acme.test/{H_ZW}checkout\nInjected: header"],
                        ["User-Agent", f"Mozilla/5.0 {H_RLO}(evil){H_C1}31m"], ["X-Wide", H_WIDE]],
            "url": f"https://app.acme.test/{H_CLEAR}", "query": [[f"q{H_CLEAR}", H_CLIP]],
            "data": {"comment": f"{H_WIDE}\n{H_CLIP}"}, "method": "GET"}}
        event["entries"] = [exception_entry([exc]), {"type": "breadcrumbs", "data": {"values": crumbs}}, request]
        event["tags"] = api_tags(tags)
        event["user"] = copy.deepcopy(mallory)
        event["contexts"] = {"os": {"name": f"Linux{H_CLEAR}", "version": H_C1, "type": "os"},
                             f"evil{H_CLEAR}": {"type": "default", "payload": H_CLIP, "wide": H_WIDE,
                                                "bidi": hostile.BIDI_SPOOF, "zw": hostile.ZERO_WIDTH}}
        event["context"] = {"note": hostile.LINE_BREAKERS}
        stub["body"] = event
    tag_spec = [
        ("device", [(f"iPhone 15 Pro {H_CLEAR}", 1)]),
        ("environment", [("production", 1)]),
        ("level", [("error", 1)]),
        ("release", [(s["release"], w) for s, w in zip(stubs, [60, 40])]),
        ("url", [(f"https://app.acme.test/{H_CLEAR}{H_ZW}", 1)]),
        ("user", [(user_tag(mallory), 1)]),
        (evil_key, [(f"{H_C1}{H_RLO}{H_WIDE}\n{H_CLIP}", 1)]),
    ]
    state = {"level": "error", "count": 66, "isUnhandled": True, "logger": None}
    return _spec("hostile", catalog.PY_EVENT, "backend", "python", "error", issue, stubs, tag_spec, state)


# =================================================== 6. nulls (BACKEND-4) ====

_NULL_TOP = ["user", "contexts", "context", "tags", "release", "sdk", "packages", "dist", "location",
             "culprit", "message", "errors", "_meta", "userReport", "fingerprints", "groupingConfig",
             "crashFile", "size"]


def _nulls_spec(directory, now):
    project = dirs.project_by_slug_or_id(directory, "backend")
    issue = {"title": "TypeError: 'NoneType' object is not iterable", "culprit": "", "location": None,
             "platform": "python", "metadata": {"type": "TypeError", "value": "'NoneType' object is not iterable"}}
    ages = [timedelta(days=14, hours=2), timedelta(days=5, hours=4), timedelta(hours=2, minutes=5)]
    stubs = _stubs("nulls", project, now, ages)
    for index, stub in enumerate(stubs):
        event = _shell(catalog.PY_EVENT, stub, project, issue)
        if index == 0:  # entries null and every optional top-level key null
            for key in _NULL_TOP:
                event[key] = None
            event["entries"] = None
            stub["tags"] = {}
        elif index == 1:  # every entry present with data null; tags and the rest normal
            tags = {"browser": "Chrome 131.0.0", "device": "Mac", "environment": "production", "level": "error",
                    "os": "Mac OS X 10.15.7", "url": "https://api.acme.test/api/0/export/",
                    "user": user_tag(_USERS[1])}
            stub["tags"] = tags
            event["tags"] = api_tags(tags)
            event["user"] = copy.deepcopy(_USERS[1])
            event["release"] = None
            event["entries"] = [{"type": kind, "data": None} for kind in
                                ("exception", "message", "breadcrumbs", "request", "threads",
                                 "stacktrace", "debugmeta")]
        else:  # the entries exist but are null or empty inside
            for key in ("user", "contexts", "context", "tags", "release", "sdk", "packages"):
                event[key] = None
            stub["tags"] = {}
            bare = api_frame({})
            bare.pop("context")  # "context" missing altogether
            only_line = api_frame({"lineno": 12})
            only_line["vars"] = {}
            no_function = api_frame({"filename": "app/export.py", "abs_path": None, "lineno": 88,
                                     "context_line": "    rows = list(query)", "in_app": True})
            no_function["vars"] = None
            values = [
                exception_value("ValueError", None),  # no value, no mechanism, stacktrace null
                exception_value(None, "a value without a type",
                                trace={"frames": None, "framesOmitted": None, "registers": None,
                                       "hasSystemFrames": False}),
                exception_value("IndexError", "empty frames list", trace=stacktrace([])),
                exception_value("TypeError", "'NoneType' object is not iterable",
                                mechanism={"type": "generic", "handled": None},
                                trace=stacktrace([bare, only_line, no_function])),
            ]
            event["entries"] = [
                {"type": "exception", "data": {"values": values, "excOmitted": None, "hasSystemFrames": False}},
                {"type": "message", "data": {"formatted": None, "message": None, "params": None}},
                {"type": "breadcrumbs", "data": {"values": [
                    {"type": None, "timestamp": None, "level": None, "message": None, "category": None,
                     "data": None, "event_id": None},
                    api_crumb({"timestamp": _from_epoch(stub["date"].timestamp() - 1)}),
                ]}},
                {"type": "breadcrumbs", "data": {"values": None}},
                {"type": "request", "data": {"url": None, "method": None, "query": None, "fragment": None,
                                             "data": None, "headers": None, "cookies": None, "env": None,
                                             "inferredContentType": None}},
                {"type": "threads", "data": {"values": [{"id": None, "name": None, "crashed": None,
                                                         "current": None, "stacktrace": None,
                                                         "rawStacktrace": None}]}},
                {"type": "stacktrace", "data": {"frames": None, "framesOmitted": None, "registers": None,
                                                "hasSystemFrames": False}},
            ]
        stub["body"] = event
    tag_spec = [
        ("browser", [("Chrome 131.0.0", 60), ("Firefox 133.0", 40)]),
        ("device", [("Mac", 60), ("Other", 40)]),
        ("environment", [("production", 1)]),
        ("level", [("error", 1)]),
        ("os", [("Mac OS X 10.15.7", 60), ("Windows 10", 40)]),
        ("url", [("https://api.acme.test/api/0/export/", 1)]),
        ("user", [(user_tag(_USERS[1]), 60), (user_tag(_USERS[3]), 40)]),
    ]
    # Two of the three served events have no tags at all, so the tag totals are
    # the count minus those two (Sentry counts only events that carry a key).
    state = {"level": "error", "count": 12, "isUnhandled": False, "logger": None, "tag_total": 10,
             "has_release": False}
    return _spec("nulls", catalog.PY_EVENT, "backend", "python", "error", issue, stubs, tag_spec, state)


# ============================================ 6b. 500 frames (BACKEND-5) ====

CATALOG_TREE = _py_source("catalog/tree.py", '''
def walk(node, depth=0):
    """Depth-first list of (depth, node) for the category tree under `node`."""
    result = [(depth, node)]
    for child in node.children.all():
        result.extend(walk(child, depth + 1))
    return result
''')

CATALOG_VIEWS = _py_source("catalog/views.py", '''
from django.http import JsonResponse
from django.views import View

from catalog.models import Category
from catalog.tree import walk


class CategoryTreeView(View):
    def get(self, request, slug):
        root = Category.objects.get(slug=slug)
        rows = walk(root)
        return JsonResponse({"categories": [{"depth": d, "name": c.name} for d, c in rows]})
''')

FRAME_ALLOWANCE = 50  # Sentry's slim_frame_data keeps context and vars of 25 frames at each end


def _deep_spec(directory, now):
    project = dirs.project_by_slug_or_id(directory, "backend")
    value = "maximum recursion depth exceeded while calling a Python object"
    issue = {"title": f"RecursionError: {value}", "culprit": "/catalog/tree/<slug>/", "location": "catalog/tree.py",
             "platform": "python",
             "metadata": {"type": "RecursionError", "value": value, "filename": "catalog/tree.py",
                          "function": "walk", "in_app_frame_mix": "mixed"}}
    ages = [timedelta(days=10, hours=1), timedelta(hours=6, minutes=30)]
    stubs = _stubs("deep", project, now, ages)
    cycle = ["Electronics", "Audio", "Headphones", "Accessories", "Electronics (legacy)"]
    for index, stub in enumerate(stubs):
        tags = {"browser": "Chrome 131.0.0", "device": "Mac", "environment": "production", "level": "error",
                "os": "Mac OS X 10.15.7", "release": stub["release"],
                "url": "https://api.acme.test/catalog/tree/electronics/", "user": user_tag(_USERS[index])}
        stub["tags"] = tags
        event = _shell(catalog.PY_EVENT, stub, project, issue)
        frames = _django_frames()
        for frame in frames:
            frame["inApp"] = False
        frames.append(CATALOG_VIEWS.frame("rows = walk(root)", "get",
                                          {"self": "<catalog.views.CategoryTreeView object at 0x7f3a2c1e5d90>",
                                           "request": "<WSGIRequest: GET '/catalog/tree/electronics/'>",
                                           "slug": "'electronics'", "root": "<Category: Electronics>"}))
        depth = 0
        while len(frames) < 500:
            frames.append(CATALOG_TREE.frame("result.extend(walk(child, depth + 1))", "walk",
                                             {"node": f"<Category: {cycle[depth % len(cycle)]}>",
                                              "depth": str(depth),
                                              "result": f"[(depth={depth}, <Category: {cycle[depth % len(cycle)]}>)]",
                                              "child": f"<Category: {cycle[(depth + 1) % len(cycle)]}>"}))
            depth += 1
        half = FRAME_ALLOWANCE // 2
        for frame in frames[half:len(frames) - half]:
            frame["context"] = []
            frame["vars"] = None
        exc = exception_value("RecursionError", value, mechanism={"type": "django", "handled": False},
                              trace=stacktrace(frames))
        event["entries"] = [exception_entry([exc])]
        event["tags"] = api_tags(tags)
        event["user"] = copy.deepcopy(_USERS[index])
        event["contexts"]["trace"].update(trace_id=stub["trace_id"], span_id=stub["span_id"],
                                          description="GET /catalog/tree/<slug>/")
        stub["body"] = event
    tag_spec = [
        ("browser", [("Chrome 131.0.0", 1)]),
        ("device", [("Mac", 1)]),
        ("environment", [("production", 1)]),
        ("level", [("error", 1)]),
        ("os", [("Mac OS X 10.15.7", 1)]),
        ("release", [(s["release"], w) for s, w in zip(stubs, [50, 50])]),
        ("url", [("https://api.acme.test/catalog/tree/electronics/", 1)]),
        ("user", [(user_tag(_USERS[0]), 50), (user_tag(_USERS[1]), 50)]),
    ]
    state = {"level": "error", "count": 9, "isUnhandled": True, "logger": None}
    return _spec("deep", catalog.PY_EVENT, "backend", "python", "error", issue, stubs, tag_spec, state)


# ====================================================== 7. Go (BACKEND-6) ====

def _go_spec(directory, now):
    project = dirs.project_by_slug_or_id(directory, "backend")
    template = fixtures.api(catalog.GO_EVENT)
    issue = {"title": template["title"], "culprit": template["culprit"], "location": template["location"],
             "platform": "go", "metadata": template["metadata"], "message": template["message"]}
    ages = [timedelta(days=5, hours=6), timedelta(days=2, hours=3), timedelta(minutes=40)]
    stubs = _stubs("go", project, now, ages)
    servers = ["7337a9a27ac6", "b91e04c2d5f8", "e0c4a7713b2d"]
    for index, stub in enumerate(stubs):
        stub["release"] = None
        event = _shell(catalog.GO_EVENT, stub, project, issue)
        event.update(errors=template["errors"], fingerprints=template["fingerprints"],
                     groupingConfig=template["groupingConfig"])
        tags = {t["key"]: t["value"] for t in template["tags"]}
        tags.update(server_name=servers[index], environment="production")
        stub["tags"] = tags
        event["tags"] = [{"value": value, "key": key, "_meta": None} for key, value in sorted(tags.items())]
        stub["body"] = event
    tag_spec = [
        ("environment", [("production", 1)]),
        ("level", [("error", 1)]),
        ("os.name", [("linux", 1)]),
        ("runtime", [("go go1.12.17", 1)]),
        ("runtime.name", [("go", 1)]),
        ("server_name", [(name, 1) for name in servers]),
    ]
    state = {"level": "error", "count": 3, "isUnhandled": False, "logger": None, "has_release": False,
             "substatus": "new"}
    return _spec("go", catalog.GO_EVENT, "backend", "go", "error", issue, stubs, tag_spec, state)


# ------------------------------------------------------------ assembly ----

def _spec(slug, fixture, project_slug, platform, group_type, issue, stubs, tag_spec, state):
    metadata = issue["metadata"]
    variant = catalog.Variant(
        kind="events:" + slug, project=project_slug, platform=platform, event_fixture=fixture,
        group_type=group_type, issue_type="error", category="error", title=issue["title"],
        culprit=issue["culprit"], metadata=metadata, level=state["level"], logger=state.get("logger"),
        exc_type=metadata.get("type"), exc_value=metadata.get("value"), function=metadata.get("function"),
        filename=metadata.get("filename"), handled=not state.get("isUnhandled"))
    return {"slug": slug, "variant": variant, "stubs": stubs, "tag_spec": tag_spec, "state": state}


SPEC_BUILDERS = [_chained_spec, _js_spec, _native_spec, _cocoa_spec, _message_spec, _hostile_spec,
                 _nulls_spec, _deep_spec, _go_spec]


def issue_specs(directory, now):
    """The issues of the `events` data set, in first-seen order."""
    specs = [build(directory, now) for build in SPEC_BUILDERS]
    for spec in specs:
        stubs = spec["stubs"]
        known = {(key, value) for key, pairs in spec["tag_spec"] for value, _ in pairs}
        for stub in stubs:
            missing = set(stub["tags"].items()) - known
            if missing:
                raise ValueError(f"{spec['slug']}: event tags {missing} missing from the issue's tags")
        first, last = stubs[0]["date"], stubs[-1]["date"]
        total = spec["state"].get("tag_total", spec["state"]["count"])
        spec["tags"] = tag_table(spec["tag_spec"], total, first, last, stubs)
        users = spec["tags"].get("user")
        spec["userCount"] = users["unique"] if users else 0
    return specs
