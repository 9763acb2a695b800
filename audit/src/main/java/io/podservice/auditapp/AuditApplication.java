package io.podservice.auditapp;

import io.podservice.audit.AuditModule;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** The audit subscriber as an application of its own, for the distributed deployment. */
@SpringBootApplication(scanBasePackageClasses = AuditApplication.class)
@Import(AuditModule.class)
public class AuditApplication {

    public static void main(String[] args) {
        SpringApplication.run(AuditApplication.class, args);
    }
}
