package io.podservice.command.infrastructure;

import io.podservice.persistence.ModuleSchema;
import io.podservice.events.EventJson;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon on PostgreSQL without Axon Server: the JDBC event store and token store on tables that
 * Flyway creates ({@code db/command}), events as JSON written by the shared {@link EventJson}
 * codec, the request id carried from commands to events, and a publisher that stops and retries
 * on failure instead of skipping events.
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    @Bean
    Flyway commandSchema(DataSource dataSource) {
        return ModuleSchema.migrate(dataSource, "command");
    }

    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer() {
        return JacksonSerializer.builder().objectMapper(EventJson.newMapper()).build();
    }

    /**
     * PostgreSQL reports a unique violation as SQLState 23505 (vendor code 0), often inside a
     * BatchUpdateException's next exception; Axon must see it as a duplicate key so that a second
     * aggregate with a taken id fails as AggregateStreamCreationException (idempotent creates rely on it).
     */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return exception -> {
            for (Throwable t = exception; t != null; t = t.getCause()) {
                for (java.sql.SQLException sql = t instanceof java.sql.SQLException s ? s : null; sql != null;
                     sql = sql.getNextException()) {
                    if ("23505".equals(sql.getSQLState())) {
                        return true;
                    }
                }
                if (t.getCause() == t) {
                    break;
                }
            }
            return false;
        };
    }

    /**
     * The event store, with its reader polling every 100 ms rather than Axon's 1 s when it has not
     * been woken by a local commit: a commit that lands while the reader is mid-fetch does not wake
     * it, and its events then waited up to a second to be published (seen as a 1 s p99 of the event →
     * projection lag at concurrency 1; docs/performance.md). Axon's auto-configuration builds the
     * store with no way to set the delay, so this replaces that bean (before any stream was opened)
     * with one on the same storage engine.
     */
    @Bean
    static BeanPostProcessor eventStoreWithShortFetchDelay(ObjectProvider<EventStorageEngine> storageEngine) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof EmbeddedEventStore original) {
                    original.shutDown();
                    return EmbeddedEventStore.builder().storageEngine(storageEngine.getObject()).fetchDelay(100).build();
                }
                return bean;
            }
        };
    }

    @Bean
    CorrelationDataProvider requestIdCorrelation() {
        return new SimpleCorrelationDataProvider(CommandMetadata.REQUEST_ID, CommandMetadata.ACCOUNT_ID,
                CommandMetadata.ACCESS_KEY_ID, CommandMetadata.OPERATION);
    }

    @Bean
    ConfigurerModule publisherStopsOnFailure() {
        return configurer -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(KafkaEventPublisher.PROCESSING_GROUP,
                        c -> PropagatingErrorHandler.instance());
    }
}
