package ru.ediary.account.confirmation;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The SMS gateway's HTTP API: {@code POST <SMS_GATEWAY_URL>/messages} with a JSON body {@code {"to", "text",
 * "sender"}} and the gateway's token as a bearer token; any 2xx means accepted. Base URL and timeouts are
 * {@code quarkus.rest-client.sms-gateway.*}.
 */
@RegisterRestClient(configKey = "sms-gateway")
@Path("/messages")
public interface SmsGatewayClient {

    record Message(String to, String text, String sender) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    void send(@HeaderParam("Authorization") String authorization, Message message);
}
