package ru.ediary.account.confirmation;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.jboss.logging.Logger;

/** Sends confirmation codes by e-mail through quarkus-mailer (SMTP, {@code quarkus.mailer.*}). */
@ApplicationScoped
public class EmailSender {

    private static final Logger LOG = Logger.getLogger(EmailSender.class);

    static final String SUBJECT = "Код подтверждения электронной почты";

    private final Mailer mailer;

    EmailSender(Mailer mailer) {
        this.mailer = mailer;
    }

    public void sendCode(String email, String code, Duration ttl) throws DeliveryFailedException {
        String text = """
                Здравствуйте!

                Этот адрес электронной почты указан в Личном кабинете, раздел «Личные данные». Чтобы подтвердить \
                его, введите код:

                %s

                Код действует %d минут. Никому не сообщайте его. Если вы не указывали этот адрес, просто не \
                отвечайте на письмо: без кода адрес не будет подтверждён.

                Электронный дневник
                """.formatted(code, ttl.toMinutes());
        try {
            mailer.send(Mail.withText(email, SUBJECT, text));
        } catch (RuntimeException first) {
            // One retry on a new connection: a connection the server dropped mid-greeting is the common transient
            // failure, and a second mail with the same code is harmless. A refusal repeats and is reported.
            LOG.infof("Sending a confirmation e-mail failed (%s); trying once more",
                    new DeliveryFailedException("E-mail", first).getMessage());
            try {
                mailer.send(Mail.withText(email, SUBJECT, text));
            } catch (RuntimeException e) {
                throw new DeliveryFailedException("E-mail", e);
            }
        }
    }
}
