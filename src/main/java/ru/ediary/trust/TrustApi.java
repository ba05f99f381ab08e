package ru.ediary.trust;

import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import ru.ediary.api.ApiBoundary;
import ru.ediary.api.ApiException;

@GraphQLApi
@ApiBoundary
public class TrustApi {

    @Inject
    InvitationSending sending;
    @Inject
    InvitationAnswering answering;
    @Inject
    InvitationReading reading;
    @Inject
    TrustedAccessService grants;

    @Query("invitationPreview")
    @Description("Step 4 «Проверка данных»: the service, the invitee's full name and the children's names, or "
            + "userErrors. Counts against the caller's lookup limit; changes nothing else.")
    public @NonNull InvitationPreview.Payload invitationPreview(
            @Name("input") @NonNull @Description("Steps 1–3: service, children, invitee.") InvitationInput input)
            throws ApiException {
        return sending.preview(input);
    }

    @Mutation("sendInvitation")
    @Description("Sends the invitation; the invitee finds it in their notifications. The same idempotencyKey "
            + "(8–64 of A–Z a–z 0–9 _ -) sent again, even concurrently, returns the one invitation it created.")
    public @NonNull InvitationPayload sendInvitation(
            @Name("input") @NonNull @Description("The invitation, as previewed.") InvitationInput input,
            @Name("idempotencyKey") @NonNull @Description("A key the client makes once per invitation, so a retry "
                    + "does not send a second one: 8–64 of A–Z a–z 0–9 _ -.") String idempotencyKey)
            throws ApiException {
        return sending.send(input, idempotencyKey);
    }

    @Mutation("acceptInvitation")
    @Description("The invitee accepts; access follows within 24 hours (see expectedActivationAt).")
    public @NonNull InvitationPayload acceptInvitation(
            @Name("id") @Id @NonNull @Description("A pending invitation the caller received.") String id)
            throws ApiException {
        return answering.accept(id);
    }

    @Mutation("declineInvitation")
    @Description("The invitee declines a pending invitation.")
    public @NonNull InvitationPayload declineInvitation(
            @Name("id") @Id @NonNull @Description("A pending invitation the caller received.") String id)
            throws ApiException {
        return answering.decline(id);
    }

    @Mutation("cancelInvitation")
    @Description("The inviter withdraws a pending or accepted (not yet activated) invitation.")
    public @NonNull InvitationPayload cancelInvitation(
            @Name("id") @Id @NonNull @Description("An open invitation the caller sent.") String id)
            throws ApiException {
        return answering.cancel(id);
    }

    @Query("sentInvitations")
    @Description("Invitations the caller sent, newest first.")
    public @NonNull InvitationConnection sentInvitations(
            @Name("first") @Description("Page size, 1–100; default 20.") Integer first,
            @Name("after") @Description("endCursor of the previous page; leave out for the first page.") String after)
            throws ApiException {
        return reading.sent(first, after);
    }

    @Query("receivedInvitations")
    @Description("Invitations the caller received, newest first.")
    public @NonNull InvitationConnection receivedInvitations(
            @Name("first") @Description("Page size, 1–100; default 20.") Integer first,
            @Name("after") @Description("endCursor of the previous page; leave out for the first page.") String after)
            throws ApiException {
        return reading.received(first, after);
    }

    @Query("trustedPersons")
    @Description("A child's trusted persons, for any parent with direct access to the child.")
    public @NonNull List<@NonNull TrustedAccessView> trustedPersons(
            @Name("childId") @Id @NonNull @Description("A child the caller is a parent of.") String childId,
            @Name("includeRevoked") @DefaultValue("false") @Description("Also list revoked and renounced access.")
            boolean includeRevoked) throws ApiException {
        return grants.trustedPersons(childId, includeRevoked);
    }

    @Mutation("revokeTrustedAccess")
    @Description("A parent with direct access to the child ends a trusted person's access.")
    public @NonNull TrustedAccessPayload revokeTrustedAccess(
            @Name("id") @Id @NonNull @Description("The TrustedAccess to end (see trustedPersons).") String id)
            throws ApiException {
        return grants.revoke(id);
    }

    @Mutation("renounceTrustedAccess")
    @Description("The trusted person gives up their own access.")
    public @NonNull TrustedAccessPayload renounceTrustedAccess(
            @Name("id") @Id @NonNull @Description("The caller's access: ChildAccess.trustedAccessId.") String id)
            throws ApiException {
        return grants.renounce(id);
    }
}
