package ru.ediary.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.ediary.test.GraphQL.call;
import static ru.ediary.test.GraphQL.errorCode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.ediary.test.Fixtures;
import ru.ediary.test.Fixtures.ClassRef;
import ru.ediary.test.Fixtures.Person;
import ru.ediary.test.Fixtures.SchoolRef;

/**
 * Every operation that names a child or a school record, called by each kind of outsider: no token, a parent
 * of another family, a teacher of another class, the system of another school. Each is refused, gets no data
 * and changes nothing.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class AuthorizationMatrixTest {

    @Inject
    Fixtures fixtures;

    private UUID student;
    private UUID contact;
    private Map<String, String> outsiders;

    @BeforeEach
    void family() {
        SchoolRef school = fixtures.school();
        Person teacher = fixtures.teacher();
        ClassRef schoolClass = fixtures.schoolClass(school, teacher);
        student = fixtures.student(schoolClass);
        contact = fixtures.guardianOf(student, fixtures.person());

        Person otherTeacher = fixtures.teacher();
        fixtures.schoolClass(school, otherTeacher);
        outsiders = new LinkedHashMap<>();
        outsiders.put("no token", null);
        outsiders.put("a parent of another family", fixtures.person().token());
        outsiders.put("a teacher of another class", otherTeacher.token());
        outsiders.put("the system of another school", fixtures.school().systemToken());
    }

    private Map<String, String> operations() {
        String s = student.toString();
        String c = contact.toString();
        Map<String, String> ops = new LinkedHashMap<>();
        ops.put("child", "{ child(id: \"" + s + "\") { id fullName } }");
        ops.put("recordGuardianContact", "mutation { recordGuardianContact(input: {studentId: \"" + s + "\", "
                + "lastName: \"Взломова\", firstName: \"Ева\", relation: MOTHER, email: \"eve@example.ru\", "
                + "phone: \"+79160000099\"}) { contact { id } userErrors { code } } }");
        ops.put("correct via recordGuardianContact", "mutation { recordGuardianContact(input: {id: \"" + c + "\", "
                + "lastName: \"Взломова\", firstName: \"Ева\", relation: MOTHER, email: \"eve@example.ru\", "
                + "phone: \"+79160000099\"}) { contact { id } userErrors { code } } }");
        ops.put("removeGuardianContact", "mutation { removeGuardianContact(id: \"" + c + "\") { removedId } }");
        ops.put("recordStudentContacts", "mutation { recordStudentContacts(input: {studentId: \"" + s + "\", "
                + "email: \"eve@example.ru\", phone: \"+79160000099\"}) { student { id } } }");
        return ops;
    }

    @Test
    void everyOutsiderIsRefusedEveryOperationAndNothingChanges() {
        for (var outsider : outsiders.entrySet()) {
            for (var operation : operations().entrySet()) {
                JsonPath answer = call(outsider.getValue(), operation.getValue());
                String where = operation.getKey() + " by " + outsider.getKey();
                assertTrue(Set.of("UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND").contains(errorCode(answer)),
                        where + ": " + answer.prettify());
                assertNull(answer.get("data"), where);
            }
        }
        var contacts = fixtures.contactsOf(student);
        assertEquals(List.of(contact), contacts.stream().map(g -> g.id).toList());
        assertEquals("Родителева", contacts.get(0).lastName);
        assertNull(fixtures.studentRecord(student).email);
    }

    @Test
    void schoolWideQueriesGiveOutsidersNothingOfThisSchool() {
        for (var outsider : outsiders.entrySet()) {
            JsonPath answer = call(outsider.getValue(), "{ myClasses { students { id } } }");
            List<String> seen = answer.getList("data.myClasses.students.flatten().id");
            assertTrue(errorCode(answer) != null || !seen.contains(student.toString()), outsider.getKey());
        }
    }
}
