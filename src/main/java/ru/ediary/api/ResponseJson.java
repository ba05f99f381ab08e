package ru.ediary.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import graphql.ExecutionResult;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

/**
 * An answer without errors or extensions, {@code {"data":...}}, written as UTF-8 straight from graphql-java's
 * result. SmallRye builds a JSON-P tree of the whole result, writes it to a Java string and the HTTP layer encodes
 * that again (about a tenth of a diary page's CPU); every other answer is still written by SmallRye.
 * <p>
 * The values are what graphql-java's scalars serialise to; numbers are written as SmallRye's JSON-P writer writes them
 * (a {@code Double} as {@code BigDecimal.valueOf}, a {@code Float} through its decimal string), so both paths give the
 * same text. A value of any other type makes {@link #data} answer null and the caller falls back to SmallRye's writer.
 */
final class ResponseJson {

    /** Characters outside the BMP as UTF-8, not escaped as surrogate pairs (as SmallRye's writer does). */
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build();

    private ResponseJson() {
    }

    /** The answer's bytes when it is data alone (no errors, no extensions), else null. */
    static Buffer data(ExecutionResult result) {
        if (!result.isDataPresent() || !result.getErrors().isEmpty()
                || result.getExtensions() != null && !result.getExtensions().isEmpty()) {
            return null;
        }
        ByteArrayBuilder bytes = new ByteArrayBuilder(8 * 1024);
        try (JsonGenerator json = JSON.createGenerator(bytes)) {
            json.writeStartObject();
            json.writeFieldName("data");
            if (!write(json, result.getData())) {
                return null;
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writes to memory: does not happen
        }
        return Buffer.buffer(bytes.toByteArray());
    }

    /** False when a value is of a type this writer does not know. */
    private static boolean write(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof String text) {
            json.writeString(text);
        } else if (value instanceof Map<?, ?> object) {
            json.writeStartObject();
            for (Map.Entry<?, ?> field : object.entrySet()) {
                json.writeFieldName(String.valueOf(field.getKey()));
                if (!write(json, field.getValue())) {
                    return false;
                }
            }
            json.writeEndObject();
        } else if (value instanceof Collection<?> list) {
            json.writeStartArray();
            for (Object item : list) {
                if (!write(json, item)) {
                    return false;
                }
            }
            json.writeEndArray();
        } else if (value instanceof Boolean bool) {
            json.writeBoolean(bool);
        } else if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            json.writeNumber(((Number) value).intValue());
        } else if (value instanceof Long number) {
            json.writeNumber(number);
        } else if (value instanceof Double number && Double.isFinite(number)) {
            json.writeNumber(BigDecimal.valueOf(number));
        } else if (value instanceof Float number && Float.isFinite(number)) {
            json.writeNumber(new BigDecimal(String.valueOf(number)));
        } else if (value instanceof BigDecimal number) {
            json.writeNumber(number);
        } else if (value instanceof BigInteger number) {
            json.writeNumber(number);
        } else if (value instanceof Enum<?> constant) {
            json.writeString(constant.name());
        } else {
            return false;
        }
        return true;
    }
}
