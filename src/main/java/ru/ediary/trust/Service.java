package ru.ediary.trust;

import org.eclipse.microprofile.graphql.Description;

@Description("A portal service a trusted person can be given access to.")
public enum Service {
    @Description("«Электронный дневник»: the child's diary.")
    ELECTRONIC_DIARY("Электронный дневник");

    private final String title;

    Service(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
