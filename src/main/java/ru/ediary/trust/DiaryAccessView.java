package ru.ediary.trust;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import ru.ediary.access.ChildAccessView;
import ru.ediary.access.NextStep;

@Type("DiaryAccess")
@Description("Which diaries the caller sees and in what capacity; when none, what to do about it.")
public record DiaryAccessView(
        @Description("Every diary the caller sees, with the reason; empty when none.")
        @NonNull List<@NonNull ChildAccessView> children,
        @Description("Empty when the caller sees at least one diary. For a trusted person, what happened to their access "
                + "(TRUSTED_ACCESS_SUSPENDED, TRUSTED_ACCESS_REVOKED, ...) instead of the steps towards direct access.")
        @NonNull List<@NonNull NextStep> nextSteps,
        @Description("Invitations the caller accepted that are waiting for activation.")
        @NonNull List<@NonNull PendingActivation> awaitingActivation,
        @Description("The caller's own live grants as a trusted person, ACTIVE and SUSPENDED, with their ids for "
                + "renounceTrustedAccess. A SUSPENDED one works again by itself when the inviting parent has access "
                + "again.")
        @NonNull List<@NonNull TrustedAccessView> trustedGrants) {
}
