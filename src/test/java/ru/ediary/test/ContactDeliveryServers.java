package ru.ediary.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real servers confirmation codes go to in tests: GreenMail as the SMTP server, and a local HTTP server
 * playing the SMS gateway that records every request. Both on free ports; the server under test is pointed at
 * them through its ordinary configuration (quarkus.mailer.*, quarkus.rest-client.sms-gateway.url).
 */
public class ContactDeliveryServers implements QuarkusTestResourceLifecycleManager {

    public static final String GATEWAY_TOKEN = "test-gateway-token";
    private static final Pattern SIX_DIGITS = Pattern.compile("(?<![0-9])[0-9]{6}(?![0-9])");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request the SMS gateway received. */
    public record SmsRequest(String authorization, String to, String text, String sender) {
    }

    /** One e-mail the SMTP server received. */
    public record Email(String to, String subject, String text) {
    }

    private static volatile GreenMail smtp;
    private static volatile int smtpPort;
    private static volatile HttpServer gateway;
    private static final List<SmsRequest> SMS = new CopyOnWriteArrayList<>();
    private static final Set<String> REFUSED_PHONES = ConcurrentHashMap.newKeySet();

    @Override
    public Map<String, String> start() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        smtpPort = smtp.getSmtp().getPort();
        try {
            gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        gateway.createContext("/messages", exchange -> {
            try (exchange) {
                JsonNode body = JSON.readTree(exchange.getRequestBody());
                String to = body.path("to").asText(null);
                SMS.add(new SmsRequest(exchange.getRequestHeaders().getFirst("Authorization"), to,
                        body.path("text").asText(null), body.path("sender").asText(null)));
                int status = "POST".equals(exchange.getRequestMethod()) && !REFUSED_PHONES.contains(to) ? 202 : 503;
                exchange.sendResponseHeaders(status, -1);
            }
        });
        gateway.start();
        return Map.of(
                "quarkus.mailer.mock", "false",
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", String.valueOf(smtpPort),
                "quarkus.mailer.start-tls", "DISABLED",
                // a connection per mail, so a test may stop and restart the SMTP server without stale connections
                "quarkus.mailer.keep-alive", "false",
                "quarkus.rest-client.sms-gateway.url", "http://127.0.0.1:" + gateway.getAddress().getPort(),
                "ediary.confirmation.sms-gateway-token", GATEWAY_TOKEN);
    }

    /** The operator's variables (README) that point a packaged server at these servers; after {@link #start()}. */
    public static Map<String, String> operatorEnvironment() {
        return Map.of("SMTP_HOST", "127.0.0.1", "SMTP_PORT", String.valueOf(smtpPort), "SMTP_STARTTLS", "DISABLED",
                "SMS_GATEWAY_URL", "http://127.0.0.1:" + gateway.getAddress().getPort(),
                "SMS_GATEWAY_TOKEN", GATEWAY_TOKEN);
    }

    @Override
    public void stop() {
        if (gateway != null) {
            gateway.stop(0);
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    /** Every SMS the gateway was asked to send, oldest first. */
    public static List<SmsRequest> smsRequests() {
        return List.copyOf(SMS);
    }

    /** The gateway answers 503 for this phone (E.164) from now on. */
    public static void refuseSmsTo(String phone) {
        REFUSED_PHONES.add(phone);
    }

    public static List<SmsRequest> smsTo(String phone) {
        return SMS.stream().filter(sms -> phone.equals(sms.to())).toList();
    }

    public static List<Email> emailsTo(String address) {
        List<Email> emails = new ArrayList<>();
        try {
            for (MimeMessage message : smtp.getReceivedMessages()) {
                for (var recipient : message.getRecipients(Message.RecipientType.TO)) {
                    if (recipient.toString().equalsIgnoreCase(address)) {
                        emails.add(new Email(address, message.getSubject(), message.getContent().toString()));
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the mail GreenMail received", e);
        }
        return emails;
    }

    /** The code in the last SMS sent to the phone. */
    public static Optional<String> lastSmsCode(String phone) {
        List<SmsRequest> sent = smsTo(phone);
        return sent.isEmpty() ? Optional.empty() : code(sent.get(sent.size() - 1).text());
    }

    /** The code in the last e-mail sent to the address. */
    public static Optional<String> lastEmailCode(String address) {
        List<Email> sent = emailsTo(address);
        return sent.isEmpty() ? Optional.empty() : code(sent.get(sent.size() - 1).text());
    }

    private static Optional<String> code(String text) {
        Matcher code = SIX_DIGITS.matcher(text);
        return code.find() ? Optional.of(code.group()) : Optional.empty();
    }

    /** Stops the SMTP server (so sending fails) until {@link #startSmtp()}; same port. */
    public static void stopSmtp() {
        smtp.stop();
    }

    public static void startSmtp() {
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        awaitGreeting();
    }

    /** Until the restarted server greets a client, so the next test's mail cannot race its start. */
    private static void awaitGreeting() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try (Socket socket = new Socket("127.0.0.1", smtpPort)) {
                socket.setSoTimeout(2000);
                var reader = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                        StandardCharsets.US_ASCII));
                String greeting = reader.readLine();
                socket.getOutputStream().write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
                if (greeting != null && greeting.startsWith("220")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("GreenMail did not come back on port " + smtpPort);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
