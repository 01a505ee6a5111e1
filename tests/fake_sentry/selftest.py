#!/usr/bin/env python3
"""Quick self-test of the fake Sentry server (standard library only, a few seconds).

Starts server.py in subprocesses on ephemeral ports and checks the behaviour the
screen tests rely on. Ends with the line "N passed, N failed"; exits non-zero
when anything failed.
"""

import http.client
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
import unittest
from urllib.parse import quote

HERE = os.path.dirname(os.path.abspath(__file__))
SERVER = os.path.join(HERE, "server.py")
FIXTURES = os.path.join(HERE, "..", "fixtures", "sentry", "api")
NOW = "2026-11-20T12:00:00Z"
TOKEN = "demo-token"
ISSUES = "/api/0/organizations/acme/issues/"
LINK_ENTRY = re.compile(r'<([^>]*)>; rel="(\w+)"; results="(true|false)"; cursor="([^"]*)"')


class FakeServer:
    """One server.py subprocess; stopped with SIGTERM."""

    def __init__(self, *extra_args):
        self.dir = tempfile.TemporaryDirectory(prefix="fake-sentry-selftest-")
        self.port_file = os.path.join(self.dir.name, "port")
        self.log_file = os.path.join(self.dir.name, "requests.jsonl")
        self.process = subprocess.Popen(
            [sys.executable, SERVER, "--port-file", self.port_file, "--log", self.log_file,
             "--now", NOW, *extra_args])
        deadline = time.monotonic() + 10
        while not os.path.exists(self.port_file):
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("fake server did not start")
            time.sleep(0.02)
        with open(self.port_file, encoding="ascii") as handle:
            self.port = int(handle.read().strip())

    def request(self, method, path, body=None, token=TOKEN, headers=None, timeout=5):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        sent = dict(headers or {})
        if token:
            sent["Authorization"] = f"Bearer {token}"
        data = None
        if body is not None:
            data = json.dumps(body).encode("utf-8")
            sent["Content-Type"] = "application/json"
        connection.request(method, path, body=data, headers=sent)
        response = connection.getresponse()
        raw = response.read()
        connection.close()
        return response.status, response, raw

    def json(self, method, path, body=None, **kwargs):
        status, response, raw = self.request(method, path, body, **kwargs)
        return status, response, (json.loads(raw) if raw else None)

    def control(self, method, path, body=None):
        return self.json(method, "/__control/" + path, body, token=None)

    def log_entries(self):
        with open(self.log_file, encoding="utf-8") as handle:
            return [json.loads(line) for line in handle if line.strip()]

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=5)
        finally:
            self.dir.cleanup()


def parse_link(header):
    return [dict(zip(("url", "rel", "results", "cursor"), m.groups())) for m in LINK_ENTRY.finditer(header)]


class DemoServerTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = FakeServer("--dataset", "demo")

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def tearDown(self):
        self.server.control("POST", "faults", [])

    def test_401_without_token(self):
        status, _, body = self.server.json("GET", ISSUES, token=None)
        self.assertEqual((status, body), (401, {"detail": "Authentication credentials were not provided."}))
        status, _, body = self.server.json("GET", ISSUES, token="wrong")
        self.assertEqual((status, body), (401, {"detail": "Invalid token"}))

    def test_first_page_has_100_issues_and_a_next_link(self):
        status, response, body = self.server.json("GET", ISSUES + "?query=")
        self.assertEqual(status, 200)
        self.assertEqual(len(body), 100)
        links = parse_link(response.getheader("Link"))
        self.assertEqual([l["rel"] for l in links], ["previous", "next"])
        self.assertEqual(links[0]["results"], "false")
        self.assertEqual(links[1]["results"], "true")
        self.assertTrue(links[1]["cursor"])
        self.assertIn("&cursor=" + links[1]["cursor"], links[1]["url"])
        self.assertEqual(response.getheader("X-Hits"), "300")

    def test_following_cursors_reaches_a_last_page(self):
        seen, cursor, pages = [], None, 0
        while True:
            path = ISSUES + "?query=" + (f"&cursor={quote(cursor)}" if cursor else "")
            status, response, body = self.server.json("GET", path)
            self.assertEqual(status, 200)
            seen += [issue["id"] for issue in body]
            pages += 1
            following = parse_link(response.getheader("Link"))[1]
            if following["results"] == "false":
                break
            cursor = following["cursor"]
            self.assertLess(pages, 10)
        self.assertEqual(pages, 3)
        self.assertEqual(len(seen), 300)
        self.assertEqual(len(set(seen)), 300)

    def test_level_error_query_returns_only_errors(self):
        status, _, body = self.server.json("GET", ISSUES + "?query=" + quote("level:error"))
        self.assertEqual(status, 200)
        self.assertTrue(body)
        self.assertEqual({issue["level"] for issue in body}, {"error"})

    def test_sort_freq_is_descending_by_count(self):
        _, _, body = self.server.json("GET", ISSUES + "?query=&sort=freq")
        counts = [int(issue["count"]) for issue in body]
        self.assertEqual(counts, sorted(counts, reverse=True))
        self.assertTrue(all(isinstance(issue["count"], str) for issue in body))

    def test_issue_rows_have_every_fixture_key(self):
        with open(os.path.join(FIXTURES, "openapi.org-issues-list.json"), encoding="utf-8") as handle:
            fixture_keys = set(json.load(handle)[0])
        _, _, body = self.server.json("GET", ISSUES + "?query=&limit=5")
        for issue in body:
            self.assertEqual(fixture_keys - set(issue), set())
            self.assertEqual(len(issue["stats"]["24h"]), 24)

    def test_stats_never_add_up_to_more_events_than_the_issue_has(self):
        # A real series is part of the issue's count: its last 24 hours or 30 days.
        _, _, rows = self.server.json("GET", ISSUES + "?query=&limit=100&statsPeriod=90d")
        for row in rows:
            self.assertLessEqual(sum(n for _, n in row["stats"]["24h"]), int(row["count"]), row["shortId"])
        for row in rows[:40]:
            _, _, issue = self.server.json("GET", "/api/0/issues/%s/" % row["id"])
            for period in ("24h", "30d"):
                self.assertLessEqual(sum(n for _, n in issue["stats"][period]), int(issue["count"]),
                                     (issue["shortId"], period))

    def test_429_fault_once_then_success(self):
        rule = {"match": "^GET /api/0/organizations/acme/issues/", "status": 429, "times": 1,
                "headers": {"Retry-After": "1"}}
        self.assertEqual(self.server.control("POST", "faults", [rule])[0], 200)
        status, response, raw = self.server.request("GET", ISSUES)
        self.assertEqual(status, 429)
        self.assertEqual(response.getheader("Retry-After"), "1")
        self.assertIn(b"too frequently", raw)
        self.assertEqual(self.server.request("GET", ISSUES)[0], 200)

    def test_a_fault_header_stays_with_its_answer(self):
        # Answers are kept and reused (api.py): a fault's header must not stick to them.
        rule = {"match": "^GET /api/0/organizations/acme/teams/", "times": 1,
                "headers": {"X-Fault": "once"}}
        self.server.control("POST", "faults", [rule])
        self.assertEqual(self.server.request("GET", "/api/0/organizations/acme/teams/")[1]
                         .getheader("X-Fault"), "once")
        self.assertIsNone(self.server.request("GET", "/api/0/organizations/acme/teams/")[1]
                          .getheader("X-Fault"))

    def test_truncated_body_is_shorter_than_content_length(self):
        rule = {"match": "^GET /api/0/organizations/acme/projects/", "truncate": 10}
        self.server.control("POST", "faults", [rule])
        connection = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=5)
        connection.request("GET", "/api/0/organizations/acme/projects/",
                           headers={"Authorization": f"Bearer {TOKEN}"})
        response = connection.getresponse()
        self.assertGreater(int(response.getheader("Content-Length")), 10)
        with self.assertRaises(http.client.IncompleteRead) as caught:
            response.read()
        self.assertEqual(len(caught.exception.partial), 10)
        connection.close()

    def test_hang_does_not_block_other_requests(self):
        self.server.control("POST", "faults", [{"match": "^GET /api/0/organizations/acme/teams/", "hang": True}])
        hung = socket.create_connection(("127.0.0.1", self.server.port), timeout=5)
        try:
            hung.sendall(b"GET /api/0/organizations/acme/teams/ HTTP/1.1\r\nHost: x\r\n"
                         b"Authorization: Bearer demo-token\r\n\r\n")
            time.sleep(0.2)
            started = time.monotonic()
            self.assertEqual(self.server.request("GET", "/api/0/organizations/acme/", timeout=3)[0], 200)
            self.assertLess(time.monotonic() - started, 2)
            hung.settimeout(0.3)
            with self.assertRaises(socket.timeout):
                hung.recv(1)  # still no answer
        finally:
            hung.close()
        entries = [e for e in self.server.log_entries() if e["path"] == "/api/0/organizations/acme/teams/"]
        self.assertEqual(entries[-1]["status"], None)

    def test_request_log_records_the_query(self):
        self.server.request("GET", ISSUES + "?query=" + quote("level:error") + "&limit=5",
                            headers={"User-Agent": "sentry-tui-selftest"})
        entry = [e for e in self.server.log_entries() if e["path"] == ISSUES][-1]
        self.assertEqual(entry["params"]["query"], ["level:error"])
        self.assertEqual(entry["query"], "query=level%3Aerror&limit=5")
        self.assertEqual(entry["headers"]["user-agent"], "sentry-tui-selftest")
        self.assertEqual(entry["headers"]["authorization"], f"Bearer {TOKEN}")
        self.assertEqual(entry["status"], 200)
        _, _, remembered = self.server.control("GET", "requests")
        self.assertEqual(remembered[-1]["params"]["query"], ["level:error"])

    def test_request_log_times_the_answer(self):
        self.server.request("GET", ISSUES + "?query=is:unresolved&limit=50")
        entry = [e for e in self.server.log_entries() if e["path"] == ISSUES][-1]
        self.assertIsInstance(entry["build_ms"], float)
        self.assertGreater(entry["build_ms"], 0)
        self.assertLessEqual(entry["received_mono_ms"] + entry["build_ms"], entry["mono_ms"] + 0.01)

    def test_a_change_shows_in_the_next_list(self):
        # Lists are answered from caches: a change must reach the very next list.
        query = ISSUES + "?query=is:unresolved&project=11&sort=freq&limit=5"
        _, response, before = self.server.json("GET", query)
        top = before[0]["id"]
        self.server.json("PUT", f"{ISSUES}?id={top}&project=11", {"status": "resolved"})
        _, again, after = self.server.json("GET", query)
        self.assertNotIn(top, [row["id"] for row in after])
        self.assertEqual(int(again.headers["X-Hits"]), int(response.headers["X-Hits"]) - 1)
        self.server.control("POST", "issues", {"set": {before[4]["shortId"]: {"count": 10 ** 9}}})
        _, _, adjusted = self.server.json("GET", query)
        self.assertEqual((adjusted[0]["id"], adjusted[0]["count"]), (before[4]["id"], str(10 ** 9)))
        self.server.control("POST", "reset")
        self.assertEqual(self.server.json("GET", query)[2], before)

    def test_keep_alive_serves_two_requests_on_one_connection(self):
        connection = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=5)
        for _ in range(2):
            connection.request("GET", "/api/0/", headers={"Authorization": f"Bearer {TOKEN}"})
            response = connection.getresponse()
            self.assertEqual(response.status, 200)
            response.read()
        connection.close()

    def test_a_held_answer_was_built_before_a_change_made_meanwhile(self):
        query = ISSUES + "?query=is:unresolved&project=11&limit=1"
        issue_id = self.server.json("GET", query)[2][0]["id"]
        self.server.control("POST", "faults", [{"match": r"^GET .*issues/\?", "hold_ms": 1000, "times": 1}])
        held = {}

        def read():
            started = time.monotonic()
            held["rows"] = self.server.json("GET", query)[2]
            held["seconds"] = time.monotonic() - started
        reader = threading.Thread(target=read)
        reader.start()
        time.sleep(0.3)
        self.server.json("PUT", f"{ISSUES}?id={issue_id}&project=11", {"isBookmarked": True})
        reader.join(5)
        self.assertGreaterEqual(held["seconds"], 0.9)        # held
        self.assertFalse(held["rows"][0]["isBookmarked"])  # built before the change
        self.assertTrue(self.server.json("GET", query)[2][0]["isBookmarked"])
        self.server.control("POST", "reset")

    def test_resolve_then_reset_restores_the_issue(self):
        _, _, body = self.server.json("GET", ISSUES + "?query=is:unresolved&project=11&limit=1")
        issue_id = body[0]["id"]
        status, _, changes = self.server.json("PUT", f"{ISSUES}?id={issue_id}&project=11", {"status": "resolved"})
        self.assertEqual((status, changes["status"], changes["inbox"]), (200, "resolved", None))
        self.assertEqual(self.server.json("GET", f"/api/0/issues/{issue_id}/")[2]["status"], "resolved")
        self.server.control("POST", "reset")
        self.assertEqual(self.server.json("GET", f"/api/0/issues/{issue_id}/")[2]["status"], "unresolved")

    def test_latest_event_is_chained_to_the_previous_one(self):
        _, _, body = self.server.json("GET", ISSUES + "?query=&limit=1")
        issue_id = body[0]["id"]
        status, _, latest = self.server.json("GET", f"/api/0/issues/{issue_id}/events/latest/")
        self.assertEqual((status, latest["groupID"], latest["nextEventID"]), (200, issue_id, None))
        if latest["previousEventID"]:
            status, _, previous = self.server.json(
                "GET", f"/api/0/issues/{issue_id}/events/{latest['previousEventID']}/")
            self.assertEqual((status, previous["nextEventID"]), (200, latest["id"]))


def fixture(name):
    with open(os.path.join(FIXTURES, name), encoding="utf-8") as handle:
        return json.load(handle)


class SentryFidelityTest(unittest.TestCase):
    """Drifts from Sentry that were fixed: each test fails on the old behaviour."""

    @classmethod
    def setUpClass(cls):
        cls.server = FakeServer("--dataset", "demo")

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def tearDown(self):
        self.server.control("POST", "reset")

    def ids(self, query, project=None):
        path = ISSUES + "?limit=100&query=" + quote(query) + (f"&project={project}" if project else "")
        ids, cursor = [], None
        while True:
            status, response, body = self.server.json("GET", path + (f"&cursor={quote(cursor)}" if cursor else ""))
            self.assertEqual(status, 200, body)
            ids += [issue["id"] for issue in body]
            following = parse_link(response.getheader("Link"))[1]
            if following["results"] != "true":
                return set(ids)
            cursor = following["cursor"]

    def first_issue(self, query):
        status, _, body = self.server.json("GET", ISSUES + "?limit=1&query=" + quote(query))
        self.assertEqual(status, 200)
        return body[0]

    def test_status_and_substatus_search_keys_filter(self):
        resolved, ignored = self.ids("is:resolved"), self.ids("is:ignored")
        self.assertTrue(resolved and ignored)
        self.assertEqual(self.ids("status:[resolved,ignored]"), resolved | ignored)
        self.assertEqual(self.ids("status:archived"), ignored)
        self.assertEqual(self.ids("!status:unresolved"), resolved | ignored)
        ongoing = self.ids("is:ongoing")
        self.assertTrue(ongoing)
        self.assertEqual(self.ids("substatus:ongoing"), ongoing)
        self.assertEqual(self.ids("substatus:archived_forever"),
                         {i for i in ignored if self.server.json("GET", f"/api/0/issues/{i}/")[2]["substatus"]
                          == "archived_forever"})
        for key in ("status", "substatus"):
            status, _, body = self.server.json("GET", ISSUES + f"?query={key}:bogus")
            self.assertEqual((status, body), (400, {"detail": f"Error parsing search query: invalid {key} value of 'bogus'"}))

    def test_a_value_list_may_have_spaces_after_its_commas(self):
        high, medium = self.ids("issue.priority:high"), self.ids("issue.priority:medium")
        self.assertTrue(high and medium)
        self.assertEqual(self.ids("issue.priority:[high, medium]"), high | medium)
        self.assertEqual(self.ids("issue.priority:[ high ,medium ] is:unresolved"),
                         (high | medium) & self.ids("is:unresolved"))

    def test_event_list_applies_the_query(self):
        issue = self.first_issue("is:unresolved timesSeen:>20 level:error")
        path = f"/api/0/organizations/acme/issues/{issue['id']}/events/"
        _, _, events = self.server.json("GET", path + "?full=true")
        self.assertGreaterEqual(len(events), 3)
        env = {e["id"]: next(t["value"] for t in e["tags"] if t["key"] == "environment") for e in events}
        users = {e["id"]: next((t["value"] for t in e["tags"] if t["key"] == "user"), None) for e in events}
        for name in set(env.values()):
            _, _, body = self.server.json("GET", path + "?query=" + quote(f"environment:{name}"))
            self.assertEqual([e["id"] for e in body], [e["id"] for e in events if env[e["id"]] == name])
            _, _, body = self.server.json("GET", path + "?query=" + quote(f"!environment:{name}"))
            self.assertEqual([e["id"] for e in body], [e["id"] for e in events if env[e["id"]] != name])
        wanted = events[-1]
        _, _, body = self.server.json("GET", path + "?query=" + quote(f"event.id:{wanted['id']}"))
        self.assertEqual([e["id"] for e in body], [wanted["id"]])
        user = users[wanted["id"]]
        if user:
            _, _, body = self.server.json("GET", path + "?query=" + quote(f'user:"{user}"'))
            self.assertEqual([e["id"] for e in body], [e["id"] for e in events if users[e["id"]] == user])
        self.assertEqual(self.server.json("GET", path + "?query=nosuchtag:x")[2], [])
        self.assertEqual(self.server.json("GET", path + "?query=" + quote("no such words anywhere"))[2], [])
        word = issue["title"].split(":")[0]
        self.assertEqual(len(self.server.json("GET", path + "?query=" + quote(word))[2]), len(events))

    def test_project_bulk_put_ignores_the_status_parameter(self):
        # sentry-cli's `issues resolve --status unresolved` sends ?status=unresolved;
        # Sentry selects with `query` (default is:unresolved) and never reads `status`.
        backend_unresolved = self.ids("is:unresolved", project=11)
        self.assertTrue(backend_unresolved)
        status, _, body = self.server.json("PUT", "/api/0/projects/acme/backend/issues/?status=resolved",
                                           {"status": "ignored"})
        self.assertEqual((status, body["status"]), (200, "ignored"))
        self.assertEqual(self.ids("is:unresolved", project=11), set())
        self.assertEqual(self.ids("is:ignored", project=11) & backend_unresolved, backend_unresolved)
        self.assertTrue(self.ids("is:unresolved", project=12))  # the other project is untouched

    def test_releases_and_deploys(self):
        status, response, body = self.server.json("GET", "/api/0/organizations/acme/releases/?per_page=5")
        self.assertEqual(status, 200)
        self.assertEqual(len(body), 5)
        self.assertEqual(parse_link(response.getheader("Link"))[1]["results"], "true")
        self.assertEqual(set(body[0]), set(fixture("openapi.org-releases.json")[0]))
        self.assertEqual(set(body[0]["projects"][0]), set(fixture("openapi.org-releases.json")[0]["projects"][0]))
        dates = [r["dateCreated"] for r in body]
        self.assertEqual(dates, sorted(dates, reverse=True))
        self.assertIsInstance(body[0]["id"], int)
        _, _, everything = self.server.json("GET", "/api/0/organizations/acme/releases/")
        self.assertEqual(len(everything), 12)
        _, _, backend = self.server.json("GET", "/api/0/projects/acme/backend/releases/")
        self.assertEqual([r["version"] for r in backend][:2], ["backend@2.17.1", "backend@2.17.0"])
        self.assertEqual({r["projects"][0]["slug"] for r in backend}, {"backend"})
        _, _, only = self.server.json("GET", "/api/0/organizations/acme/releases/?project=12&query=5.1")
        self.assertEqual([r["version"] for r in only], ["frontend@5.12.0", "frontend@5.11.0", "frontend@5.10.1",
                                                         "frontend@5.10.0"])

        status, _, detail = self.server.json("GET", "/api/0/organizations/acme/releases/backend@2.17.0/?health=1")
        self.assertEqual(status, 200)
        self.assertEqual(detail["version"], "backend@2.17.0")
        self.assertLessEqual(set(fixture("openapi.org-releases.json")[0]), set(detail))
        self.assertIn("healthData", detail["projects"][0])
        self.assertNotIn("adoptionStages", detail)
        _, _, as_true = self.server.json("GET", "/api/0/organizations/acme/releases/backend@2.17.0/"
                                                "?health=true&adoptionStages=1")  # the `sentry` CLI sends health=true
        self.assertNotIn("healthData", as_true["projects"][0])  # Sentry compares with "1"
        self.assertEqual(set(as_true), set(fixture("openapi.release-detail.json")))
        all_ids = self.ids("")
        first_releases = [self.server.json("GET", f"/api/0/issues/{i}/")[2]["firstRelease"] for i in sorted(all_ids)]
        expected_new = sum(1 for r in first_releases if r and r["version"] == "backend@2.17.0")
        self.assertEqual(detail["newGroups"], expected_new)
        self.assertEqual(detail["deployCount"], 2)
        status, _, deploys = self.server.json("GET", "/api/0/organizations/acme/releases/backend@2.17.0/deploys/")
        self.assertEqual(status, 200)
        self.assertEqual([d["environment"] for d in deploys], ["production", "staging"])
        self.assertEqual(deploys[0], detail["lastDeploy"])
        self.assertEqual(set(deploys[0]), set(fixture("openapi.release-detail.json")["lastDeploy"]))
        self.assertEqual(self.server.json("GET", "/api/0/organizations/acme/releases/backend@9.9.9/")[0], 404)

    def test_project_event_list(self):
        # sentry-cli's `events list -p backend` reads GET /projects/{org}/{project}/events/.
        path = "/api/0/projects/acme/backend/events/"
        status, response, page = self.server.json("GET", path + "?per_page=50")
        self.assertEqual(status, 200)
        self.assertEqual(len(page), 50)
        self.assertEqual(parse_link(response.getheader("Link"))[1]["results"], "true")
        self.assertEqual(set(page[0]), set(fixture("openapi.issue-events-list.json")[0]))
        dates = [e["dateCreated"] for e in page]
        self.assertEqual(dates, sorted(dates, reverse=True))
        self.assertEqual({e["projectID"] for e in page}, {"11"})
        self.assertLessEqual({e["event.type"] for e in page}, {"error", "default"})  # no transactions
        newest = self.first_issue("issue.category:error project:backend")  # sort=date: last seen first
        _, _, latest = self.server.json("GET", f"/api/0/issues/{newest['id']}/events/latest/")
        self.assertEqual(page[0]["id"], latest["id"])
        _, _, hits = self.server.json("GET", path + "?query=zerodivision")
        self.assertTrue(hits)
        self.assertEqual({e["title"] for e in hits}, {"ZeroDivisionError: division by zero"})
        _, _, full = self.server.json("GET", path + "?per_page=1&full=true")
        self.assertIn("entries", full[0])
        self.assertEqual(self.server.json("GET", "/api/0/projects/acme/nope/events/")[0], 404)

    def test_error_events_carry_a_null_occurrence(self):
        issue = self.first_issue("issue.category:error")
        status, _, event = self.server.json("GET", f"/api/0/issues/{issue['id']}/events/latest/")
        self.assertEqual(status, 200)
        self.assertIn("occurrence", event)
        self.assertIsNone(event["occurrence"])

    def test_performance_event_occurrence_and_its_trace(self):
        issue = self.first_issue("issue.type:performance_n_plus_one_db_queries")
        _, _, event = self.server.json("GET", f"/api/0/issues/{issue['id']}/events/latest/")
        occurrence = event["occurrence"]
        self.assertEqual((occurrence["eventId"], occurrence["issueTitle"]), (event["id"], issue["title"]))
        trace_id = event["contexts"]["trace"]["trace_id"]
        status, response, roots = self.server.json("GET", f"/api/0/organizations/acme/trace/{trace_id}/?timestamp=1")
        self.assertEqual(status, 200)
        self.assertTrue(response.getheader("Link"))
        self.assertEqual(len(roots), 1)
        root = roots[0]
        expected_keys = set(fixture("openapi.org-trace.json")[0]) - {"browser_web_vital", "mobile_app_vital"}
        self.assertEqual(set(root), expected_keys)
        self.assertEqual((root["event_id"], root["is_transaction"], root["transaction_id"], root["parent_span_id"]),
                         (event["contexts"]["trace"]["span_id"], True, event["id"], None))
        spans = [s for e in event["entries"] if e["type"] == "spans" for s in e["data"]]
        self.assertEqual([c["event_id"] for c in root["children"]], ["parent123"])
        queries = root["children"][0]["children"]
        self.assertEqual([c["description"] for c in queries], [s["description"] for s in spans[1:]])
        self.assertEqual({s["trace_id"] for s in spans}, {trace_id})
        for node in queries:
            self.assertEqual(set(node), expected_keys)
            self.assertAlmostEqual(node["duration"], (node["end_timestamp"] - node["start_timestamp"]) * 1000, 3)
            self.assertEqual([(o["event_type"], o["issue_id"], o["short_id"]) for o in node["occurrences"]],
                             [("occurrence", int(issue["id"]), issue["shortId"])])
        self.assertEqual(self.server.json("GET", "/api/0/organizations/acme/trace/" + "0" * 32 + "/")[2], [])

    def test_error_event_trace_holds_the_error(self):
        issue = self.first_issue("issue.category:error")
        _, _, event = self.server.json("GET", f"/api/0/issues/{issue['id']}/events/latest/")
        trace_id = event["contexts"]["trace"]["trace_id"]
        _, _, roots = self.server.json("GET", f"/api/0/organizations/acme/trace/{trace_id}/")
        self.assertEqual([(r["event_type"], r["event_id"], r["issue_id"], r["short_id"], r["level"]) for r in roots],
                         [("error", event["id"], int(issue["id"]), issue["shortId"], issue["level"])])


class VariantServersTest(unittest.TestCase):
    def test_no_global_views_refuses_multi_project_queries(self):
        server = FakeServer("--dataset", "small", "--no-global-views")
        try:
            status, _, body = server.json("GET", ISSUES)
            self.assertEqual((status, body),
                             (400, {"detail": "You do not have the multi project stream feature enabled"}))
            status, _, body = server.json("GET", ISSUES + "?project=11&query=")
            self.assertEqual(status, 200)
            self.assertEqual({issue["project"]["id"] for issue in body}, {"11"})
        finally:
            server.stop()

    def test_latency_is_not_counted_as_build_time(self):
        server = FakeServer("--latency-ms", "150")
        try:
            server.request("GET", ISSUES + "?query=is:unresolved&limit=5")
            entry = server.log_entries()[-1]
        finally:
            server.stop()
        self.assertGreaterEqual(entry["mono_ms"] - entry["received_mono_ms"], 150)
        self.assertLess(entry["build_ms"], 150)

    def test_same_now_gives_the_same_data(self):
        first, second = FakeServer("--issues", "120"), FakeServer("--issues", "120")
        try:
            pages = []
            for server in (first, second):
                _, _, raw = server.request("GET", ISSUES + "?query=&sort=new")
                pages.append(raw.replace(f"127.0.0.1:{server.port}".encode(), b"HOST"))
            self.assertEqual(pages[0], pages[1])
            self.assertEqual(len(json.loads(pages[0])), 100)
        finally:
            first.stop()
            second.stop()

    def test_hostile_data_set_sends_raw_invalid_utf8(self):
        server = FakeServer("--dataset", "hostile")
        try:
            status, _, raw = server.request("GET", ISSUES + "?query=")
            self.assertEqual(status, 200)
            self.assertIn(b"\xff\xfe", raw)
            self.assertIn(b"\\u001b]52;c;", raw)
            with self.assertRaises(UnicodeDecodeError):
                raw.decode("utf-8")
        finally:
            server.stop()


class EventsDataSetTest(unittest.TestCase):
    """--dataset events: the recommended event of each issue has the promised shape."""

    ISSUES = [  # short id, id (fixed, first-seen order)
        ("BACKEND-1", "4500000001"), ("FRONTEND-1", "4500000002"), ("FRONTEND-2", "4500000003"),
        ("FRONTEND-3", "4500000004"), ("BACKEND-2", "4500000005"), ("BACKEND-3", "4500000006"),
        ("BACKEND-4", "4500000007"), ("BACKEND-5", "4500000008"), ("BACKEND-6", "4500000009")]

    @classmethod
    def setUpClass(cls):
        cls.server = FakeServer("--dataset", "events")

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def event(self, issue_id, which="recommended"):
        status, _, body = self.server.json("GET", f"{ISSUES}{issue_id}/events/{which}/")
        self.assertEqual(status, 200)
        self.assertEqual(body["groupID"], issue_id)
        return body

    @staticmethod
    def entry(event, kind):
        return next((e["data"] for e in event["entries"] or [] if e["type"] == kind), None)

    def test_fixed_issue_ids_and_short_ids(self):
        _, _, body = self.server.json("GET", ISSUES + "?query=&sort=new")
        self.assertEqual(sorted((i["shortId"], i["id"]) for i in body), sorted(self.ISSUES))
        self.assertEqual([i["id"] for i in body], [i for _, i in reversed(self.ISSUES)])

    def test_tags_are_consistent_with_the_issue(self):
        for short_id, issue_id in self.ISSUES:
            _, _, issue = self.server.json("GET", f"{ISSUES}{issue_id}/")
            _, _, tags = self.server.json("GET", f"{ISSUES}{issue_id}/tags/")
            self.assertTrue(6 <= len(tags) <= 8, short_id)
            for tag in tags:
                self.assertEqual(sum(v["count"] for v in tag["topValues"]), tag["totalValues"], short_id)
                self.assertLessEqual(tag["totalValues"], int(issue["count"]))
                if tag["key"] == "user":
                    self.assertEqual(tag["uniqueValues"], issue["userCount"])
                    self.assertTrue(all(v["query"].startswith("user.") for v in tag["topValues"]))
            self.assertTrue(any(" " in v["value"] for t in tags for v in t["topValues"]), short_id)

    def test_chained_python_exception(self):
        event = self.event("4500000001")
        values = self.entry(event, "exception")["values"]
        self.assertEqual([v["type"] for v in values], ["KeyError", "ValueError", "RuntimeError"])
        self.assertTrue(all(v["stacktrace"]["frames"] for v in values))
        frames = values[-1]["stacktrace"]["frames"]
        self.assertGreaterEqual(sum(1 for f in frames if f["inApp"] is False), 8)
        for frame in frames:
            self.assertIn(frame["lineNo"], [line for line, _ in frame["context"]])
        self.assertTrue(any(f["inApp"] and f["vars"] for f in frames))
        crumbs = self.entry(event, "breadcrumbs")["values"]
        self.assertEqual(len(crumbs), 30)
        self.assertEqual({c["level"] for c in crumbs}, {"debug", "info", "warning", "error"})
        headers = dict(self.entry(event, "request")["headers"])
        self.assertEqual(headers["Authorization"], "Bearer secret-token-123")
        self.assertEqual(headers["Cookie"].split(";")[0], "sessionid=abc")
        for key in ("os", "runtime", "browser", "device", "trace", "order"):
            self.assertIn(key, event["contexts"])
        releases, seen = set(), event
        while seen["previousEventID"]:
            releases.add(seen["release"]["version"])
            older = self.event("4500000001", seen["previousEventID"])
            self.assertEqual(older["nextEventID"], seen["id"])
            seen = older
        releases.add(seen["release"]["version"])
        self.assertEqual(len(releases), 5)
        self.assertEqual(seen["id"], self.event("4500000001", "oldest")["id"])

    def test_javascript_raw_stacktrace(self):
        value = self.entry(self.event("4500000002"), "exception")["values"][0]
        trace, raw = value["stacktrace"], value["rawStacktrace"]
        self.assertEqual(trace["framesOmitted"], [2, 40])
        self.assertEqual(len(trace["frames"]), len(raw["frames"]))
        self.assertTrue(trace["frames"][-1]["filename"].endswith(".tsx"))
        self.assertTrue(raw["frames"][-1]["absPath"].endswith("/app.js"))
        self.assertEqual(raw["frames"][-1]["lineNo"], 1)
        self.assertIn("{snip}", raw["frames"][-1]["context"][0][1])

    def test_native_crash_has_threads_and_debugmeta(self):
        event = self.event("4500000003")
        value = self.entry(event, "exception")["values"][0]
        self.assertIsNone(value["stacktrace"])
        threads = self.entry(event, "threads")["values"]
        self.assertEqual(len(threads), 3)
        crashed = [k for k, t in enumerate(threads) if t["crashed"]]
        self.assertEqual(len(crashed), 1)
        self.assertNotEqual(crashed[0], 0)
        self.assertEqual(threads[crashed[0]]["id"], value["threadId"])
        for frame in threads[crashed[0]]["stacktrace"]["frames"]:
            self.assertTrue(frame["instructionAddr"] and frame["package"])
            self.assertIsNone(frame["filename"])
            self.assertIsNone(frame["lineNo"])
        self.assertTrue(self.entry(event, "debugmeta")["images"])

    def test_cocoa_frames_are_addresses(self):
        frames = self.entry(self.event("4500000004"), "exception")["values"][0]["stacktrace"]["frames"]
        self.assertTrue(all(f["instructionAddr"] and f["package"] and f["rawFunction"] for f in frames))

    def test_message_event_has_no_exception(self):
        event = self.event("4500000005")
        self.assertIsNone(self.entry(event, "exception"))
        self.assertEqual(self.entry(event, "message")["formatted"], "Payment provider returned 503")
        self.assertTrue(self.entry(event, "breadcrumbs")["values"])

    def test_hostile_event(self):
        status, _, raw = self.server.request("GET", f"{ISSUES}4500000006/events/recommended/")
        self.assertEqual(status, 200)
        event = json.loads(raw)
        frames = self.entry(event, "exception")["values"][0]["stacktrace"]["frames"]
        strings = []

        def collect(node):
            if isinstance(node, dict):
                for key, item in node.items():
                    strings.append(key)
                    collect(item)
            elif isinstance(node, list):
                for item in node:
                    collect(item)
            elif isinstance(node, str):
                strings.append(node)
        collect(event)
        text = "\n".join(strings)
        for attack in ("\x1b[2J", "\x1b]0;pwned\x07", "\x1b]52;c;", "\u009b", "\u202e", "\u200b"):
            self.assertIn(attack, text)
        self.assertIn(3000, [len(line) for f in frames for _, line in f["context"]])
        self.assertIn("\x1b[2J", event["user"]["name"])
        self.assertTrue(any("\x1b" in t["key"] for t in event["tags"]))
        self.assertIn("データ", text)

    def test_null_events(self):
        oldest = self.event("4500000007", "oldest")
        self.assertIsNone(oldest["entries"])
        self.assertIsNone(oldest["tags"])
        middle = self.event("4500000007", oldest["nextEventID"])
        self.assertTrue(middle["entries"])
        self.assertTrue(all(e["data"] is None for e in middle["entries"]))
        event = self.event("4500000007")
        for key in ("user", "contexts", "tags", "release"):
            self.assertIsNone(event[key])
        values = self.entry(event, "exception")["values"]
        self.assertIsNone(values[0]["stacktrace"])
        self.assertIsNone(values[1]["stacktrace"]["frames"])
        self.assertEqual(values[2]["stacktrace"]["frames"], [])
        self.assertNotIn("context", values[3]["stacktrace"]["frames"][0])
        status, _, rows = self.server.json("GET", f"{ISSUES}4500000007/events/")
        self.assertEqual((status, len(rows)), (200, 3))

    def test_event_with_500_frames(self):
        value = self.entry(self.event("4500000008"), "exception")["values"][0]
        self.assertEqual(len(value["stacktrace"]["frames"]), 500)

    def test_go_event_keeps_the_fixture_shape(self):
        with open(os.path.join(FIXTURES, "oss-sentry.event.go_file_not_found.json"), encoding="utf-8") as handle:
            fixture = json.load(handle)
        event = self.event("4500000009")
        # The fixture comes from a self-hosted Sentry older than issue occurrences;
        # current Sentry adds `occurrence` (null for an error event) to every event.
        self.assertEqual(list(event), list(fixture) + ["occurrence"])
        self.assertIsNone(event["occurrence"])
        self.assertEqual(event["entries"], fixture["entries"])
        self.assertEqual(event["contexts"], fixture["contexts"])


class HealthAndDiscoverTest(unittest.TestCase):
    """Release health (§10) and the transaction list (§7) answer with Sentry's rules."""

    @classmethod
    def setUpClass(cls):
        cls.server = FakeServer("--dataset", "demo")

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    ORG = "/api/0/organizations/acme/"

    def test_session_sorts_need_flatten(self):
        status, _, body = self.server.json("GET", self.ORG + "releases/?health=1&sort=sessions")
        self.assertEqual((status, body), (400, {"detail": "sorting by crash statistics requires flattening (flatten=1)"}))
        status, _, body = self.server.json("GET", self.ORG + "releases/?health=1&sort=crash_free_sessions&flatten=1&per_page=100")
        self.assertEqual(status, 200)
        rates = [r["projects"][0]["healthData"]["crashFreeSessions"] for r in body]
        known = [r for r in rates if r is not None]
        self.assertEqual(known, sorted(known, reverse=True))
        self.assertEqual(rates[len(known):], [None] * (len(rates) - len(known)))

    def test_health_periods_and_no_session_data(self):
        status, _, body = self.server.json("GET", self.ORG + "releases/?health=1&healthStatsPeriod=7h")
        self.assertEqual(status, 400)
        status, _, body = self.server.json("GET", self.ORG + "releases/?health=1&per_page=100&healthStatsPeriod=24h")
        self.assertEqual(status, 200)
        oldest = [r for r in body if r["version"] == "backend@2.14.0"][0]["projects"][0]
        self.assertFalse(oldest["hasHealthData"])
        self.assertIsNone(oldest["healthData"]["crashFreeSessions"])
        newest = body[0]["projects"][0]["healthData"]
        self.assertEqual(len(newest["stats"]["24h"]), 24)
        self.assertTrue(0 < newest["crashFreeSessions"] <= 100)

    def test_sessions_by_status(self):
        path = self.ORG + "sessions/?field=sum(session)&groupBy=session.status&interval=1d&statsPeriod=7d&project=11"
        status, _, body = self.server.json("GET", path + "&query=" + quote('release:"backend@2.17.0"'))
        self.assertEqual(status, 200)
        self.assertEqual(len(body["intervals"]), 7)
        self.assertEqual([g["by"]["session.status"] for g in body["groups"]],
                         ["healthy", "errored", "crashed", "abnormal"])
        for group in body["groups"]:
            self.assertEqual(sum(group["series"]["sum(session)"]), group["totals"]["sum(session)"])
        for bad in ("&interval=5h", "&interval=30m"):
            status, _, _ = self.server.json("GET", path.replace("&interval=1d", bad))
            self.assertEqual(status, 400, bad)

    def test_transactions_from_the_events_endpoint(self):
        fields = "&field=id&field=transaction&field=span.duration&field=trace&field=timestamp"
        status, response, body = self.server.json(
            "GET", self.ORG + "events/?dataset=spans&query=is_transaction:true&sort=-span.duration&per_page=5" + fields)
        self.assertEqual(status, 200)
        self.assertEqual(set(body["data"][0]), {"id", "transaction", "span.duration", "trace", "timestamp"})
        durations = [row["span.duration"] for row in body["data"]]
        self.assertEqual(durations, sorted(durations, reverse=True))
        self.assertEqual(body["meta"]["fields"]["span.duration"], "duration")
        self.assertEqual(parse_link(response.getheader("Link"))[1]["results"], "true")
        # The trace of a row is one the trace endpoint knows.
        status, _, trace = self.server.json("GET", self.ORG + f"trace/{body['data'][0]['trace']}/")
        self.assertEqual(status, 200)
        self.assertTrue(trace)
        for bad in ("&sort=-span.op", "&field=nonsense", "&dataset=bogus"):
            status, _, answer = self.server.json("GET", self.ORG + "events/?dataset=spans" + fields + bad)
            self.assertEqual(status, 400, bad)
            self.assertIn("detail", answer)

    def test_transactions_dataset_filters_and_pages(self):
        """The older dataset: a row's id is its event, and project, environment, a name
        glob and the period narrow the rows; cursors walk every row once."""
        fields = ("&field=id&field=transaction&field=transaction.duration&field=project&field=timestamp"
                  "&field=trace&query=" + quote("event.type:transaction"))
        path = self.ORG + "events/?dataset=transactions&statsPeriod=90d&sort=-timestamp" + fields
        status, _, everything = self.server.json("GET", path + "&per_page=100")
        self.assertEqual(status, 200)
        rows = everything["data"]
        self.assertGreater(len(rows), 10)
        stamps = [r["timestamp"] for r in rows]
        self.assertEqual(stamps, sorted(stamps, reverse=True))
        # The id is a transaction event the project's event endpoint serves.
        row = rows[0]
        status, _, event = self.server.json("GET", f"/api/0/projects/acme/{row['project']}/events/{row['id']}/")
        self.assertEqual((status, event["eventID"], event["type"]), (200, row["id"], "transaction"))
        # Pages of 5 by the Link header's cursors: the same rows, each once.
        walked, url = [], path + "&per_page=5"
        while url:
            status, response, body = self.server.json("GET", url)
            self.assertEqual(status, 200)
            walked += body["data"]
            nxt = parse_link(response.getheader("Link"))[1]
            url = (path + "&per_page=5&cursor=" + nxt["cursor"]) if nxt["results"] == "true" else None
        self.assertEqual([r["id"] for r in walked], [r["id"] for r in rows])
        # project=, environment= and transaction:*x* narrow the rows.
        status, _, backend = self.server.json("GET", path + "&per_page=100&project=11&environment=production")
        self.assertEqual(status, 200)
        self.assertTrue(backend["data"])
        self.assertLess(len(backend["data"]), len(rows))
        self.assertEqual({r["project"] for r in backend["data"]}, {"backend"})
        name = backend["data"][0]["transaction"]
        status, _, named = self.server.json(
            "GET", path.replace(quote("event.type:transaction"), quote(f"event.type:transaction transaction:*{name[-5:]}*"))
            + "&per_page=100")
        self.assertEqual(status, 200)
        self.assertTrue(named["data"])
        self.assertTrue(all(name[-5:].lower() in r["transaction"].lower() for r in named["data"]))
        self.assertLess(len(named["data"]), len(rows))
        # A shorter period keeps only the newer rows.
        status, _, recent = self.server.json("GET", path.replace("statsPeriod=90d", "statsPeriod=24h") + "&per_page=100")
        self.assertEqual(status, 200)
        self.assertLess(len(recent["data"]), len(rows))
        # Fields of the other dataset are Sentry's 400.
        status, _, answer = self.server.json("GET", path + "&field=span.duration")
        self.assertEqual(status, 400)
        self.assertIn("span.duration", answer["detail"])


class GlitchTipFlavorTest(unittest.TestCase):
    """--flavor glitchtip answers as GlitchTip does (docs/sentry-api.md §12)."""

    @classmethod
    def setUpClass(cls):
        cls.server = FakeServer("--dataset", "small", "--flavor", "glitchtip")

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    ORG = "/api/0/organizations/acme/"

    def test_sorts_and_issue_shape(self):
        status, _, body = self.server.json("GET", self.ORG + "issues/?sort=date")
        self.assertEqual(status, 422)
        self.assertEqual(body["detail"][0]["loc"], ["query", "sort"])
        status, response, body = self.server.json("GET", self.ORG + "issues/?sort=-count&limit=1")
        self.assertEqual(status, 200)
        issue = body[0]
        for key in ("assignedTo", "substatus", "isBookmarked", "hasSeen", "priority", "isUnhandled"):
            self.assertNotIn(key, issue)
        self.assertEqual(issue["stats"], {"24h": []})
        link = response.getheader("Link")
        self.assertTrue(link.startswith("{'<") and link.endswith("'}"))
        self.assertNotIn('cursor="0:', link)
        self.assertRegex(link, r'rel="previous"; results="false"(,|\'})')

    def test_routes_glitchtip_lacks_or_restricts(self):
        self.assertEqual(self.server.json("GET", self.ORG + "issues/4500000001/")[0], 405)
        self.assertEqual(self.server.json("GET", "/api/0/issues/4500000001/")[0], 200)
        self.assertEqual(self.server.json("GET", "/api/0/issues/4500000001/events/recommended/")[0], 422)
        self.assertEqual(self.server.json("GET", "/api/0/issues/4500000001/events/latest/")[0], 200)
        for path in ("shortids/BACKEND-1/", "sessions/?field=sum(session)", "events/?dataset=spans&field=id",
                     "trace/" + "a" * 32 + "/"):
            self.assertEqual(self.server.json("GET", self.ORG + path)[0], 404, path)
        status, _, rels = self.server.json("GET", self.ORG + "releases/?health=1")
        self.assertEqual(status, 200)
        self.assertNotIn("healthData", rels[0]["projects"][0])
        status, _, rows = self.server.json("GET", self.ORG + "issues-stats/?groups=4500000002&statsPeriod=24h")
        self.assertEqual((status, rows[0]["id"], len(rows[0]["stats"]["24h"])), (200, "4500000002", 24))

    def test_updates_honour_status_only(self):
        status, _, body = self.server.json("PUT", self.ORG + "issues/?id=4500000002",
                                           {"status": "resolved", "isBookmarked": True, "assignedTo": "x"})
        self.assertEqual((status, body), (200, {"status": "resolved"}))
        status, _, issue = self.server.json("GET", "/api/0/issues/4500000002/")
        self.assertEqual(issue["status"], "resolved")
        self.assertNotIn("isBookmarked", issue)
        self.server.json("PUT", self.ORG + "issues/?id=4500000002", {"status": "unresolved"})


class ManyReleasesTest(unittest.TestCase):
    """--releases N (benchmarks): N releases in all, paged and shaped like the demo's, the
    newest with release health."""

    @classmethod
    def setUpClass(cls):
        cls.server = FakeServer("--releases", "60")

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def test_all_releases_paged_newest_first(self):
        path = "/api/0/organizations/acme/releases/?per_page=25&health=1"
        versions, pages, shapes = [], 0, fixture("openapi.org-releases.json")[0]
        while path:
            status, response, body = self.server.json("GET", path)
            self.assertEqual(status, 200)
            pages += 1
            for release in body:
                self.assertEqual(set(release), set(shapes))
                self.assertEqual(set(release["projects"][0]) - {"healthData"}, set(shapes["projects"][0]))
            versions += [r["version"] for r in body]
            nxt = [e for e in LINK_ENTRY.findall(response.getheader("Link")) if e[1] == "next" and e[2] == "true"]
            path = nxt[0][0].split("127.0.0.1:%d" % self.server.port)[1] if nxt else None
        self.assertEqual((len(versions), len(set(versions)), pages), (60, 60, 3))
        self.assertIn("backend@2.17.1", versions)
        self.assertIn("frontend@build.24", versions)
        _, _, first = self.server.json("GET", "/api/0/organizations/acme/releases/?per_page=5&health=1")
        created = [r["dateCreated"] for r in first]
        self.assertEqual(created, sorted(created, reverse=True))
        health = first[0]["projects"][0]["healthData"]
        self.assertTrue(health["hasHealthData"])
        self.assertEqual(len(health["stats"]["24h"]), 24)
        self.assertGreater(health["totalSessions24h"], 0)


def main():
    suite = unittest.defaultTestLoader.loadTestsFromModule(sys.modules[__name__])
    result = unittest.TextTestRunner(stream=sys.stdout, verbosity=1).run(suite)
    failed = len(result.failures) + len(result.errors) + len(result.unexpectedSuccesses)
    passed = result.testsRun - failed - len(result.skipped)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
