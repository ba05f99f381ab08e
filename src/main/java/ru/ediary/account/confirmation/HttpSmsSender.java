package ru.ediary.account.confirmation;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import ru.ediary.config.EdiaryConfig;

/** The SMS adapter of every build but dev: a call to the configured HTTP SMS gateway. */
@DefaultBean
@ApplicationScoped
public class HttpSmsSender implements SmsSender {

    private final SmsGatewayClient gateway;
    private final EdiaryConfig config;

    HttpSmsSender(@RestClient SmsGatewayClient gateway, EdiaryConfig config) {
        this.gateway = gateway;
        this.config = config;
    }

    @Override
    public void send(String phone, String text) throws DeliveryFailedException {
        String authorization = config.confirmation().smsGatewayToken().map(token -> "Bearer " + token).orElse(null);
        try {
            gateway.send(authorization, new SmsGatewayClient.Message(phone, text, config.confirmation().smsSender()));
        } catch (RuntimeException e) {
            // refused (non-2xx), unreachable or too slow (quarkus.rest-client.sms-gateway.read-timeout)
            throw new DeliveryFailedException("SMS", e);
        }
    }
}
