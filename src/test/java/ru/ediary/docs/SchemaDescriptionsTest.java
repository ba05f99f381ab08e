package ru.ediary.docs;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.ediary.test.GraphQL.call;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The schema is the client developer's reference: every type, field, argument, input field and enum value of
 * our own schema carries a description. Read from the running server by introspection, so it checks what
 * clients actually see, not what the annotations look like.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class SchemaDescriptionsTest {

    /** The GraphQL specification's scalars: described by the specification, not by us. */
    static final Set<String> BUILT_IN_SCALARS = Set.of("String", "Int", "Float", "Boolean", "ID");

    private static final String GENERATED = "ISO-8601";

    private static final String INTROSPECTION = """
            {
              __schema {
                types {
                  kind name description
                  fields(includeDeprecated: true) { name description args { name description } }
                  inputFields { name description }
                  enumValues(includeDeprecated: true) { name description }
                }
              }
            }""";

    @Test
    void everyElementOfOurSchemaHasADescription() {
        JsonPath answer = call(ru.ediary.test.Tokens.person(ru.ediary.test.TestData.unique("introspect"), java.util.Map.of(), java.util.Set.of()), INTROSPECTION);
        assertNull(answer.get("errors"), answer.prettify());
        List<Map<String, Object>> types = answer.getList("data.__schema.types");
        assertTrue(types.size() > 40, "introspection answered too few types: " + types.size());

        List<String> undocumented = undocumented(types);

        assertTrue(undocumented.isEmpty(), undocumented.size() + " schema elements have no description:\n  "
                + String.join("\n  ", undocumented));
    }

    @Test
    void theCheckNamesAnUndocumentedElement() {
        // The check itself must be able to fail: a described type with one bare field, argument and enum value.
        List<Map<String, Object>> types = List.of(
                Map.of("kind", "OBJECT", "name", "Sample", "description", "A sample.",
                        "fields", List.of(Map.of("name", "bare", "description", " ",
                                "args", List.of(Map.of("name", "arg"))),
                                Map.of("name", "when", "description", "ISO-8601"))),
                Map.of("kind", "ENUM", "name", "Colour", "description", "A colour.",
                        "enumValues", List.of(Map.of("name", "RED", "description", "Red."), Map.of("name", "BLUE"))),
                Map.of("kind", "SCALAR", "name", "String"),
                Map.of("kind", "OBJECT", "name", "__Type"));

        List<String> undocumented = undocumented(types);

        assertTrue(undocumented.equals(List.of("field Sample.bare", "argument Sample.bare(arg)", "field Sample.when",
                "enum value Colour.BLUE")),
                undocumented.toString());
    }

    @SuppressWarnings("unchecked")
    static List<String> undocumented(List<Map<String, Object>> types) {
        List<String> missing = new ArrayList<>();
        for (Map<String, Object> type : types) {
            String name = (String) type.get("name");
            if (name.startsWith("__") || "SCALAR".equals(type.get("kind")) && BUILT_IN_SCALARS.contains(name)) {
                continue;
            }
            check(missing, type, "type " + name);
            for (Map<String, Object> field : list(type.get("fields"))) {
                check(missing, field, "field " + name + "." + field.get("name"));
                for (Map<String, Object> arg : list(field.get("args"))) {
                    check(missing, arg, "argument " + name + "." + field.get("name") + "(" + arg.get("name") + ")");
                }
            }
            for (Map<String, Object> input : list(type.get("inputFields"))) {
                check(missing, input, "input field " + name + "." + input.get("name"));
            }
            for (Map<String, Object> value : list(type.get("enumValues"))) {
                check(missing, value, "enum value " + name + "." + value.get("name"));
            }
        }
        return missing;
    }

    private static void check(List<String> missing, Map<String, Object> element, String what) {
        Object description = element.get("description");
        // SmallRye writes "ISO-8601" on an undescribed date field: a format hint, not a meaning
        if (!(description instanceof String text) || text.isBlank() || GENERATED.equals(text.strip())) {
            missing.add(what);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }
}
