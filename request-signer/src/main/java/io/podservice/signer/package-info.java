/**
 * JD Cloud's request signature, written from the published algorithm (SigV4-shaped: key prefix
 * {@code JDCLOUD2} and terminator {@code jdcloud2_request}, or their JDCLOUD3 twins) and checked
 * against JD Cloud's own clients. {@link JdcloudSigner} computes a signature, {@link CanonicalForms}
 * the canonical path and query as the clients compute them; the service's verifier and the
 * project's clients (the CLI, the tests) both use them.
 */
package io.podservice.signer;
