/**
 * What every HTTP application of the pod service shares: the JD Cloud envelope
 * ({@code requestId} + {@code result} or {@code error}), the request id filter, the mapping of
 * exceptions to the API's error format, the region and instance-type catalogs from configuration,
 * the Kafka topics and the health of Kafka. Wired by {@link io.podservice.api.config.ApiSupportAutoConfiguration}.
 */
package io.podservice.api;
