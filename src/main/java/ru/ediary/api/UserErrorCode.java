package ru.ediary.api;

import org.eclipse.microprofile.graphql.Description;

@Description("Stable codes of userErrors. Messages are Russian and may be reworded; codes never change.")
public enum UserErrorCode {
    @Description("A required value is missing or blank.")
    REQUIRED("Заполните это поле."),
    @Description("The text is longer than the field allows.")
    TOO_LONG("Значение слишком длинное."),
    @Description("The list has more items than allowed (e.g. entries per batch, children per invitation, guardians "
            + "per student).")
    TOO_MANY("Слишком много элементов."),
    @Description("The text contains control or other characters not allowed in it.")
    INVALID_CHARACTERS("Значение содержит недопустимые символы."),
    @Description("A name has characters other than letters, spaces, hyphens and apostrophes.")
    INVALID_NAME("Допустимы буквы, пробел, дефис и апостроф."),
    @Description("Not a valid e-mail address.")
    INVALID_EMAIL("Некорректный адрес электронной почты."),
    @Description("Not a Russian mobile phone number.")
    INVALID_PHONE("Укажите номер мобильного телефона, например +7 916 123-45-67."),
    @Description("Not a valid SNILS: wrong length or check number.")
    INVALID_SNILS("Некорректный СНИЛС: проверьте номер и контрольное число."),
    @Description("A date outside the allowed range (e.g. a birth date in the future, a lesson too far back or ahead).")
    INVALID_DATE("Некорректная дата."),
    @Description("A value outside its allowed set or range (e.g. lessonNumber outside 1–12, a malformed "
            + "idempotencyKey).")
    INVALID_VALUE("Недопустимое значение."),
    @Description("Another account already has this SNILS.")
    SNILS_TAKEN("Этот СНИЛС уже указан в другой учётной записи."),
    @Description("The same key or id appears twice in one request.")
    DUPLICATE("Значение повторяется в запросе."),
    @Description("The input refers to a record that is neither in the request nor in the school (e.g. an unknown "
            + "classExternalId).")
    UNKNOWN_REFERENCE("Ссылка на запись, которой нет в запросе или в школе."),
    @Description("Another request changed the same records at the same time; nothing was changed, retry.")
    CONCURRENT_CHANGE("Запись изменилась одновременно с вашим запросом. Повторите попытку."),
    @Description("An invitation needs exactly one of phone and SNILS.")
    IDENTIFIER_REQUIRED("Укажите номер мобильного телефона или СНИЛС доверенного лица — что-то одно."),
    @Description("The caller has no direct access to this child, so cannot invite anyone to its diary.")
    CHILD_NOT_AVAILABLE("Вы не можете предоставить доступ к дневнику этого ребёнка."),
    @Description("No registered user matches the phone or SNILS together with the surname.")
    INVITEE_NOT_FOUND("Не найден зарегистрированный пользователь с такими данными. Проверьте номер телефона или "
            + "СНИЛС и фамилию; доверенное лицо должно быть зарегистрировано на портале."),
    @Description("The invitee is the caller.")
    CANNOT_INVITE_SELF("Нельзя пригласить самого себя."),
    @Description("The invitee already has direct access to the child.")
    ALREADY_HAS_ACCESS("У этого пользователя уже есть прямой доступ к дневнику ребёнка."),
    @Description("The invitee is already a trusted person of the child.")
    ALREADY_TRUSTED("Этот пользователь уже является доверенным лицом ребёнка."),
    @Description("An open invitation to this invitee already names the child.")
    ALREADY_INVITED("Этому пользователю уже отправлено приглашение для этого ребёнка."),
    @Description("The child already has the largest allowed number of trusted persons.")
    TOO_MANY_TRUSTED_PERSONS("У ребёнка уже максимальное число доверенных лиц."),
    @Description("Too many invitee lookups by the caller in the current window; try again later.")
    RATE_LIMITED("Слишком много попыток поиска. Повторите позже."),
    @Description("The idempotencyKey was already used for a different invitation.")
    IDEMPOTENCY_KEY_REUSED("Этот ключ уже использован для другого приглашения."),
    @Description("The invitation or access is not in a state that allows this action (e.g. accepting an expired "
            + "invitation).")
    INVALID_STATE("Действие невозможно в текущем состоянии."),
    @Description("The school has no student with this external id.")
    UNKNOWN_STUDENT("В школе нет ученика с таким идентификатором."),
    @Description("A mark outside 1–5 or a weight outside 1–10.")
    INVALID_MARK("Оценка должна быть от 1 до 5, вес — от 1 до 10."),
    @Description("A school-system batch has more errors than one answer lists (ediary.feed.max-user-errors, "
            + "default 100): this one comes first, for the whole input, and the first errors in input order follow. "
            + "Fix them and send the batch again.")
    TOO_MANY_ERRORS("Ошибок больше, чем показано. Исправьте показанные и отправьте данные снова."),
    @Description("A confirmation code is six digits.")
    INVALID_CODE("Введите код подтверждения из шести цифр."),
    @Description("There is no e-mail or phone waiting for confirmation on this channel: type it into "
            + "updateMyProfile first.")
    NO_PENDING_CONFIRMATION("Нет данных, ожидающих подтверждения. Сначала укажите их в Личном кабинете, раздел "
            + "«Личные данные»."),
    @Description("The code is not the one sent; an attempt was used up.")
    WRONG_CODE("Неверный код подтверждения. Проверьте код и введите его ещё раз."),
    @Description("Too many wrong codes: this code no longer works. Type the value into updateMyProfile again to get a "
            + "new one.")
    TOO_MANY_ATTEMPTS("Превышено число попыток ввода кода. Запросите новый код: сохраните данные в Личном кабинете "
            + "ещё раз."),
    @Description("The code is no longer valid (10 minutes by default). Type the value into updateMyProfile again to "
            + "get a new one.")
    CODE_EXPIRED("Срок действия кода истёк. Запросите новый код: сохраните данные в Личном кабинете ещё раз."),
    @Description("Too many confirmation codes requested for this contact channel in the current window (5 an hour "
            + "by default); try again later. Nothing was changed.")
    TOO_MANY_CODES("Слишком много запросов кода подтверждения. Повторите позже."),
    @Description("The confirmation code could not be sent (mail server or SMS gateway unavailable). The contact was "
            + "not taken and is not pending; the other fields of the same input were saved. Try again later.")
    DELIVERY_FAILED("Не удалось отправить код подтверждения. Повторите попытку позже."),
    @Description("A pupil is not in the class or group of the lesson, or a group is not of the lesson's class.")
    NOT_IN_CLASS("Ученик или группа не относится к классу (группе) этого урока.");

    private final String message;

    UserErrorCode(String message) {
        this.message = message;
    }

    public String message() {
        return message;
    }
}
