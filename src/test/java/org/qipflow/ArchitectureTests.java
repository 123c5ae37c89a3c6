package org.qipflow;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The rules that keep the code easy to change: features talk to each other only through their public
 * top-level types and never in a cycle; the engine is reached from a few named classes only; SQL lives
 * in repositories. The module documentation in {@code docs/modules} is written from the same model.
 */
class ArchitectureTests {

    /**
     * The classes that may use Camunda's API, so a move to an API-compatible successor engine touches
     * these and the BPMN files only: each process's engine side and delegates, the identity and webapp
     * bridges, the engine's FEEL for audit rules, the failed-jobs list and start-up ordering.
     */
    private static final List<String> ENGINE_FACING = List.of(
            "org.qipflow.auditcycle.CycleProcess", "org.qipflow.auditcycle.CycleDelegates",
            "org.qipflow.participation.ParticipationProcess", "org.qipflow.participation.ParticipationDelegates",
            "org.qipflow.membership.MembershipRenewalProcess", "org.qipflow.membership.MembershipRenewalDelegates",
            "org.qipflow.topics.TopicProcess", "org.qipflow.topics.TopicDelegates",
            "org.qipflow.lifecycle.ProgrammeProcess",
            "org.qipflow.outliers.OutlierReviewProcess", "org.qipflow.outliers.OutlierReviewDelegates",
            "org.qipflow.actionplans.ActionPlanProcess", "org.qipflow.actionplans.ActionPlanDelegates",
            "org.qipflow.dissemination.ReportSharingProcess", "org.qipflow.dissemination.ReportSharingDelegates",
            "org.qipflow.security.AdminAccountInitializer", "org.qipflow.security.CamundaWebappSingleSignOn",
            "org.qipflow.security.DemoExposureGuard", "org.qipflow.security.EngineIdentityAuthenticationProvider",
            "org.qipflow.security.SpringSecurityCamundaAuthentication", "org.qipflow.definitions.Feel",
            "org.qipflow.home.EngineIncidents", "org.qipflow.common.MigrationsBeforeEngine",
            "org.qipflow.common.ProcessMessages");

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.qipflow");

    @Test
    void featureModulesRespectTheirBoundaries() {
        ApplicationModules.of(QipflowApplication.class).verify();
    }

    /**
     * The committed module documentation is what the code says now: regenerate it when a module changes.
     * Lines are compared in any order, as the Documenter writes relations and listed events in no fixed
     * order (and marks the first item of a table cell with its separator).
     */
    @Test
    void moduleDocumentationIsCurrent() throws IOException {
        Path generated = Path.of("target/modules");
        new Documenter(ApplicationModules.of(QipflowApplication.class),
                Documenter.Options.defaults().withOutputFolder(generated.toString()))
                .writeModulesAsPlantUml().writeIndividualModulesAsPlantUml().writeModuleCanvases();
        try (Stream<Path> files = Files.list(generated)) {
            for (Path file : files.toList()) {
                Path committed = Path.of("docs/modules").resolve(file.getFileName());
                assertThat(committed).as("docs/modules lacks a file: copy target/modules/* there").exists();
                assertThat(sortedLines(committed)).as("%s is out of date: copy target/modules/* there", committed)
                        .isEqualTo(sortedLines(file));
            }
        }
    }

    @Test
    void onlyTheEngineFacingClassesUseTheEngine() {
        noClasses().that(DescribedPredicate.describe("are not engine-facing",
                        c -> !ENGINE_FACING.contains(c.getName().replaceAll("\\$.*", ""))))
                .should().dependOnClassesThat().resideInAPackage("org.camunda..")
                .because("the engine is reached through a few named classes (see docs/architecture.md)")
                .check(MAIN);
    }

    @Test
    void onlyRepositoriesTalkSql() {
        noClasses().that().haveSimpleNameNotEndingWith("Repository")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.springframework.jdbc.core.simple.JdbcClient")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.springframework.jdbc.core.JdbcTemplate")
                .because("all SQL lives in a feature's repositories").check(MAIN);
    }

    private static List<String> sortedLines(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(line -> line.replaceFirst("^\\|\\* ", "* ")).sorted().toList();
    }
}
