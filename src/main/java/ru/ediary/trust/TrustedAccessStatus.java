package ru.ediary.trust;

import org.eclipse.microprofile.graphql.Description;

@Description("State of a trusted person's access to one child.")
public enum TrustedAccessStatus {
    @Description("Works: the inviting parent has direct access to the child.")
    ACTIVE,
    @Description("Does not work while the inviting parent has no direct access; ACTIVE again when they do.")
    SUSPENDED,
    @Description("Revoked by a parent or renounced by the trusted person. Final.")
    REVOKED
}
