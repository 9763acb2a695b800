package io.podservice.commandapp;

import io.podservice.command.CommandApiModule;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** command-api as an application of its own, for the distributed deployment (external PostgreSQL and Kafka). */
@SpringBootApplication(scanBasePackageClasses = CommandApiApplication.class)
@Import(CommandApiModule.class)
public class CommandApiApplication {

    public static void main(String[] args) {
        SpringApplication.run(CommandApiApplication.class, args);
    }
}
