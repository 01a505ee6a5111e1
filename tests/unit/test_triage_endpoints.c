/* Triage endpoints against a one-connection HTTP server on a loopback socket, served
 * from the test's own event loop: the request line and body that go out, and what the
 * callback gets for 200, 204, 4xx and malformed answers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "api/triage.h"
#include "tests/unit/support/fixture.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

struct server {
	int listen_fd;
	int conn_fd;
	char base_url[64];
	struct strbuf request;    /* what the client sent: head and body */
	struct strbuf response;   /* what to answer, whole */
};

struct fixture {
	struct server srv;
	struct api_client *client;
	struct sentry_target target;
	struct triage_result *result;
	int calls;
};

static int setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof(*f));
	f->srv.conn_fd = -1;
	f->srv.listen_fd = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in addr = { .sin_family = AF_INET, .sin_port = 0 };
	addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	socklen_t alen = sizeof(addr);
	if (f->srv.listen_fd < 0 || bind(f->srv.listen_fd, (struct sockaddr *)&addr, alen) != 0 ||
	    listen(f->srv.listen_fd, 4) != 0 ||
	    getsockname(f->srv.listen_fd, (struct sockaddr *)&addr, &alen) != 0)
		return -1;
	snprintf(f->srv.base_url, sizeof(f->srv.base_url), "http://127.0.0.1:%u",
	         (unsigned)ntohs(addr.sin_port));
	struct api_client_options opts = { .base_url = f->srv.base_url, .token = "test-token",
	                                   .timeout_s = 5 };
	f->client = api_client_new(&opts, NULL, NULL);
	f->target = (struct sentry_target){ f->client, f->srv.base_url, "acme", NULL };
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	api_client_free(f->client);
	if (f->srv.conn_fd >= 0)
		close(f->srv.conn_fd);
	close(f->srv.listen_fd);
	strbuf_free(&f->srv.request);
	strbuf_free(&f->srv.response);
	triage_result_free(f->result);
	free(f);
	return 0;
}

static void respond_with(struct fixture *f, const char *status_line, const char *headers,
                         const char *body)
{
	strbuf_reset(&f->srv.response);
	strbuf_addf(&f->srv.response, "HTTP/1.1 %s\r\nContent-Type: application/json\r\n"
	                              "Content-Length: %zu\r\nConnection: close\r\n%s\r\n%s",
	            status_line, strlen(body), headers ? headers : "", body);
}

static void on_result(void *ctx, struct triage_result *r)
{
	struct fixture *f = ctx;
	f->calls++;
	triage_result_free(f->result);
	f->result = r;
}

/* The request is whole once the head is in and Content-Length more bytes followed it. */
static bool request_complete(const struct strbuf *req)
{
	const char *text = strbuf_str(req);
	const char *end = strstr(text, "\r\n\r\n");
	if (!end)
		return false;
	size_t body_len = 0;
	const char *cl = strstr(text, "Content-Length: ");
	if (cl && cl < end)
		body_len = strtoul(cl + 16, NULL, 10);
	return req->len >= (size_t)(end + 4 - text) + body_len;
}

static void serve(struct server *srv)
{
	if (srv->conn_fd < 0) {
		srv->conn_fd = accept(srv->listen_fd, NULL, NULL);
		return;
	}
	char buf[4096];
	ssize_t got = read(srv->conn_fd, buf, sizeof(buf));
	if (got > 0)
		strbuf_add(&srv->request, buf, (size_t)got);
	if (got <= 0 || request_complete(&srv->request)) {
		if (got > 0 && write(srv->conn_fd, srv->response.buf, srv->response.len) < 0)
			fail_msg("cannot answer the client");
		close(srv->conn_fd);
		srv->conn_fd = -1;
	}
}

/* Drive client and server until the callback ran (or five seconds passed). */
static void run(struct fixture *f, unsigned long id)
{
	assert_true(id > 0);
	for (int i = 0; i < 500 && f->calls == 0; i++) {
		struct pollfd pfd = { .fd = f->srv.conn_fd >= 0 ? f->srv.conn_fd : f->srv.listen_fd,
		                      .events = POLLIN };
		assert_true(api_wait(f->client, &pfd, 1, 10) >= 0);
		if (pfd.revents & POLLIN)
			serve(&f->srv);
		api_perform(f->client);
	}
	assert_int_equal(f->calls, 1);
	assert_non_null(f->result);
}

static void assert_request_line(const struct fixture *f, const char *line)
{
	const char *text = strbuf_str(&f->srv.request);
	size_t n = strcspn(text, "\r");
	char *got = xstrndup(text, n);
	assert_string_equal(got, line);
	free(got);
}

static void assert_request_body(const struct fixture *f, const char *body)
{
	const char *end = strstr(strbuf_str(&f->srv.request), "\r\n\r\n");
	assert_non_null(end);
	assert_string_equal(end + 4, body);
}

static bool starts_with(const char *s, const char *prefix)
{
	return s && strncmp(s, prefix, strlen(prefix)) == 0;
}

/* ---- PUT --------------------------------------------------------------------------- */

static const char resolve_body[] =
	"{\"status\":\"resolved\",\"statusDetails\":{},\"substatus\":null}";

static void test_update_sends_ids_project_and_body(void **state)
{
	struct fixture *f = *state;
	respond_with(f, "200 OK", NULL,
	             "{\"status\":\"resolved\",\"substatus\":null,\"statusDetails\":{},\"inbox\":null}");
	const char *ids[] = { "4500000001", "4500000002" };
	run(f, api_update_issues(&f->target, "11", ids, 2, resolve_body, on_result, f));
	assert_request_line(f, "PUT /api/0/organizations/acme/issues/?id=4500000001&id=4500000002"
	                       "&project=11 HTTP/1.1");
	assert_non_null(strstr(strbuf_str(&f->srv.request), "\r\nContent-Type: application/json\r\n"));
	assert_request_body(f, resolve_body);
	assert_int_equal(f->result->status, 200);
	assert_null(f->result->error);
	assert_true(f->result->change.has_status);
	assert_string_equal(f->result->change.status, "resolved");
	assert_true(f->result->change.has_substatus);
	assert_false(f->result->change.has_assigned);
}

static void test_update_without_project_and_no_content(void **state)
{
	struct fixture *f = *state;
	respond_with(f, "204 No Content", NULL, "");
	const char *ids[] = { "4500000001" };
	run(f, api_update_issues(&f->target, NULL, ids, 1, "{\"isBookmarked\":true}", on_result, f));
	assert_request_line(f, "PUT /api/0/organizations/acme/issues/?id=4500000001 HTTP/1.1");
	assert_request_body(f, "{\"isBookmarked\":true}");
	assert_int_equal(f->result->status, 204);
	assert_null(f->result->error);
	assert_false(f->result->change.has_status);
	assert_false(f->result->change.has_bookmark);
}

static void test_update_rejected_carries_the_servers_words(void **state)
{
	struct fixture *f = *state;
	respond_with(f, "400 Bad Request", NULL,
	             "{\"assignedTo\":[\"Cannot assign to non-team member\"]}");
	const char *ids[] = { "4500000001" };
	run(f, api_update_issues(&f->target, "11", ids, 1, "{\"assignedTo\":\"user:280094367316\"}",
	                         on_result, f));
	assert_int_equal(f->result->status, 400);
	assert_true(starts_with(f->result->error, "issue update: "));
	assert_non_null(strstr(f->result->error, "Cannot assign to non-team member"));
}

static void test_update_not_found_names_the_organization(void **state)
{
	struct fixture *f = *state;
	respond_with(f, "404 Not Found", NULL,
	             "{\"detail\":\"The requested resource does not exist\"}");
	const char *ids[] = { "1", "2", "3" };
	run(f, api_update_issues(&f->target, "11", ids, 3, resolve_body, on_result, f));
	assert_int_equal(f->result->status, 404);
	assert_true(starts_with(f->result->error, "update of 3 issues: "));
	assert_non_null(strstr(f->result->error, "organization 'acme'"));
}

static void test_update_malformed_answer(void **state)
{
	struct fixture *f = *state;
	respond_with(f, "200 OK", NULL, "[{\"status\":\"resolved\"}]");
	const char *ids[] = { "1", "2" };
	run(f, api_update_issues(&f->target, "11", ids, 2, resolve_body, on_result, f));
	assert_string_equal(f->result->error, "update of 2 issues: malformed response from "
	                                      "127.0.0.1 (expected an object, got a list)");
	assert_false(f->result->change.has_status);
}

static void test_update_refuses_without_ids(void **state)
{
	/* Without id= a status change hits everything the query matches (up to 1000). */
	struct fixture *f = *state;
	const char *ids[] = { "4500000001", NULL, "" };
	assert_int_equal(api_update_issues(&f->target, "11", ids, 0, resolve_body, on_result, f), 0);
	assert_int_equal(api_update_issues(&f->target, "11", ids + 1, 1, resolve_body, on_result, f),
	                 0);
	assert_int_equal(api_update_issues(&f->target, "11", ids + 2, 1, resolve_body, on_result, f),
	                 0);
	assert_int_equal(api_update_issues(&f->target, "11", ids, 2, resolve_body, on_result, f), 0);
	assert_int_equal(api_update_issues(&f->target, "11", ids, 1, NULL, on_result, f), 0);
	assert_true(api_idle(f->client));
	assert_int_equal(f->calls, 0);
}

/* ---- GETs -------------------------------------------------------------------------- */

static void test_members_page_and_cursor(void **state)
{
	struct fixture *f = *state;
	size_t len;
	char *body = fixture_read("api/openapi.org-members.json", &len);
	respond_with(f, "200 OK",
	             "Link: <http://x/?cursor=0:0:1>; rel=\"previous\"; results=\"true\"; "
	             "cursor=\"0:0:1\", <http://x/?cursor=0:200:0>; rel=\"next\"; results=\"true\"; "
	             "cursor=\"0:200:0\"\r\n",
	             body);
	free(body);
	run(f, api_list_members(&f->target, "0:100:0", on_result, f));
	assert_request_line(f, "GET /api/0/organizations/acme/members/?per_page=100&cursor=0%3a100%3a0"
	                       " HTTP/1.1");
	assert_null(f->result->error);
	assert_int_equal(f->result->nmembers, 1);
	assert_string_equal(f->result->members[0].user_id, "280094367316");
	assert_string_equal(f->result->next_cursor, "0:200:0");
}

static void test_teams_last_page(void **state)
{
	struct fixture *f = *state;
	size_t len;
	char *body = fixture_read("api/openapi.org-teams.json", &len);
	respond_with(f, "200 OK",
	             "Link: <http://x/?cursor=0:0:1>; rel=\"previous\"; results=\"false\"; "
	             "cursor=\"0:0:1\", <http://x/?cursor=0:100:0>; rel=\"next\"; results=\"false\"; "
	             "cursor=\"0:100:0\"\r\n",
	             body);
	free(body);
	run(f, api_list_teams(&f->target, NULL, on_result, f));
	assert_request_line(f, "GET /api/0/organizations/acme/teams/?per_page=100&detailed=0 HTTP/1.1");
	assert_null(f->result->error);
	assert_int_equal(f->result->nteams, 2);
	assert_string_equal(f->result->teams[1].id, "100253");
	assert_null(f->result->next_cursor);
}

static void test_auth_user(void **state)
{
	struct fixture *f = *state;
	size_t len;
	char *body = fixture_read("api/sentry-mcp.auth-user.json", &len);
	respond_with(f, "200 OK", NULL, body);
	free(body);
	run(f, api_auth_user(&f->target, on_result, f));
	assert_request_line(f, "GET /api/0/auth/ HTTP/1.1");
	assert_null(f->result->error);
	assert_int_equal(f->result->nmembers, 1);
	assert_string_equal(f->result->members[0].user_id, "123456");
	assert_string_equal(f->result->members[0].name, "Test User");
}

static void test_auth_user_refused(void **state)
{
	struct fixture *f = *state;
	respond_with(f, "200 OK", NULL, "{\"detail\":\"Invalid token\"}");
	run(f, api_auth_user(&f->target, on_result, f));
	assert_string_equal(f->result->error, "current user: malformed response from 127.0.0.1 "
	                                      "(expected a user with an id, got an object: "
	                                      "Invalid token)");
	assert_null(f->result->members);
	assert_int_equal(f->result->nmembers, 0);
}

#define TEST(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		TEST(test_update_sends_ids_project_and_body),
		TEST(test_update_without_project_and_no_content),
		TEST(test_update_rejected_carries_the_servers_words),
		TEST(test_update_not_found_names_the_organization),
		TEST(test_update_malformed_answer),
		TEST(test_update_refuses_without_ids),
		TEST(test_members_page_and_cursor),
		TEST(test_teams_last_page),
		TEST(test_auth_user),
		TEST(test_auth_user_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
