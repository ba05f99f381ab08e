package ru.ediary.account.confirmation;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("ContactChannel")
@Description("A contact of the profile that is confirmed by a one-time code sent to it.")
public enum ContactChannel {
    @Description("The e-mail: the code is sent by e-mail.")
    EMAIL("email"),
    @Description("The mobile phone: the code is sent by SMS.")
    PHONE("phone");

    private final String field;

    ContactChannel(String field) {
        this.field = field;
    }

    /** The ProfileInput field that carries this contact, for userErrors. */
    public String field() {
        return field;
    }
}
