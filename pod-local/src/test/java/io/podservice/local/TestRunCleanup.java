package io.podservice.local;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Once per test run (the root store lives until the last test class has run): removes every
 * container labelled with this run (the pods the worker made, the registry fixture) and the
 * test image the worker pulled.
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
                    TestRun.removeContainers();
                    TestRun.removeVolumes();
                    TestRun.removeNetworks();
                    TestRun.removeNatChains();
                    TestRun.unmountUnderDataDir();
                    TestRun.removeCgroups();
                    TestRun.removeImage(ServiceTest.IMAGE);
                    TestRun.removeImage(ServiceTest.NODE_LOGIN_IMAGE);
                    ServiceTest.REGISTRY.stop();
                    ServiceTest.NODE_LOGIN.stop();
                    TestRun.unregister();
                }, ExtensionContext.Store.CloseableResource.class);
    }
}
