package ru.ediary.school;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import ru.ediary.api.validation.Emails;
import ru.ediary.api.validation.PhoneNumbers;

@Type("GuardianContact")
@Description("A legal representative recorded by the school. E-mail and phone are masked: they belong to "
        + "the representative, not to the school staff reading them.")
public record GuardianContactView(
        @Description("The record's id, for recordGuardianContact and removeGuardianContact.") @Id @NonNull String id,
        @Description("Key of the school system that owns this record; null when a class teacher recorded it.")
        String externalId,
        @Description("Surname.") @NonNull String lastName,
        @Description("Given name.") @NonNull String firstName,
        @Description("Patronymic; null when none was recorded.") String middleName,
        @Description("Surname, given name and patronymic.") @NonNull String fullName,
        @Description("How the representative is related to the student.") @NonNull GuardianRelation relation,
        @Description("Masked e-mail, e.g. `a***@mail.ru`; null when none was recorded.") String maskedEmail,
        @Description("Masked phone, e.g. `+7916*****67`; null when none was recorded.") String maskedPhone) {

    public static GuardianContactView of(GuardianContact contact) {
        return new GuardianContactView(contact.id.toString(), contact.externalId, contact.lastName, contact.firstName,
                contact.middleName, contact.fullName(), contact.relation, Emails.mask(contact.email),
                PhoneNumbers.mask(contact.phone));
    }
}
