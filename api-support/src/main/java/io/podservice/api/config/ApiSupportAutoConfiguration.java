package io.podservice.api.config;

import io.podservice.api.catalog.InstanceTypeCatalog;
import io.podservice.api.catalog.QuotaLimits;
import io.podservice.api.catalog.RegionCatalog;
import io.podservice.api.kafka.KafkaHealthIndicator;
import io.podservice.api.kafka.TopicProperties;
import io.podservice.api.node.NodeToken;
import io.podservice.api.web.ApiDates;
import io.podservice.api.web.ApiErrorController;
import io.podservice.api.web.ApiExceptionHandler;
import io.podservice.api.web.RequestIdFilter;
import io.podservice.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;

/** Wires the shared web envelope, catalogs, topics and Kafka health into every application of the service. */
@AutoConfiguration(after = KafkaAutoConfiguration.class,
        before = org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration.class)
@EnableConfigurationProperties({RegionCatalog.class, InstanceTypeCatalog.class, TopicProperties.class, QuotaLimits.class})
public class ApiSupportAutoConfiguration {

    @Bean
    RequestIdFilter requestIdFilter() {
        return new RequestIdFilter();
    }

    @Bean
    ApiExceptionHandler apiExceptionHandler() {
        return new ApiExceptionHandler();
    }

    @Bean
    ApiErrorController apiErrorController() {
        return new ApiErrorController();
    }

    /** Dates on the wire as JD Cloud writes them: ISO 8601 in UTC, whole seconds ({@code 2026-11-27T10:00:00Z}). */
    @Bean
    org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer apiDates() {
        return builder -> builder.serializerByType(java.time.Instant.class, new ApiDates.InstantSerializer());
    }

    @Bean
    NodeToken nodeToken(@Value("${pod.node-token:}") String token) {
        return new NodeToken(token);
    }

    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin) {
        return new KafkaHealthIndicator(kafkaAdmin);
    }

    @Bean
    NewTopic podEventsTopic(TopicProperties topics) {
        return new NewTopic(Topics.POD_EVENTS, topics.getPartitions(), topics.getReplicationFactor());
    }

    @Bean
    NewTopic podTaskResultsTopic(TopicProperties topics) {
        return new NewTopic(Topics.POD_TASK_RESULTS, topics.getPartitions(), topics.getReplicationFactor());
    }
}
