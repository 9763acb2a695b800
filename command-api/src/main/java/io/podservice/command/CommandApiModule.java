package io.podservice.command;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import io.podservice.identity.IdentityModule;

/** Everything of the write side; imported by the command-api application and by the launcher. */
@Configuration(proxyBeanMethods = false)
@ComponentScan
@Import(IdentityModule.class)
public class CommandApiModule {
}
