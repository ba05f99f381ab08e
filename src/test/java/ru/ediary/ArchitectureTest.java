package ru.ediary;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Source;
import ru.ediary.access.ChildView;
import ru.ediary.api.ApiBoundary;
import ru.ediary.config.ClockProducer;
import ru.ediary.school.Student;

/** The shape of the house (docs/architecture.md), checked on the compiled main classes. */
@AnalyzeClasses(packages = "ru.ediary", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Classes with a GraphQL batch field resolver: a method with a {@code @Source} parameter. */
    private static final DescribedPredicate<JavaClass> BATCH_FIELD_RESOLVERS = DescribedPredicate.describe(
            "batch field resolvers (@Source methods)", c -> c.getMethods().stream()
                    .flatMap(m -> m.getParameters().stream()).anyMatch(p -> p.isAnnotatedWith(Source.class)));

    @ArchTest
    static final ArchRule resolversDoNotReadTheSelectionSet = noClasses()
            .should().callMethod(io.smallrye.graphql.api.Context.class, "getSelectedFields")
            .orShould().callMethod(io.smallrye.graphql.api.Context.class, "getSelectedAndSourceFields")
            .orShould().callMethod(graphql.schema.DataFetchingEnvironment.class, "getSelectionSet")
            .because("operations are fetched without their selection set (api.SharedOperationFetchers); "
                    + "read the document, as diary.SiblingFields does");

    @ArchTest
    static final ArchRule featurePackagesHaveNoCycles = slices().matching("ru.ediary.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule auditIsALeafEveryFeatureWritesTo = noClasses().that().resideInAPackage("ru.ediary.audit..")
            .should().dependOnClassesThat().resideInAnyPackage("ru.ediary.access..", "ru.ediary.trust..",
                    "ru.ediary.diary..", "ru.ediary.school..", "ru.ediary.notification..");

    @ArchTest
    static final ArchRule everyGraphQLApiCarriesTheErrorBoundary = classes().that().areAnnotatedWith(GraphQLApi.class)
            .should().beAnnotatedWith(ApiBoundary.class);

    @ArchTest
    static final ArchRule apiClassesAndBatchResolversDoNotQueryTheDatabase = noClasses()
            .that().areAnnotatedWith(GraphQLApi.class).or(BATCH_FIELD_RESOLVERS)
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "java.sql..", "javax.sql..",
                    "org.hibernate..", "io.quarkus.hibernate.orm.panache..", "io.agroal..")
            .because("API classes delegate to services; SQL lives in repositories and query classes");

    @ArchTest
    static final ArchRule aChildIsBuiltOnlyByTheReadRulesOwner = noClasses()
            .that().resideOutsideOfPackage("ru.ediary.access..")
            .should().callConstructorWhere(DescribedPredicate.describe("ChildView's constructor",
                    c -> c.getTarget().getOwner().isEquivalentTo(ChildView.class)))
            .orShould().callMethod(ChildView.class, "of", Student.class)
            .because("a Child reaches a response only through the read rule (access.ChildReaders, "
                    + "access.DirectAccessService)");

    @ArchTest
    static final ArchRule businessTimeComesFromTheInjectedClock = noClasses()
            .that().doNotBelongToAnyOf(ClockProducer.class)
            .should().callMethod(java.time.Instant.class, "now")
            .orShould().callMethod(java.time.LocalDate.class, "now")
            .orShould().callMethod(java.time.LocalDateTime.class, "now")
            .orShould().callMethod(java.time.OffsetDateTime.class, "now")
            .orShould().callMethod(java.time.ZonedDateTime.class, "now")
            .orShould().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethod(java.time.Clock.class, "systemUTC")
            .orShould().callMethod(java.time.Clock.class, "systemDefaultZone")
            // System.nanoTime stays allowed: metrics and timers measure durations, not business time.
            .because("tests move time through the injected Clock (config.ClockProducer, test TestClock)");

    @ArchTest
    static final ArchRule studentsAreReadThroughTheRepository = noClasses()
            .that().doNotBelongToAnyOf(Student.class)
            .should().callMethodWhere(DescribedPredicate.describe("Panache static methods on Student",
                    c -> c.getTarget().getOwner().isEquivalentTo(Student.class)
                            && c.getTarget().resolveMember().map(m -> m.getModifiers()
                                    .contains(com.tngtech.archunit.core.domain.JavaModifier.STATIC)).orElse(true)
                            && !c.getTarget().getName().startsWith("$$")))
            .because("Student has one data-access style: school.StudentRepository");
}
