package ru.ediary.account;

import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
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
        return accounts.me(caller.accountId());
    }

    @Mutation("updateMyProfile")
    @Description("Changes the caller's profile: names, e-mail, mobile phone, SNILS. Invalid input changes nothing.")
    public @NonNull ProfilePayload updateMyProfile(
            @Name("input") @NonNull @Description("The fields to change.") ProfileInput input) throws ApiException {
        return accounts.updateProfile(caller.accountId(), input);
    }
}
