package ru.ediary.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import ru.ediary.account.Account;
import ru.ediary.api.validation.PhoneNumbers;

/**
 * Brief rule 3, in the seed's words: fill in what is missing, confirm what is not confirmed, then give the class
 * teacher the confirmed contacts shown in the profile. Built from the caller's own profile only, so it says
 * nothing about anyone's school record. (A trusted person is told instead what happened to their access:
 * {@code trust.TrustedPersonSteps}.)
 */
final class NextSteps {

    /** A contact channel with a value waiting for its code (contact_confirmation). */
    enum Channel {
        EMAIL,
        PHONE
    }

    private static final String WHERE = " в Личном кабинете, раздел «Личные данные». Указывайте действующие данные.";
    private static final String UNCONFIRMED = " Неподтверждённые данные для доступа к дневнику не учитываются.";

    private NextSteps() {
    }

    static List<NextStep> forProfile(Account account, Set<Channel> pending) {
        List<NextStep> steps = new ArrayList<>();
        // a value waiting for its code is unconfirmed even while a confirmed one stays in force
        if (pending.contains(Channel.EMAIL) || !account.emailVerified) {
            if (account.email != null || pending.contains(Channel.EMAIL)) {
                steps.add(new NextStep(NextStepCode.CONFIRM_EMAIL, "Подтвердите адрес электронной почты: введите код "
                        + "из письма, отправленного на этот адрес, или подтвердите адрес в учётной записи портала."
                        + UNCONFIRMED));
            } else {
                steps.add(new NextStep(NextStepCode.FILL_EMAIL, "Укажите адрес электронной почты" + WHERE));
            }
        }
        if (pending.contains(Channel.PHONE) || !account.phoneVerified) {
            if (account.phone != null || pending.contains(Channel.PHONE)) {
                steps.add(new NextStep(NextStepCode.CONFIRM_PHONE, "Подтвердите номер мобильного телефона: введите "
                        + "код из SMS, отправленного на этот номер, или подтвердите номер в учётной записи портала."
                        + UNCONFIRMED));
            } else {
                steps.add(new NextStep(NextStepCode.FILL_PHONE, "Укажите номер мобильного телефона" + WHERE));
            }
        }
        String message;
        if (account.emailVerified && account.phoneVerified) {
            // only the caller's own confirmed contacts are ever quoted
            String contacts = "e-mail " + account.email + " и номер мобильного телефона "
                    + PhoneNumbers.display(account.phone);
            message = steps.isEmpty()
                    ? "Обратитесь к классному руководителю и передайте ему контактные данные, указанные в Личном "
                            + "кабинете: " + contacts + ". Сведения в школе и в Личном кабинете должны совпадать."
                    : "Пока новые данные не подтверждены, действуют прежние: передайте классному руководителю "
                            + contacts + ". Сведения в школе и в Личном кабинете должны совпадать.";
        } else {
            message = "Затем обратитесь к классному руководителю и передайте ему подтверждённые e-mail и номер "
                    + "мобильного телефона, указанные в Личном кабинете. Сведения в школе и в Личном кабинете должны "
                    + "совпадать.";
        }
        steps.add(new NextStep(NextStepCode.GIVE_CONTACTS_TO_CLASS_TEACHER, message));
        return steps;
    }
}
