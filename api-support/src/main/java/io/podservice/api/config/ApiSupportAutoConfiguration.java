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
import io.podservice.api.web.ApiJson;
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
@EnableConfigurationProperties({RegionCatalog.class, InstanceTypeCatalog.class, TopicProperties.class, QuotaLimits.class,
        io.podservice.api.catalog.PriceList.class})
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

    /**
     * Tomcat's error page for what it refuses before the application sees it (an over-long request
     * line or headers) is {@link io.podservice.api.web.JsonErrorReportValve}: the API's envelope,
     * not HTML. The host adds its stock valve when it starts, so the context, started after it,
     * swaps it.
     */
    @Bean
    org.springframework.boot.web.server.WebServerFactoryCustomizer<
            org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory> jsonErrorReports() {
        return factory -> factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
            if (org.apache.catalina.Lifecycle.BEFORE_START_EVENT.equals(event.getType())
                    && context.getParent() instanceof org.apache.catalina.core.StandardHost host) {
                host.setErrorReportValveClass(io.podservice.api.web.JsonErrorReportValve.class.getName());
                for (org.apache.catalina.Valve valve : host.getPipeline().getValves()) {
                    if (valve.getClass() == org.apache.catalina.valves.ErrorReportValve.class) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                if (java.util.Arrays.stream(host.getPipeline().getValves())
                        .noneMatch(v -> v instanceof io.podservice.api.web.JsonErrorReportValve)) {
                    host.getPipeline().addValve(new io.podservice.api.web.JsonErrorReportValve());
                }
            }
        }));
    }

    /**
     * The API's JSON: dates as JD Cloud writes them (ISO 8601 in UTC, whole seconds), and request
     * bodies read strictly (one document and nothing after it, no key twice, no number or boolean
     * where text belongs, no empty string where a number or boolean belongs). What JD Cloud's own
     * clients send stays accepted: {@code "false"} for a boolean (jdc) and numeric strings for numbers.
     */
    @Bean
    org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer apiJson() {
        return builder -> builder.serializerByType(java.time.Instant.class, new ApiDates.InstantSerializer())
                .featuresToEnable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .postConfigurer(ApiJson::strictCoercions);
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
    io.podservice.api.metrics.PipelineHops pipelineHops(io.micrometer.core.instrument.MeterRegistry meters) {
        return new io.podservice.api.metrics.PipelineHops(meters);
    }

    @Bean
    NewTopic podEventsTopic(TopicProperties topics) {
        return new NewTopic(Topics.POD_EVENTS, topics.getPartitions(), topics.getReplicationFactor());
    }

    @Bean
    NewTopic podTaskResultsTopic(TopicProperties topics) {
        return new NewTopic(Topics.POD_TASK_RESULTS, topics.getPartitions(), topics.getReplicationFactor());
    }

    @Bean
    NewTopic nodeHeartbeatsTopic(TopicProperties topics) {
        // heartbeats matter only while fresh: a day of them is plenty for debugging; stamped by the broker,
        // so their age never depends on a node's clock
        return new NewTopic(Topics.NODE_HEARTBEATS, topics.getPartitions(), topics.getReplicationFactor())
                .configs(java.util.Map.of("retention.ms", Long.toString(java.time.Duration.ofDays(1).toMillis()),
                        "message.timestamp.type", "LogAppendTime"));
    }
}
