package io.podservice.local;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.axonframework.spring.stereotype.Aggregate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.web.bind.annotation.RestController;

/**
 * The shape of the code, kept: modules depend one way, controllers stay thin, Docker stays behind the
 * node's runtime, and no package of any module depends on itself through others.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArchitectureTest {

    /** A controller method parses, calls one service and answers: longer ones hold rules that belong in the domain. */
    private static final int MAX_CONTROLLER_METHOD_LINES = 25;

    private JavaClasses classes;

    @BeforeAll
    void importTheCode() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.podservice");
    }

    @Test
    void controllersDoNotReachIntoAggregates() {
        noClasses().that().areAnnotatedWith(RestController.class)
                .should().dependOnClassesThat().areAnnotatedWith(Aggregate.class)
                .because("an aggregate decides through the commands it handles, not through its controller")
                .check(classes);
    }

    @Test
    void controllerMethodsAreShort() {
        methods().that().areDeclaredInClassesThat().areAnnotatedWith(RestController.class)
                .should(spanAtMostLines(MAX_CONTROLLER_METHOD_LINES))
                .check(classes);
    }

    @Test
    void theReadSideKnowsNothingOfTheWriteSide() {
        noClasses().that().resideInAPackage("io.podservice.query..")
                .should().dependOnClassesThat().resideInAPackage("io.podservice.command..")
                .check(classes);
        noClasses().that().resideInAPackage("io.podservice.gateway..")
                .should().dependOnClassesThat().resideInAnyPackage("io.podservice.command..", "io.podservice.query..")
                .because("the node gateway asks the read side through PodDirectory, an interface of api-support")
                .check(classes);
    }

    @Test
    void theWriteSideDoesNotReadTheReadModels() {
        noClasses().that().resideInAPackage("io.podservice.command..")
                .should().dependOnClassesThat().resideInAnyPackage("io.podservice.query..", "io.podservice.gateway..")
                .check(classes);
    }

    @Test
    void onlyThePodRuntimesDockerImplementationTalksToDocker() {
        noClasses().that().resideInAPackage("io.podservice.worker..")
                .and().resideOutsideOfPackage("io.podservice.worker.runtime.docker..")
                .should().dependOnClassesThat().resideInAPackage("com.github.dockerjava..")
                .check(classes);
        noClasses().that().resideOutsideOfPackage("io.podservice.worker..")
                .should().dependOnClassesThat().resideInAPackage("com.github.dockerjava..")
                .check(classes);
    }

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        slices().matching("io.podservice.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theNodesCarryNoDatabase() {
        classes().that().resideInAPackage("io.podservice.worker..")
                .should().onlyDependOnClassesThat().resideOutsideOfPackages("org.springframework.jdbc..",
                        "org.flywaydb..", "org.springdoc..", "io.podservice.persistence..")
                .check(classes);
    }

    private static ArchCondition<JavaMethod> spanAtMostLines(int lines) {
        return new ArchCondition<>("span at most " + lines + " lines") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                int first = method.getSourceCodeLocation().getLineNumber();
                int last = method.getAccessesFromSelf().stream()
                        .mapToInt(access -> access.getSourceCodeLocation().getLineNumber()).max().orElse(first);
                if (last - first + 1 > lines) {
                    events.add(SimpleConditionEvent.violated(method, method.getFullName() + " spans lines " + first
                            + " to " + last + " of " + method.getSourceCodeLocation().getSourceFileName()));
                }
            }
        };
    }
}
