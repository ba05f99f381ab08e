package ru.ediary.account;

import jakarta.inject.Inject;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import ru.ediary.account.confirmation.ContactChannel;
import ru.ediary.account.confirmation.PendingContact;
import ru.ediary.api.ApiBoundary;
import ru.ediary.api.ApiException;

@GraphQLApi
@ApiBoundary
public class ProfileApi {

    @Inject
    Caller caller;
    @Inject
    AccountService accounts;

    @Query("me")
    @Description("The caller's own account. The first call registers it from the token's standard claims.")
    public @NonNull AccountView me() throws ApiException {
        // the request's caller lookup already read the whole account
        return AccountView.of(caller.account());
    }

    @Mutation("updateMyProfile")
    @Description("Changes the caller's profile: names, e-mail, mobile phone. A new e-mail or phone is not taken at "
            + "once: a one-time code is sent to it (by e-mail, by SMS) and confirmContact makes it the profile's "
            + "verified value; the old one stays in force until then. Invalid input changes nothing.")
    public @NonNull ProfilePayload updateMyProfile(
            @Name("input") @NonNull @Description("The fields to change.") ProfileInput input) throws ApiException {
        return accounts.updateProfile(caller.accountId(), input);
    }

    @Mutation("confirmContact")
    @Description("Confirms the pending e-mail or phone of the caller's profile with the one-time code sent to it: "
            + "the value becomes the profile's, verified. A code is valid 10 minutes and allows 5 wrong tries; "
            + "type the value into updateMyProfile again for a new one.")
    public @NonNull ConfirmContactPayload confirmContact(
            @Name("input") @NonNull @Description("Which contact, and the code.") ConfirmContactInput input)
            throws ApiException {
        return accounts.confirmContact(caller.accountId(), input);
    }

    @Name("pendingEmail")
    @Description("A new e-mail waiting for its code (confirmContact); null when none is pending.")
    public PendingContact pendingEmail(@Source AccountView account) throws ApiException {
        return pending(account, ContactChannel.EMAIL);
    }

    @Name("pendingPhone")
    @Description("A new mobile phone waiting for its code (confirmContact); null when none is pending.")
    public PendingContact pendingPhone(@Source AccountView account) throws ApiException {
        return pending(account, ContactChannel.PHONE);
    }

    /** Only the owner's own account ever shows what is pending. */
    private PendingContact pending(AccountView account, ContactChannel channel) throws ApiException {
        UUID me = caller.accountId();
        return me.toString().equals(account.id()) ? accounts.pending(me, channel) : null;
    }
}
