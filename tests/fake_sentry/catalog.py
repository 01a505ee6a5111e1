"""The kinds of issues the demo data set is made of, and plausible variants of each.

Every kind is anchored on one real event fixture (its stack trace, request,
breadcrumbs and contexts are served as the issue's events); the variants vary
the exception type/value, the code location and hence title, culprit and
metadata, so that a list of 300 issues looks like a real project and not like
300 copies of one fixture.

Titles follow Sentry's rules: error events are "<type>: <first line of value>"
(just "<type>" when the value is empty); message events use the message.
Culprits: Python/Go "module in function", JavaScript "function(module)",
transactions and PHP the route or URL.
"""

from dataclasses import dataclass, field

PY_EVENT = "oss-sentry.event.python_zero_division.json"
PY_LOG_EVENT = "oss-sentry.event.python_logging.json"
GO_EVENT = "oss-sentry.event.go_file_not_found.json"
PHP_EVENT = "oss-sentry.event.php_message_event.json"
JS_SMALL_EVENT = "oss-sentry.event.small_js_error.json"
JS_BREADCRUMB_EVENT = "oss-sentry.event.js_event_with_unix_timestamp.json"
JS_API_EVENT = "openapi.issue-event.javascript.json"
JS_WORKER_EVENT = "sentry-mcp.event-latest.javascript.json"
JS_MINIFIED_EVENT = "sentry-cli.project-event.javascript-minified.json"  # ingest form, converted
N_PLUS_ONE_EVENT = "sentry-mcp.event.transaction-n-plus-one.json"
TRANSACTION_EVENT = "sentry-mcp.event.transaction.json"

# ---------------------------------------------------------------- Python ----

PY_LOCATIONS = [
    ("app.views", "checkout", "app/views.py"),
    ("billing.invoices", "compute_tax", "billing/invoices.py"),
    ("accounts.services", "get_profile", "accounts/services.py"),
    ("orders.models", "save", "orders/models.py"),
    ("api.serializers", "to_internal_value", "api/serializers.py"),
    ("workers.mailer", "send_batch", "workers/mailer.py"),
    ("integrations.stripe", "create_charge", "integrations/stripe.py"),
    ("reports.aggregates", "sum_revenue", "reports/aggregates.py"),
    ("catalog.search", "rank_results", "catalog/search.py"),
    ("webhooks.github", "parse_payload", "webhooks/github.py"),
    ("imports.csv", "read_rows", "imports/csv.py"),
    ("cache.backends", "get", "cache/backends.py"),
    ("shipping.client", "quote", "shipping/client.py"),
    ("auth.tokens", "refresh", "auth/tokens.py"),
    ("notifications.push", "deliver", "notifications/push.py"),
    ("inventory.sync", "reconcile", "inventory/sync.py"),
    ("app.middleware", "process_request", "app/middleware.py"),
    ("analytics.export", "build_report", "analytics/export.py"),
    ("search.indexer", "index_document", "search/indexer.py"),
    ("payments.refunds", "issue_refund", "payments/refunds.py"),
    ("errors.views", "get", "errors/views.py"),
]

# (exception type, value template, {placeholder: choices})
PY_ERRORS = [
    ("ZeroDivisionError", "division by zero", {}),
    ("KeyError", "'{key}'", {"key": ["user_id", "sku", "currency", "tenant_id",
                                     "HTTP_X_REQUEST_ID", "shipping_address"]}),
    ("AttributeError", "'NoneType' object has no attribute '{attr}'",
     {"attr": ["id", "email", "items", "total", "profile"]}),
    ("TypeError", "unsupported operand type(s) for +: 'int' and 'NoneType'", {}),
    ("TypeError", "'NoneType' object is not subscriptable", {}),
    ("TypeError", "{func}() got an unexpected keyword argument 'timeout'",
     {"func": ["send_mail", "fetch_rates", "charge"]}),
    ("ValueError", "invalid literal for int() with base 10: '{text}'",
     {"text": ["abc", "", "12a", "None"]}),
    ("OperationalError", "could not connect to server: Connection refused\n"
     "\tIs the server running on host \"db-primary.internal\" (10.0.3.7) and accepting\n"
     "\tTCP/IP connections on port 5432?", {}),
    ("OperationalError", "server closed the connection unexpectedly\n"
     "\tThis probably means the server terminated abnormally\n"
     "\tbefore or while processing the request.", {}),
    ("IntegrityError", "duplicate key value violates unique constraint \"{constraint}\"\n"
     "DETAIL:  Key (reference)=(ORD-2231) already exists.",
     {"constraint": ["orders_order_reference_key", "accounts_user_email_key"]}),
    ("DoesNotExist", "{model} matching query does not exist.",
     {"model": ["Order", "Customer", "Invoice", "Subscription"]}),
    ("TimeoutError", "timed out", {}),
    ("ConnectionResetError", "[Errno 104] Connection reset by peer", {}),
    ("ReadTimeout", "HTTPSConnectionPool(host='{host}', port=443): Read timed out. (read timeout=10)",
     {"host": ["api.stripe.com", "api.shipping.test", "hooks.slack.com"]}),
    ("JSONDecodeError", "Expecting value: line 1 column 1 (char 0)", {}),
    ("UnicodeDecodeError", "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte", {}),
    ("RecursionError", "maximum recursion depth exceeded while calling a Python object", {}),
    ("MemoryError", "", {}),
    ("ConnectionError", "Error 111 connecting to redis.internal:6379. Connection refused.", {}),
    ("PermissionDenied", "You do not have permission to perform this action.", {}),
    ("SoftTimeLimitExceeded", "SoftTimeLimitExceeded()", {}),
    ("ValidationError", "['Enter a valid email address.']", {}),
]

PY_LOG_MESSAGES = [
    ("This is a warning: %s", ["warning"], "/logger-warning/", "errors.views"),
    ("Payment provider returned %s", ["502", "503", "429"], "billing.tasks in reconcile", "billing.tasks"),
    ("Retrying webhook delivery to %s (attempt 3 of 5)", ["hooks.slack.com", "api.partner.test"],
     "webhooks.delivery in retry", "webhooks.delivery"),
    ("User %s exceeded rate limit on /api/0/orders/", ["4212", "77", "90210"],
     "app.middleware in rate_limit", "django.request"),
    ("Cache miss ratio above threshold: %s", ["37%", "52%"], "cache.backends in get", "cache"),
    ("Celery task %s took longer than expected", ["billing.tasks.reconcile", "reports.tasks.nightly"],
     "celery.app.trace in run", "celery.worker"),
    ("Disk usage at %s on worker-3", ["91%", "97%"], "ops.health in check_disk", "ops.health"),
    ("Falling back to default locale for %s", ["pt-BR", "zh-Hant"], "i18n.loader in load", "i18n"),
]

# -------------------------------------------------------------------- Go ----

GO_LOCATIONS = [
    ("main", "main", "file-not-found.go"),
    ("worker", "(*Pool).process", "worker/pool.go"),
    ("ingest", "(*Consumer).Run", "ingest/consumer.go"),
    ("gateway", "proxyHandler", "gateway/proxy.go"),
]

GO_ERRORS = [
    ("*os.PathError", "open {path}: no such file or directory",
     {"path": ["./test.txt", "/etc/acme/config.yaml", "/var/run/secrets/token"]}, "error"),
    ("*net.OpError", "dial tcp {addr}: connect: connection refused",
     {"addr": ["10.0.4.12:6379", "10.0.3.7:5432"]}, "error"),
    ("*errors.errorString", "context deadline exceeded", {}, "error"),
    ("*url.Error", "Get \"https://api.partner.test/v2/rates\": EOF", {}, "error"),
    ("runtime.Error", "runtime error: invalid memory address or nil pointer dereference", {}, "fatal"),
    ("runtime.Error", "runtime error: index out of range [3] with length 3", {}, "fatal"),
]

# ------------------------------------------------------------------- PHP ----

PHP_MESSAGES = [
    ("My raw message with interpreted strings8 like {foo}", "http://localhost:8080/", "error"),
    ("Undefined array key \"email\"", "https://legacy.acme.test/cart.php", "warning"),
    ("Deprecated: Function strftime() is deprecated", "https://legacy.acme.test/admin/export.php", "info"),
    ("Allowed memory size of 134217728 bytes exhausted (tried to allocate 20480 bytes)",
     "https://legacy.acme.test/admin/export.php", "fatal"),
    ("Call to a member function format() on null", "https://legacy.acme.test/index.php", "error"),
]

# ----------------------------------------------------------- performance ----

PERFORMANCE_ISSUES = [
    ("performance_n_plus_one_db_queries", "N+1 Query",
     "SELECT * FROM users WHERE id = %s", "GET /api/users"),
    ("performance_n_plus_one_db_queries", "N+1 Query",
     'SELECT "orders_item"."id", "orders_item"."sku" FROM "orders_item" WHERE "orders_item"."order_id" = %s',
     "GET /api/orders/"),
    ("performance_slow_db_query", "Slow DB Query",
     "SELECT * FROM events WHERE project_id = %s ORDER BY timestamp DESC", "GET /api/events/"),
    ("performance_consecutive_http", "Consecutive HTTP",
     "GET https://api.shipping.test/v1/rates", "POST /api/checkout/"),
]

REGRESSIONS = [
    ("POST /oauth/token", "Increased from 909.77ms to 1711.36ms (P95)"),
    ("GET /api/orders/", "Increased from 212.40ms to 655.02ms (P95)"),
    ("POST /api/checkout/", "Increased from 1.20s to 3.41s (P95)"),
]

# ------------------------------------------------------------ JavaScript ----

JS_LOCATIONS = [
    ("renderUserCard", "src/components/UserCard", "/static/js/main.4f2a1c.js"),
    ("handleSubmit", "src/pages/Checkout", "/static/js/checkout.9b81e0.js"),
    ("useCart", "src/hooks/useCart", "/static/js/main.4f2a1c.js"),
    ("fetchJSON", "src/api/client", "/static/js/main.4f2a1c.js"),
    ("onMessage", "src/workers/sync", "/static/js/sync.worker.js"),
    ("Grid.measure", "src/layout/Grid", "/static/js/vendors.e1d7.js"),
    ("viewWrappedDebugError", "vendor", "/vendor.js"),
    ("?", "dist/bundle", "/dist/bundle.js"),
]

# (type, value template, fills, level, event fixture)
JS_ERRORS = [
    ("TypeError", "Cannot read properties of undefined (reading '{prop}')",
     {"prop": ["id", "map", "length", "name", "data"]}, "error", JS_SMALL_EVENT),
    ("TypeError", "Cannot read properties of null (reading 'addEventListener')", {}, "error", JS_BREADCRUMB_EVENT),
    ("TypeError", "undefined is not an object (evaluating 'e.data.items')", {}, "error", JS_SMALL_EVENT),
    ("TypeError", "Failed to fetch", {}, "error", JS_BREADCRUMB_EVENT),
    ("TypeError", "NetworkError when attempting to fetch resource.", {}, "error", JS_BREADCRUMB_EVENT),
    ("TypeError", "{name}.map is not a function", {"name": ["items", "response.results"]}, "error", JS_SMALL_EVENT),
    ("ReferenceError", "{name} is not defined", {"name": ["analytics", "gtag", "process", "Buffer"]},
     "error", JS_SMALL_EVENT),
    ("ChunkLoadError", "Loading chunk {n} failed.\n(error: https://app.acme.test/static/js/{n}.a81f3c.js)",
     {"n": ["532", "87", "1204"]}, "error", JS_BREADCRUMB_EVENT),
    ("SyntaxError", "Unexpected token '<', \"<!DOCTYPE \"... is not valid JSON", {}, "error", JS_API_EVENT),
    ("RangeError", "Maximum call stack size exceeded", {}, "fatal", JS_SMALL_EVENT),
    ("Error", "ResizeObserver loop completed with undelivered notifications.", {}, "warning", JS_BREADCRUMB_EVENT),
    ("Error", "Minified React error #{code}; visit https://react.dev/errors/{code} for the full message "
     "or use the non-minified dev environment for full errors and additional helpful warnings.",
     {"code": ["418", "423", "425"]}, "error", JS_MINIFIED_EVENT),
    ("AbortError", "The user aborted a request.", {}, "info", JS_BREADCRUMB_EVENT),
    ("SecurityError", "Failed to read the 'localStorage' property from 'Window': "
     "Access is denied for this document.", {}, "warning", JS_SMALL_EVENT),
    ("UnhandledRejection", "Non-Error promise rejection captured with value: undefined", {}, "error", JS_SMALL_EVENT),
    ("Error", "A Generic Error 9371d7", {}, "error", JS_BREADCRUMB_EVENT),
    ("Error", "this is an error", {}, "error", JS_SMALL_EVENT),
    ("Error", "whoops", {}, "error", JS_MINIFIED_EVENT),
    ("ForbiddenError", "GET /api/0/organizations/acme/users/ 403", {}, "error", JS_API_EVENT),
    ("NotFoundError", "GET /api/v2/cart/ 404", {}, "warning", JS_API_EVENT),
    ("ApiError", "POST /api/v2/checkout/ 500", {}, "error", JS_API_EVENT),
    ("Error", "Tool {tool} is already registered",
     {"tool": ["list_organizations", "find_issues", "get_trace"]}, "error", JS_WORKER_EVENT),
]


@dataclass
class Variant:
    """Everything about an issue that follows from what went wrong and where."""
    kind: str
    project: str                      # project slug
    platform: str
    event_fixture: str
    group_type: str                   # the issue's `type`
    issue_type: str                   # `issueType`
    category: str                     # `issueCategory`
    title: str
    culprit: str
    metadata: dict
    level: str
    logger: str = None
    exc_type: str = None
    exc_value: str = None
    module: str = None
    function: str = None
    filename: str = None
    message_template: str = None
    message_params: list = field(default_factory=list)
    handled: bool = None


def _fill(rng, template, fills):
    chosen = {key: rng.choice(values) for key, values in fills.items()}
    return template.format(**chosen) if chosen else template


def error_title(exc_type, value):
    first_line = value.splitlines()[0] if value else ""
    return f"{exc_type}: {first_line}" if first_line else exc_type


def _error_metadata(exc_type, value, filename, function):
    return {"type": exc_type, "value": value, "filename": filename, "function": function,
            "in_app_frame_mix": "mixed", "initial_priority": 75}


def _pick_level(rng, weights):
    levels, shares = zip(*weights)
    return rng.choices(levels, weights=shares)[0]


def python_error(rng):
    exc_type, template, fills = rng.choice(PY_ERRORS)
    module, function, filename = rng.choice(PY_LOCATIONS)
    value = _fill(rng, template, fills)
    level = _pick_level(rng, [("error", 86), ("fatal", 6), ("warning", 8)])
    return Variant(
        kind="python_error", project="backend", platform="python", event_fixture=PY_EVENT,
        group_type="error", issue_type="error", category="error",
        title=error_title(exc_type, value), culprit=f"{module} in {function}",
        metadata=_error_metadata(exc_type, value, filename, function), level=level,
        exc_type=exc_type, exc_value=value, module=module, function=function, filename=filename,
        handled=rng.random() < 0.3)


def python_log_message(rng):
    template, params, culprit, logger = rng.choice(PY_LOG_MESSAGES)
    param = rng.choice(params)
    message = template % param
    level = _pick_level(rng, [("warning", 45), ("info", 25), ("error", 20), ("debug", 10)])
    return Variant(
        kind="python_log", project="backend", platform="python", event_fixture=PY_LOG_EVENT,
        group_type="default", issue_type="error", category="error",
        title=message, culprit=culprit, metadata={"title": message}, level=level, logger=logger,
        message_template=template, message_params=[param])


def go_error(rng):
    exc_type, template, fills, level = rng.choice(GO_ERRORS)
    module, function, filename = rng.choice(GO_LOCATIONS)
    value = _fill(rng, template, fills)
    return Variant(
        kind="go_error", project="backend", platform="go", event_fixture=GO_EVENT,
        group_type="error", issue_type="error", category="error",
        title=error_title(exc_type, value), culprit=f"{module} in {function}",
        metadata=_error_metadata(exc_type, value, filename, function), level=level,
        exc_type=exc_type, exc_value=value, module=module, function=function, filename=filename,
        handled=level != "fatal")


def php_message(rng):
    message, url, level = rng.choice(PHP_MESSAGES)
    return Variant(
        kind="php_message", project="backend", platform="php", event_fixture=PHP_EVENT,
        group_type="default", issue_type="error", category="error",
        title=message, culprit=url, metadata={"title": message}, level=level, logger="php",
        message_template=message)


def performance_issue(rng):
    slug, label, query, route = rng.choice(PERFORMANCE_ISSUES)
    title = f"{label}: {query}"
    return Variant(
        kind="performance", project="backend", platform="python", event_fixture=N_PLUS_ONE_EVENT,
        group_type=slug, issue_type=slug, category="performance",
        title=title, culprit=route,
        metadata={"title": title, "location": route, "value": query},
        level=_pick_level(rng, [("warning", 70), ("info", 30)]))


def regression_issue(rng):
    route, value = rng.choice(REGRESSIONS)
    return Variant(
        kind="regression", project="backend", platform="python", event_fixture=TRANSACTION_EVENT,
        group_type="generic", issue_type="performance_p95_endpoint_regression", category="metric",
        title="Endpoint Regression", culprit=route,
        metadata={"title": "Endpoint Regression", "value": value, "initial_priority": 50},
        level="info")


def javascript_error(rng):
    exc_type, template, fills, base_level, fixture = rng.choice(JS_ERRORS)
    function, module, filename = rng.choice(JS_LOCATIONS)
    value = _fill(rng, template, fills)
    level = base_level if rng.random() < 0.8 else _pick_level(rng, [("error", 70), ("warning", 30)])
    culprit = f"?({filename})" if function == "?" else f"{function}({module})"
    return Variant(
        kind="javascript_error", project="frontend", platform="javascript", event_fixture=fixture,
        group_type="error", issue_type="error", category="error",
        title=error_title(exc_type, value), culprit=culprit,
        metadata=_error_metadata(exc_type, value, filename, None if function == "?" else function),
        level=level, exc_type=exc_type, exc_value=value, module=module,
        function=None if function == "?" else function, filename=filename,
        handled=rng.random() < 0.4)


# (generator, relative weight): roughly 55% backend, 45% frontend.
KINDS = [
    (python_error, 30),
    (python_log_message, 8),
    (go_error, 6),
    (php_message, 4),
    (performance_issue, 5),
    (regression_issue, 2),
    (javascript_error, 45),
]


def random_variant(rng):
    generators, weights = zip(*KINDS)
    return rng.choices(generators, weights=weights)[0](rng)
