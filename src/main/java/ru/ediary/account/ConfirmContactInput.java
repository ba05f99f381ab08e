package ru.ediary.account;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import ru.ediary.account.confirmation.ContactChannel;

@Input("ConfirmContactInput")
@Description("The one-time code sent to the pending e-mail or phone of the caller's profile.")
public class ConfirmContactInput {

    @Description("Which pending contact the code confirms.")
    @NonNull @NotNull
    public ContactChannel channel;

    @Description("The six digits from the e-mail or SMS.")
    @NonNull @NotNull @Pattern(regexp = "\\s*[0-9]{6}\\s*", message = "INVALID_CODE")
    public String code;
}
