package ru.ediary.access;

import java.util.ArrayList;
import java.util.List;
import ru.ediary.account.Account;
import ru.ediary.api.validation.PhoneNumbers;

/**
 * Brief rule 3, in the seed's words: fill in what is missing, then give the class teacher the contacts shown
 * in the profile. Built from the caller's own profile only, so it says nothing about anyone's school record.
 */
final class NextSteps {

    private static final String WHERE = " в Личном кабинете, раздел «Личные данные». Указывайте действующие данные.";

    private NextSteps() {
    }

    static List<NextStep> forProfile(Account account) {
        List<NextStep> steps = new ArrayList<>();
        if (account.email == null) {
            steps.add(new NextStep(NextStepCode.FILL_EMAIL, "Укажите адрес электронной почты" + WHERE));
        }
        if (account.phone == null) {
            steps.add(new NextStep(NextStepCode.FILL_PHONE, "Укажите номер мобильного телефона" + WHERE));
        }
        String message;
        if (steps.isEmpty()) {
            message = "Обратитесь к классному руководителю и передайте ему контактные данные, указанные в Личном "
                    + "кабинете: e-mail " + account.email + " и номер мобильного телефона "
                    + PhoneNumbers.display(account.phone)
                    + ". Сведения в школе и в Личном кабинете должны совпадать.";
        } else {
            message = "Затем обратитесь к классному руководителю и передайте ему e-mail и номер мобильного телефона, "
                    + "указанные в Личном кабинете. Сведения в школе и в Личном кабинете должны совпадать.";
        }
        steps.add(new NextStep(NextStepCode.GIVE_CONTACTS_TO_CLASS_TEACHER, message));
        return steps;
    }
}
