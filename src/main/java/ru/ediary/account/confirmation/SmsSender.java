package ru.ediary.account.confirmation;

/** Sends a text message to a mobile phone (E.164). */
public interface SmsSender {

    void send(String phone, String text) throws DeliveryFailedException;
}
