package io.podservice.local;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Once per test run (the root store lives until the last test class has run): removes everything
 * the run made ({@link TestRun#removeEverything}: the pods the worker made, the registry fixtures,
 * their networks, volumes, chains, cgroups and the test images), then forgets the run.
 */
class TestRunCleanup implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        // the fixtures first: the registry and the system properties the context is started with
        ServiceTest.ensureFixtures();
        ConfigurableApplicationContext service =
                (ConfigurableApplicationContext) SpringExtension.getApplicationContext(context);
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(TestRunCleanup.class, key -> (ExtensionContext.Store.CloseableResource) () -> {
                    // the worker first, so it creates nothing after the clean-up
                    service.close();
                    TestRun.removeEverything();
                    TestRun.unmountUnderDataDir();
                    ServiceTest.REGISTRY.stop();
                    ServiceTest.NODE_LOGIN.stop();
                    TestRun.unregister();
                }, ExtensionContext.Store.CloseableResource.class);
    }
}
