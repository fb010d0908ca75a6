package io.github.metacommerce.admin;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/** The admin server is built on the SDK's and the Spring module's public API, petclinic style. */
class ArchitectureTest {
    private static final JavaClasses ADMIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.github.metacommerce.admin");

    @Test
    void usesNoInternalPackageOfTheSdk() {
        noClasses().should().dependOnClassesThat().resideInAPackage("io.github.metacommerce.internal..")
                .check(ADMIN);
    }

    @Test
    void controllersArePackagePrivate() {
        classes().that().areAnnotatedWith(RestController.class).or().areAnnotatedWith(Controller.class)
                .should().notBePublic().check(ADMIN);
    }

    @Test
    void configurationClassesArePackagePrivate() {
        classes().that().areAnnotatedWith(Configuration.class).should().notBePublic().check(ADMIN);
    }

    @Test
    void noPackageByLayer() {
        noClasses().should().resideInAnyPackage("..controller..", "..service..", "..repository..").check(ADMIN);
    }
}
