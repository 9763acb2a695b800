package io.podservice.worker;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Everything of the node agent; imported by the pod-worker application and by the launcher. */
@Configuration(proxyBeanMethods = false)
@ComponentScan
@EnableConfigurationProperties(WorkerProperties.class)
@EnableScheduling
public class PodWorkerModule {
}
