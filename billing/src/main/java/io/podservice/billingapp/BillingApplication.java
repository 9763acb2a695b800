package io.podservice.billingapp;

import io.podservice.billing.BillingModule;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** The billing subscriber as an application of its own, for the distributed deployment. */
@SpringBootApplication(scanBasePackageClasses = BillingApplication.class)
@Import(BillingModule.class)
public class BillingApplication {

    public static void main(String[] args) {
        SpringApplication.run(BillingApplication.class, args);
    }
}
