package com.lotastro.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.lotastro.shared.idempotency.IdempotencyFilter;
import com.lotastro.shared.idempotency.Idempotent;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.HeaderParam;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shape we keep: domains without cycles, thin resources, transactions in services, DTOs at the edge. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.lotastro");
    }

    @Test
    void domainsHaveNoCycles() {
        slices().matching("com.lotastro.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void sharedDependsOnNoDomain() {
        noClasses().that().resideInAPackage("com.lotastro.shared..")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("com.lotastro..")
                        .and(JavaClass.Predicates.resideOutsideOfPackages("com.lotastro.shared..")))
                .check(classes);
    }

    @Test
    void resourcesNeverTouchRepositoriesOrTheEntityManager() {
        noClasses().that().haveSimpleNameEndingWith("Resource")
                .should().dependOnClassesThat().areAssignableTo(PanacheRepositoryBase.class)
                .orShould().dependOnClassesThat().areAssignableTo(EntityManager.class)
                .check(classes);
    }

    @Test
    void resourcesImplementTheGeneratedInterfaces() {
        classes().that().haveSimpleNameEndingWith("Resource").and().resideOutsideOfPackage("com.lotastro.api..")
                .should().implement(com.tngtech.archunit.base.DescribedPredicate.describe("a generated *Api interface",
                        (com.tngtech.archunit.core.domain.JavaClass c) -> c.getPackageName().equals("com.lotastro.api")
                                && c.getSimpleName().endsWith("Api")))
                .check(classes);
    }

    @Test
    void transactionsAreDemarcatedOnlyInServices() {
        noClasses().that().haveSimpleNameEndingWith("Resource")
                .or().haveSimpleNameEndingWith("Filter")
                .or().haveSimpleNameEndingWith("Mapper")
                .or().haveSimpleNameEndingWith("Mappers")
                .should().beAnnotatedWith(Transactional.class)
                .check(classes);
        methods().that().areDeclaredInClassesThat().haveSimpleNameEndingWith("Resource")
                .should().notBeAnnotatedWith(Transactional.class)
                .check(classes);
    }

    /** Otherwise the operation would accept the header and run without the key (and outside one transaction). */
    @Test
    void everyOperationTakingAnIdempotencyKeyIsIdempotent() {
        methods().that().areDeclaredInClassesThat().haveSimpleNameEndingWith("Resource")
                .and(takesAnIdempotencyKey())
                .should().beAnnotatedWith(Idempotent.class)
                .check(classes);
    }

    private static DescribedPredicate<JavaMethod> takesAnIdempotencyKey() {
        return DescribedPredicate.describe("implement an operation with an Idempotency-Key header", method ->
                method.getOwner().getAllRawInterfaces().stream()
                        .flatMap(api -> api.getMethods().stream())
                        .filter(declared -> declared.getName().equals(method.getName())
                                && declared.getRawParameterTypes().equals(method.getRawParameterTypes()))
                        .flatMap(declared -> declared.getParameters().stream())
                        .flatMap(parameter -> parameter.getAnnotations().stream())
                        .anyMatch(annotation -> annotation.getRawType().isEquivalentTo(HeaderParam.class)
                                && IdempotencyFilter.HEADER.equals(annotation.get("value").orElse(null))));
    }

    @Test
    void generatedDtosStayInResourcesAndMappers() {
        noClasses().that().resideOutsideOfPackage("com.lotastro.api..")
                .and().haveSimpleNameNotEndingWith("Resource")
                .and().haveSimpleNameNotEndingWith("Mapper")
                .should().dependOnClassesThat().resideInAPackage("com.lotastro.api.model..")
                .check(classes);
    }

    /** One class takes the stock locks, so there is one lock order to keep (see docs/concurrency.md). */
    @Test
    void onlyTheStockLockProtocolTakesStockLocks() {
        noClasses().that().doNotHaveFullyQualifiedName("com.lotastro.reservation.StockLocks")
                .should().callMethod(com.lotastro.catalog.CatalogItems.class, "lockForStockMovement", com.lotastro.catalog.CatalogItem.class)
                .orShould().callMethod(com.lotastro.catalog.CatalogItems.class, "lockByCodesForStockMovement", java.util.UUID.class,
                        java.util.Collection.class)
                .orShould().callMethod(com.lotastro.inventory.Rolls.class, "lock", com.lotastro.inventory.Roll.class)
                .orShould().callMethod(com.lotastro.reservation.Reservations.class, "lock", com.lotastro.reservation.Reservation.class)
                .orShould().callMethod(com.lotastro.supply.SupplyRequestService.class, "lock", com.lotastro.supply.SupplyRequest.class)
                .check(classes);
    }

    /** Other domains reach the promise rule through StockCommitments, never through the reservation tables. */
    @Test
    void onlyTheReservationDomainKnowsHowPromisesAreComputed() {
        noClasses().that().resideOutsideOfPackage("com.lotastro.reservation..")
                .should().dependOnClassesThat().haveFullyQualifiedName("com.lotastro.reservation.Promises")
                .check(classes);
    }
}
