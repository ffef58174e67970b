package ch.frontdesk.packaged;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback SMTP server that takes a message in but holds back its final {@code 250} until the test
 * {@link #release() releases} it: the sender is then caught in the middle of a delivery, its outbox row leased, for
 * as long as the test needs. GreenMail answers at once, so it cannot stand in for a slow server. Speaks just enough
 * SMTP for the Vert.x mail client without TLS or login.
 */
final class HeldSmtpServer implements AutoCloseable {

    private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:\\s*(<[^>]+>)");

    private final ServerSocket server;
    private final CountDownLatch released = new CountDownLatch(1);
    private final CountDownLatch received = new CountDownLatch(1);
    /** Message-IDs of the messages the server accepted (answered 250 to), in order. */
    private final List<String> accepted = new CopyOnWriteArrayList<>();
    private final List<String> held = new CopyOnWriteArrayList<>();

    HeldSmtpServer() {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::acceptLoop, "held-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** Waits until a message has been taken in and is being held; its Message-ID, or null if none came in time. */
    String awaitHeld(Duration within) throws InterruptedException {
        return received.await(within.toMillis(), TimeUnit.MILLISECONDS) ? held.get(0) : null;
    }

    /** Answers {@code 250} to the held messages and to every later one. */
    void release() {
        released.countDown();
    }

    List<String> accepted() {
        return List.copyOf(accepted);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread session = new Thread(() -> converse(socket), "held-smtp-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void converse(Socket socket) {
        try (socket; var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8)) {
            reply(out, "220 held.test ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (command) {
                    case "EHLO", "HELO" -> reply(out, "250 held.test");
                    case "DATA" -> {
                        reply(out, "354 go ahead");
                        String messageId = readMessage(in);
                        held.add(messageId);
                        received.countDown();
                        released.await();
                        accepted.add(messageId);
                        reply(out, "250 accepted");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "250 ok"); // MAIL, RCPT, RSET, NOOP
                }
            }
        } catch (IOException e) {
            // the client went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String readMessage(BufferedReader in) throws IOException {
        StringBuilder message = new StringBuilder();
        String line;
        while ((line = in.readLine()) != null && !line.equals(".")) {
            message.append(line).append('\n');
        }
        Matcher id = MESSAGE_ID.matcher(message);
        return id.find() ? id.group(1) : "(no Message-ID)";
    }

    private static void reply(Writer out, String line) throws IOException {
        out.write(line + "\r\n");
        out.flush();
    }

    @Override
    public void close() {
        release();
        try {
            server.close();
        } catch (IOException e) {
            // nothing left to do
        }
    }
}
