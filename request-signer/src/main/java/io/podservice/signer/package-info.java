/**
 * JD Cloud's request signature v2, written from the published algorithm (SigV4-shaped, key
 * prefix {@code JDCLOUD2}, terminator {@code jdcloud2_request}). {@link Jdcloud2Signer} computes
 * a signature; the service's verifier and the project's clients (the CLI, the tests) both use it.
 */
package io.podservice.signer;
