/* Refused certificates: the verify result (and curl's text, where the TLS library's
 * codes are not X509's) picks the sentence, and only an untrusted issuer suggests
 * ca_bundle. The texts are libcurl's own, as it writes them with OpenSSL and GnuTLS. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "api/tls_errors.h"

static const char name_text[] =
	"SSL: no alternative certificate subject name matches target host name '127.0.0.1'";
static const char cn_text[] =
	"SSL: certificate subject name 'wrong.example' does not match target host name 'sentry.acme.test'";

static void test_x509_codes_pick_the_reason(void **state)
{
	const char *issuer = "SSL certificate problem: unable to get local issuer certificate";
	assert_int_equal(tls_refusal_classify(20, true, issuer), TLS_UNTRUSTED_ISSUER);
	assert_int_equal(tls_refusal_classify(18, true, "SSL certificate problem: self-signed certificate"),
	                 TLS_UNTRUSTED_ISSUER);
	assert_int_equal(tls_refusal_classify(19, true, ""), TLS_UNTRUSTED_ISSUER);
	assert_int_equal(tls_refusal_classify(21, true, ""), TLS_UNTRUSTED_ISSUER);
	assert_int_equal(tls_refusal_classify(2, true, ""), TLS_UNTRUSTED_ISSUER);
	assert_int_equal(tls_refusal_classify(10, true, "SSL certificate problem: certificate has expired"),
	                 TLS_EXPIRED);
	assert_int_equal(tls_refusal_classify(9, true, ""), TLS_NOT_YET_VALID);
	assert_int_equal(tls_refusal_classify(23, true, ""), TLS_REVOKED);
	assert_int_equal(tls_refusal_classify(62, true, ""), TLS_NAME_MISMATCH);
	assert_int_equal(tls_refusal_classify(64, true, ""), TLS_NAME_MISMATCH);
}

static void test_code_wins_over_misleading_text(void **state)
{
	/* The number is the library's verdict; words in the text do not override it. */
	assert_int_equal(tls_refusal_classify(10, true, "self-signed certificate"), TLS_EXPIRED);
	assert_int_equal(tls_refusal_classify(20, true, "certificate has expired"), TLS_UNTRUSTED_ISSUER);
}

static void test_name_check_after_a_good_chain(void **state)
{
	/* With OpenSSL curl checks the name after the chain verified and leaves the result
	 * 0 or 1 (unspecified): only its text says it was the name. */
	assert_int_equal(tls_refusal_classify(1, true, name_text), TLS_NAME_MISMATCH);
	assert_int_equal(tls_refusal_classify(0, true, cn_text), TLS_NAME_MISMATCH);
	assert_int_equal(tls_refusal_classify(0, true, "SSL: public key does not match pinned public key"),
	                 TLS_REFUSED_OTHER);
	assert_int_equal(tls_refusal_classify(1, true, ""), TLS_REFUSED_OTHER);
	assert_int_equal(tls_refusal_classify(1234, true, name_text), TLS_REFUSED_OTHER);
}

static void test_other_backends_by_text(void **state)
{
	assert_int_equal(tls_refusal_classify(0x42, false, name_text), TLS_NAME_MISMATCH);
	assert_int_equal(tls_refusal_classify(0, false, "SSL certificate problem: certificate has expired"),
	                 TLS_EXPIRED);
	assert_int_equal(tls_refusal_classify(0, false, "SSL certificate problem: unable to get local issuer certificate"),
	                 TLS_UNTRUSTED_ISSUER);
	assert_int_equal(tls_refusal_classify(0, false, "server certificate verification failed. CAfile: "
	                                                 "/etc/ssl/certs/ca-certificates.crt CRLfile: none"),
	                 TLS_REFUSED_OTHER);
	assert_int_equal(tls_refusal_classify(0, false, NULL), TLS_REFUSED_OTHER);
}

static char *describe(enum tls_refusal why, const char *ca_bundle, const char *text)
{
	struct strbuf sb = STRBUF_INIT;
	tls_refusal_describe(why, "sentry.acme.test", ca_bundle, text, &sb);
	return strbuf_detach(&sb);
}

static void assert_describes(enum tls_refusal why, const char *ca_bundle, const char *text,
                             const char *expected)
{
	char *got = describe(why, ca_bundle, text);
	assert_string_equal(got, expected);
	/* Never advice to switch the check off. */
	assert_null(strstr(got, "insecure"));
	assert_null(strstr(got, "verify"));
	free(got);
}

static void test_sentences(void **state)
{
	assert_describes(TLS_UNTRUSTED_ISSUER, NULL, "SSL certificate problem: self-signed certificate",
	                 "the certificate of sentry.acme.test is signed by an issuer this system does "
	                 "not trust (SSL certificate problem: self-signed certificate); for a private "
	                 "CA set ca_bundle in the config");
	assert_describes(TLS_UNTRUSTED_ISSUER, "/etc/acme-ca.pem", "x",
	                 "the certificate of sentry.acme.test is signed by an issuer that is not in "
	                 "ca_bundle /etc/acme-ca.pem (x)");
	assert_describes(TLS_NAME_MISMATCH, NULL, name_text,
	                 "the certificate of sentry.acme.test is not valid for that name (is the host "
	                 "in SENTRY_URL the server's own name?)");
	assert_describes(TLS_EXPIRED, "/etc/acme-ca.pem", "",
	                 "the certificate of sentry.acme.test has expired (or this machine's clock is "
	                 "wrong)");
	assert_describes(TLS_NOT_YET_VALID, NULL, "",
	                 "the certificate of sentry.acme.test is not valid yet (is this machine's "
	                 "clock right?)");
	assert_describes(TLS_REVOKED, NULL, "",
	                 "the certificate of sentry.acme.test has been revoked by its issuer");
	assert_describes(TLS_REFUSED_OTHER, NULL, "",
	                 "the certificate of sentry.acme.test was refused: no reason given");
	assert_describes(TLS_REFUSED_OTHER, NULL, NULL,
	                 "the certificate of sentry.acme.test was refused: no reason given");
}

static void test_only_an_untrusted_issuer_suggests_ca_bundle(void **state)
{
	for (int why = TLS_REFUSED_OTHER; why <= TLS_REVOKED; why++) {
		char *got = describe((enum tls_refusal)why, NULL, "");
		if (why == TLS_UNTRUSTED_ISSUER)
			assert_non_null(strstr(got, "ca_bundle"));
		else
			assert_null(strstr(got, "ca_bundle"));
		free(got);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_x509_codes_pick_the_reason),
		cmocka_unit_test(test_code_wins_over_misleading_text),
		cmocka_unit_test(test_name_check_after_a_good_chain),
		cmocka_unit_test(test_other_backends_by_text),
		cmocka_unit_test(test_sentences),
		cmocka_unit_test(test_only_an_untrusted_issuer_suggests_ca_bundle),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
