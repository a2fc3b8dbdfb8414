package cn.jiyun.fulfillment;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.Set;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.conditions.ArchPredicates.are;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The boundaries between the service's feature packages, checked on every build.
 *
 * <p>ArchUnit rather than Spring Modulith: the features keep their repositories public in their
 * base package (Spring Data needs no more), and Modulith counts a module's base package as its API,
 * so it would let {@code orders} use {@code shops}' repository; ArchUnit states "a repository or a
 * web class is used only by its own feature" as it is meant, whatever package the class sits in,
 * and needs nothing at run time.
 */
class ModularityTest {

    private static final String ROOT = "cn.jiyun.fulfillment";

    /**
     * Infrastructure every feature may use, repositories and all: failures and paging ({@code errors}),
     * users and roles ({@code security}), the audit columns ({@code store}), coordinates ({@code geo}),
     * and the root package ({@code ChinaTime}, the application class).
     */
    private static final Set<String> SHARED = Set.of("", "errors", "security", "store", "geo");

    private static final JavaClasses SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void featurePackagesDependOnEachOtherWithoutCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(SERVICE);
    }

    @Test
    void aFeaturesRepositoriesAreUsedOnlyByThatFeature() {
        classes().that(are(assignableTo(Repository.class)))
                .and(are(not(resideInAnyPackage(sharedPackages()))))
                .should(beUsedOnlyWithinTheirFeature())
                .check(SERVICE);
    }

    @Test
    void aFeaturesWebClassesAreUsedOnlyByThatFeature() {
        classes().that().resideInAPackage(ROOT + ".*.web..")
                .or().areAnnotatedWith(Controller.class)
                .or().areAnnotatedWith(RestController.class)
                .or().areAnnotatedWith(ControllerAdvice.class)
                .or().areAnnotatedWith(RestControllerAdvice.class)
                .should(beUsedOnlyWithinTheirFeature())
                .check(SERVICE);
    }

    @Test
    void theDemoLoadsDataThroughTheFeaturesNotWithSql() {
        noClasses().that().resideInAPackage(ROOT + ".demo..")
                .should().dependOnClassesThat(are(assignableTo(JdbcTemplate.class)
                        .or(assignableTo(NamedParameterJdbcTemplate.class))
                        .or(assignableTo(JdbcClient.class))
                        .or(assignableTo(jakarta.persistence.EntityManager.class))))
                .check(SERVICE);
    }

    @Test
    void productionCodeDoesNotUseTheRoutingBenchmark() {
        noClasses().should().dependOnClassesThat().resideInAPackage("cn.jiyun.routing.bench..")
                .check(SERVICE);
    }

    private static String[] sharedPackages() {
        return SHARED.stream().filter(p -> !p.isEmpty()).map(p -> ROOT + "." + p + "..").toArray(String[]::new);
    }

    /** The feature a class belongs to: the first package below the root, "" for the root itself. */
    private static String featureOf(JavaClass type) {
        String name = type.getPackageName();
        if (!name.startsWith(ROOT + ".")) {
            return name.equals(ROOT) ? "" : name;
        }
        String rest = name.substring(ROOT.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private static ArchCondition<JavaClass> beUsedOnlyWithinTheirFeature() {
        return new ArchCondition<>("be used only by classes of their own feature") {
            @Override
            public void check(JavaClass target, ConditionEvents events) {
                String feature = featureOf(target);
                for (Dependency dependency : target.getDirectDependenciesToSelf()) {
                    JavaClass origin = dependency.getOriginClass();
                    if (!featureOf(origin).equals(feature) && !origin.getPackageName().equals(ROOT)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }
}
