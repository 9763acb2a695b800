/**
 * The launcher's embedded infrastructure: a real PostgreSQL (zonky's binaries) and a real
 * single-node KRaft Kafka broker in this JVM, both keeping their data under the data directory,
 * started before the application context unless external ones are configured.
 */
package io.podservice.local.embedded;
