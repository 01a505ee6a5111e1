/* Refused TLS certificates in plain sentences (see tls_errors.h). */
#include "api/tls_errors.h"

#include <curl/curl.h>
#include <string.h>

/* OpenSSL's X509_V_ERR_* numbers (x509_vfy.h; stable since OpenSSL 0.9, shared by its
 * forks). Spelled out so that this file needs no OpenSSL headers. */
enum {
	X509_OK = 0,
	X509_UNSPECIFIED = 1,
	X509_UNABLE_TO_GET_ISSUER_CERT = 2,
	X509_CERT_NOT_YET_VALID = 9,
	X509_CERT_HAS_EXPIRED = 10,
	X509_DEPTH_ZERO_SELF_SIGNED_CERT = 18,
	X509_SELF_SIGNED_CERT_IN_CHAIN = 19,
	X509_UNABLE_TO_GET_ISSUER_CERT_LOCALLY = 20,
	X509_UNABLE_TO_VERIFY_LEAF_SIGNATURE = 21,
	X509_CERT_REVOKED = 23,
	X509_HOSTNAME_MISMATCH = 62,
	X509_IP_ADDRESS_MISMATCH = 64,
};

static bool has(const char *text, const char *part)
{
	return text && strstr(text, part) != NULL;
}

/* curl's own words, for backends whose verify result is not an X509 code. */
static enum tls_refusal classify_text(const char *text)
{
	if (has(text, "subject name") || has(text, "does not match target host") ||
	    has(text, "common name"))
		return TLS_NAME_MISMATCH;
	if (has(text, "expired"))
		return TLS_EXPIRED;
	if (has(text, "not yet valid"))
		return TLS_NOT_YET_VALID;
	if (has(text, "revoked"))
		return TLS_REVOKED;
	if (has(text, "self-signed") || has(text, "self signed") || has(text, "issuer certificate") ||
	    has(text, "unable to verify the first certificate") || has(text, "unknown issuer"))
		return TLS_UNTRUSTED_ISSUER;
	return TLS_REFUSED_OTHER;
}

enum tls_refusal tls_refusal_classify(long verify_result, bool x509_codes, const char *curl_text)
{
	if (!x509_codes)
		return classify_text(curl_text);
	switch (verify_result) {
	case X509_UNABLE_TO_GET_ISSUER_CERT:
	case X509_DEPTH_ZERO_SELF_SIGNED_CERT:
	case X509_SELF_SIGNED_CERT_IN_CHAIN:
	case X509_UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
	case X509_UNABLE_TO_VERIFY_LEAF_SIGNATURE:
		return TLS_UNTRUSTED_ISSUER;
	case X509_CERT_HAS_EXPIRED:
		return TLS_EXPIRED;
	case X509_CERT_NOT_YET_VALID:
		return TLS_NOT_YET_VALID;
	case X509_CERT_REVOKED:
		return TLS_REVOKED;
	case X509_HOSTNAME_MISMATCH:
	case X509_IP_ADDRESS_MISMATCH:
		return TLS_NAME_MISMATCH;
	case X509_OK:
	case X509_UNSPECIFIED:
		/* The chain verified: with OpenSSL, curl checks the name itself afterwards and
		 * marks a mismatch "unspecified", so its text tells whether it was the name. */
		return classify_text(curl_text) == TLS_NAME_MISMATCH ? TLS_NAME_MISMATCH
		                                                     : TLS_REFUSED_OTHER;
	default:
		return TLS_REFUSED_OTHER;
	}
}

void tls_refusal_describe(enum tls_refusal why, const char *host, const char *ca_bundle,
                          const char *curl_text, struct strbuf *msg)
{
	const char *words = curl_text && *curl_text ? curl_text : "no reason given";
	switch (why) {
	case TLS_UNTRUSTED_ISSUER:
		if (ca_bundle)
			strbuf_addf(msg, "the certificate of %s is signed by an issuer that is not in "
			                 "ca_bundle %s (%s)", host, ca_bundle, words);
		else
			strbuf_addf(msg, "the certificate of %s is signed by an issuer this system "
			                 "does not trust (%s); for a private CA set ca_bundle in the "
			                 "config", host, words);
		break;
	case TLS_NAME_MISMATCH:
		strbuf_addf(msg, "the certificate of %s is not valid for that name (is the host in "
		                 "SENTRY_URL the server's own name?)", host);
		break;
	case TLS_EXPIRED:
		strbuf_addf(msg, "the certificate of %s has expired (or this machine's clock is "
		                 "wrong)", host);
		break;
	case TLS_NOT_YET_VALID:
		strbuf_addf(msg, "the certificate of %s is not valid yet (is this machine's clock "
		                 "right?)", host);
		break;
	case TLS_REVOKED:
		strbuf_addf(msg, "the certificate of %s has been revoked by its issuer", host);
		break;
	case TLS_REFUSED_OTHER:
		strbuf_addf(msg, "the certificate of %s was refused: %s", host, words);
		break;
	}
}

bool tls_backend_has_x509_codes(void)
{
	const char *ssl = curl_version_info(CURLVERSION_NOW)->ssl_version;
	static const char *const openssl_family[] = { "OpenSSL", "LibreSSL", "BoringSSL",
	                                              "quictls", "AWS-LC" };
	if (!ssl)
		return false;
	/* A multi-SSL build lists its backends as "(OpenSSL/3.0) GnuTLS/..."; the one in
	 * use is the one without parentheses, named first or alone. */
	if (*ssl == '(')
		return false;
	for (size_t i = 0; i < sizeof openssl_family / sizeof openssl_family[0]; i++)
		if (strncmp(ssl, openssl_family[i], strlen(openssl_family[i])) == 0)
			return true;
	return false;
}
