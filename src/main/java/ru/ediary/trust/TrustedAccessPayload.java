package ru.ediary.trust;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import ru.ediary.api.UserError;

@Type("TrustedAccessPayload")
@Description("Result of revoking or renouncing access.")
public record TrustedAccessPayload(
        @Description("The access in its current state; null when there is none to show.")
        TrustedAccessView trustedAccess,
        @Description("Why nothing was changed; empty on success.") @NonNull List<@NonNull UserError> userErrors) {
}
