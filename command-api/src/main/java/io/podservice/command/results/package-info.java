/** Workers' task results coming back from Kafka, checked by the Pod aggregate. */
package io.podservice.command.results;
