package ru.ediary.access;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("DiaryAccess")
@Description("Which diaries the caller sees and in what capacity; when none, what to do about it.")
public record DiaryAccessView(
        @Description("Every diary the caller sees, with the reason; empty when none.")
        @NonNull List<@NonNull ChildAccessView> children,
        @Description("Empty when the caller sees at least one diary.") @NonNull List<@NonNull NextStep> nextSteps,
        @Description("Invitations the caller accepted that are waiting for activation.")
        @NonNull List<@NonNull PendingActivation> awaitingActivation) {
}
