package ru.ediary.trust;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import ru.ediary.api.UserError;

@Type("InvitationPreview")
@Description("Step 4, «Проверка данных»: what will be sent.")
public record InvitationPreview(
        @NonNull Service service,
        @NonNull String serviceName,
        @Description("The invitee's full name.") @NonNull String inviteeFullName,
        @NonNull List<@NonNull InvitedChild> children) {

    @Type("InvitationPreviewPayload")
    @Description("The preview, or userErrors. Its only side effect is one count against the lookup limit.")
    public record Payload(InvitationPreview preview, @NonNull List<@NonNull UserError> userErrors) {
    }
}
