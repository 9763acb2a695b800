/**
 * Who is calling: accounts and their access keys ({@link io.podservice.identity.Accounts}), the
 * verification of JD Cloud's signature v2 on every {@code /v1} request
 * ({@link io.podservice.identity.SignatureFilter}, {@link io.podservice.identity.SignatureVerifier}),
 * the nonces that make a signed request usable once, and the {@link io.podservice.identity.Caller}
 * that controllers scope every resource by.
 */
package io.podservice.identity;
