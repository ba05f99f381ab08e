package ru.ediary.api;

import org.eclipse.microprofile.graphql.Description;

@Description("Stable codes of userErrors. Messages are Russian and may be reworded; codes never change.")
public enum UserErrorCode {
    REQUIRED("Заполните это поле."),
    TOO_LONG("Значение слишком длинное."),
    TOO_MANY("Слишком много элементов."),
    INVALID_CHARACTERS("Значение содержит недопустимые символы."),
    INVALID_NAME("Допустимы буквы, пробел, дефис и апостроф."),
    INVALID_EMAIL("Некорректный адрес электронной почты."),
    INVALID_PHONE("Укажите номер мобильного телефона, например +7 916 123-45-67."),
    INVALID_SNILS("Некорректный СНИЛС: проверьте номер и контрольное число."),
    INVALID_DATE("Некорректная дата."),
    INVALID_VALUE("Недопустимое значение."),
    SNILS_TAKEN("Этот СНИЛС уже указан в другой учётной записи."),
    DUPLICATE("Значение повторяется в запросе."),
    UNKNOWN_REFERENCE("Ссылка на запись, которой нет в запросе или в школе."),
    CONCURRENT_CHANGE("Запись изменилась одновременно с вашим запросом. Повторите попытку."),
    IDENTIFIER_REQUIRED("Укажите номер мобильного телефона или СНИЛС доверенного лица — что-то одно."),
    CHILD_NOT_AVAILABLE("Вы не можете предоставить доступ к дневнику этого ребёнка."),
    INVITEE_NOT_FOUND("Не найден зарегистрированный пользователь с такими данными. Проверьте номер телефона или "
            + "СНИЛС и фамилию; доверенное лицо должно быть зарегистрировано на портале."),
    CANNOT_INVITE_SELF("Нельзя пригласить самого себя."),
    ALREADY_HAS_ACCESS("У этого пользователя уже есть прямой доступ к дневнику ребёнка."),
    ALREADY_TRUSTED("Этот пользователь уже является доверенным лицом ребёнка."),
    ALREADY_INVITED("Этому пользователю уже отправлено приглашение для этого ребёнка."),
    TOO_MANY_TRUSTED_PERSONS("У ребёнка уже максимальное число доверенных лиц."),
    RATE_LIMITED("Слишком много попыток поиска. Повторите позже."),
    IDEMPOTENCY_KEY_REUSED("Этот ключ уже использован для другого приглашения."),
    INVALID_STATE("Действие невозможно в текущем состоянии."),
    UNKNOWN_STUDENT("В школе нет ученика с таким идентификатором."),
    INVALID_MARK("Оценка должна быть от 1 до 5, вес — от 1 до 10.");

    private final String message;

    UserErrorCode(String message) {
        this.message = message;
    }

    public String message() {
        return message;
    }
}
