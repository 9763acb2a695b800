package io.podservice.command;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** Everything of the write side; imported by the command-api application and by the launcher. */
@Configuration(proxyBeanMethods = false)
@ComponentScan
public class CommandApiModule {
}
