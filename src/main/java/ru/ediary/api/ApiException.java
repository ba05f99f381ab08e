package ru.ediary.api;

/**
 * A failure the client is meant to read. Checked, so SmallRye GraphQL passes its message through;
 * each subclass carries its stable {@code extensions.code} via {@link io.smallrye.graphql.api.ErrorCode}.
 */
public abstract class ApiException extends Exception {

    protected ApiException(String message) {
        super(message, null, false, false);
    }
}
