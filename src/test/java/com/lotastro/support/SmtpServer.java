package com.lotastro.support;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** A real SMTP server (GreenMail) on loopback for the whole test run; tests may stop and restart it. */
public class SmtpServer implements QuarkusTestResourceLifecycleManager {
    private static int port;
    private static GreenMail server;

    /** A received email, as a test reads it. */
    public record Received(String subject, List<String> recipients, String body) {
    }

    @Override
    public Map<String, String> start() {
        port = freePort();
        startServer();
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", String.valueOf(port));
    }

    @Override
    public void stop() {
        stopServer();
    }

    public static synchronized void startServer() {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        server.start();
    }

    public static synchronized void stopServer() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /**
     * Every email received since the server (re)started whose subject contains the marker, once per email
     * (the server keeps a copy per recipient).
     */
    public static synchronized List<Received> received(String subjectMarker) {
        if (server == null) {
            return List.of();
        }
        Map<String, MimeMessage> byMessageId = new java.util.LinkedHashMap<>();
        for (MimeMessage message : server.getReceivedMessages()) {
            byMessageId.putIfAbsent(messageId(message), message);
        }
        return byMessageId.values().stream()
                .map(SmtpServer::read)
                .filter(mail -> mail.subject().contains(subjectMarker))
                .toList();
    }

    /** Everyone who received an email whose subject contains the marker. */
    public static List<String> recipientsOf(String subjectMarker) {
        return received(subjectMarker).stream().flatMap(mail -> mail.recipients().stream()).toList();
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Received read(MimeMessage message) {
        try {
            Address[] to = message.getAllRecipients();
            return new Received(message.getSubject(), Arrays.stream(to).map(Address::toString).toList(),
                    GreenMailUtil.getBody(message));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
