package ru.ediary.trust;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("InvitationInput")
@Description("Steps 1–3 of inviting a trusted person: the service, the children, and the invitee identified by "
        + "mobile phone OR SNILS (exactly one) plus surname. The invitee must be registered.")
public class InvitationInput {

    @Description("The service to give access to.")
    @NonNull
    public Service service;

    @NonNull
    @Description("Ids of the caller's children (direct access), 1–20.")
    public List<@NonNull String> childIds;

    @Description("The invitee's mobile phone, in any usual form.")
    public String phone;

    @Description("The invitee's SNILS, with or without separators.")
    public String snils;

    @NonNull
    @Description("The invitee's surname; compared ignoring case, surrounding spaces and ё/е.")
    public String surname;
}
