/* Why a server's TLS certificate was refused, in a sentence that says what to fix.
 *
 * libcurl reports a refused certificate as one error code; the reason is in the TLS
 * library's verify result (CURLINFO_SSL_VERIFYRESULT: an X509_V_ERR_* code with
 * OpenSSL and its forks) and in curl's error text. The verify result decides where it
 * can be trusted to mean an X509 code; the text is the fallback for other backends.
 * Only an untrusted issuer can be fixed on this side (ca_bundle); a wrong name or an
 * expired certificate is the server's to fix, and nothing here ever suggests turning
 * verification off. */
#ifndef API_TLS_ERRORS_H
#define API_TLS_ERRORS_H

#include <stdbool.h>

#include "util/strbuf.h"

enum tls_refusal {
	TLS_REFUSED_OTHER,
	TLS_UNTRUSTED_ISSUER,   /* no chain to a trusted CA: unknown or self-signed issuer */
	TLS_NAME_MISMATCH,      /* valid chain, but not for the host in the URL */
	TLS_EXPIRED,
	TLS_NOT_YET_VALID,
	TLS_REVOKED,
};

/* verify_result: CURLINFO_SSL_VERIFYRESULT; x509_codes: whether it is an X509_V_ERR_*
 * code (an OpenSSL-family backend); curl_text: curl's error buffer (may be empty). */
enum tls_refusal tls_refusal_classify(long verify_result, bool x509_codes, const char *curl_text);

/* Appends the sentence for a refusal of host's certificate. ca_bundle is the configured
 * bundle or NULL (then the system's CAs were used); curl_text is quoted only where the
 * reason has no sentence of its own. */
void tls_refusal_describe(enum tls_refusal why, const char *host, const char *ca_bundle,
                          const char *curl_text, struct strbuf *msg);

/* Whether the TLS library libcurl was built with reports X509_V_ERR_* verify results
 * (OpenSSL, LibreSSL, BoringSSL, quictls, AWS-LC). */
bool tls_backend_has_x509_codes(void);

#endif
