package ru.ediary.account.confirmation;

import java.time.Instant;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("PendingContact")
@Description("An e-mail or phone typed into the profile and waiting for its code (confirmContact). It counts for "
        + "nothing until confirmed; the verified value in the profile stays in force until then.")
public record PendingContact(
        @Description("The new e-mail (lower-case) or phone (E.164), as it will be stored once confirmed.")
        @NonNull String value,
        @Description("Until when the code sent to it may be entered. After that, or after too many wrong codes, "
                + "type the value into updateMyProfile again to get a new code.")
        @NonNull Instant codeExpiresAt,
        @Description("Wrong codes that may still be entered before this code stops working.")
        int attemptsLeft) {
}
