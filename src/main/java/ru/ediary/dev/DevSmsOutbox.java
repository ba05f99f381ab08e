package ru.ediary.dev;

import io.quarkus.arc.profile.IfBuildProfile;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import ru.ediary.account.confirmation.SmsSender;

/**
 * Dev mode only: SMS are not sent anywhere but kept here, the last one per phone, so {@code /dev/codes} can show
 * the codes (as the mailer's mock mode keeps e-mails). Every other build uses the HTTP gateway.
 */
@IfBuildProfile("dev")
@ApplicationScoped
public class DevSmsOutbox implements SmsSender {

    private static final int MAX_PHONES = 1000;
    private final Map<String, String> lastByPhone = new ConcurrentHashMap<>();

    @Override
    public void send(String phone, String text) {
        if (lastByPhone.size() >= MAX_PHONES) {
            lastByPhone.clear();
        }
        lastByPhone.put(phone, text);
    }

    Optional<String> lastTo(String phone) {
        return Optional.ofNullable(lastByPhone.get(phone));
    }
}
