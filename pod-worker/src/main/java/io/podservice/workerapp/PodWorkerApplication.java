package io.podservice.workerapp;

import io.podservice.worker.PodWorkerModule;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** The node agent as an application of its own: one per Docker host in the distributed deployment. */
@SpringBootApplication(scanBasePackageClasses = PodWorkerApplication.class)
@Import(PodWorkerModule.class)
public class PodWorkerApplication {

    public static void main(String[] args) {
        SpringApplication.run(PodWorkerApplication.class, args);
    }
}
