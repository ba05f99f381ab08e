package ru.ediary.trust;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import ru.ediary.api.UserError;

@Type("InvitationPreview")
@Description("Step 4, «Проверка данных»: what will be sent.")
public record InvitationPreview(
        @Description("The service access is given to.") @NonNull Service service,
        @Description("The service's name, e.g. «Электронный дневник».") @NonNull String serviceName,
        @Description("The invitee's full name.") @NonNull String inviteeFullName,
        @Description("The children the invitation will name.") @NonNull List<@NonNull InvitedChild> children) {

    @Type("InvitationPreviewPayload")
    @Description("The preview, or userErrors. Its only side effect is one count against the lookup limit.")
    public record Payload(
            @Description("What will be sent; null when userErrors is not empty.") InvitationPreview preview,
            @Description("Why the invitation cannot be sent as it is; empty when it can.")
            @NonNull List<@NonNull UserError> userErrors) {
    }
}
