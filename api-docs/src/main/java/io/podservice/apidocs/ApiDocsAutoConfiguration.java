package io.podservice.apidocs;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/** The OpenAPI document, in every application that serves the API (the nodes serve none). */
@AutoConfiguration
public class ApiDocsAutoConfiguration {

    @Bean
    OpenApiDocument openApiDocument() {
        return new OpenApiDocument();
    }
}
