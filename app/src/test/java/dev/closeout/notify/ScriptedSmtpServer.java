package dev.closeout.notify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * An SMTP server on a free loopback port that speaks just enough of the protocol (220, EHLO, MAIL, RCPT, DATA,
 * RSET, QUIT) to answer each {@code RCPT TO} and the message's data as the test says, or that takes the connection
 * and never says a word.
 * It records the commands it was sent, so a test can tell whether the message itself went over.
 */
final class ScriptedSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final List<Socket> clients = new CopyOnWriteArrayList<>();

    private ScriptedSmtpServer(Function<String, String> rcptReply, String dataReply, boolean silent) {
        try {
            socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread thread = new Thread(() -> serve(rcptReply, dataReply, silent), "scripted-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    /** Answers each {@code RCPT TO:<address>} line with {@code rcptReply} of the address, the rest with 2xx/354. */
    static ScriptedSmtpServer answeringRecipients(Function<String, String> rcptReply) {
        return new ScriptedSmtpServer(rcptReply, "250 2.0.0 queued", false);
    }

    /** Takes every recipient, then answers the end of the message's data with {@code dataReply}. */
    static ScriptedSmtpServer answeringMessages(String dataReply) {
        return new ScriptedSmtpServer(address -> "250 2.1.5 OK", dataReply, false);
    }

    /** Accepts connections and never answers, not even the greeting. */
    static ScriptedSmtpServer silent() {
        return new ScriptedSmtpServer(address -> "250 2.1.5 OK", "250 2.0.0 queued", true);
    }

    int port() {
        return socket.getLocalPort();
    }

    /** The command lines received, in order; the message's own lines are not among them. */
    List<String> commands() {
        return List.copyOf(commands);
    }

    private void serve(Function<String, String> rcptReply, String dataReply, boolean silent) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                clients.add(client);
                if (!silent) {
                    converse(client, rcptReply, dataReply);
                }
            } catch (SocketException e) {
                return; // closed by the test
            } catch (IOException e) {
                // the client went away mid-conversation: wait for the next one
            }
        }
    }

    private void converse(Socket client, Function<String, String> rcptReply, String dataReply) throws IOException {
        try (client) {
            BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                    StandardCharsets.UTF_8));
            OutputStream out = client.getOutputStream();
            say(out, "220 scripted.example.com ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                commands.add(line);
                String verb = line.length() < 4 ? line : line.substring(0, 4).toUpperCase(Locale.ROOT);
                switch (verb) {
                    case "EHLO", "HELO" -> say(out, "250 scripted.example.com");
                    case "MAIL" -> say(out, "250 2.1.0 OK");
                    case "RCPT" -> say(out, rcptReply.apply(line.replaceAll("(?i)^RCPT TO:\\s*<([^>]*)>.*$", "$1")));
                    case "DATA" -> {
                        say(out, "354 end with <CRLF>.<CRLF>");
                        while ((line = in.readLine()) != null && !line.equals(".")) {
                            // the message: not a command
                        }
                        say(out, dataReply);
                    }
                    case "RSET", "NOOP" -> say(out, "250 2.0.0 OK");
                    case "QUIT" -> {
                        say(out, "221 2.0.0 bye");
                        return;
                    }
                    default -> say(out, "502 5.5.2 not implemented");
                }
            }
        }
    }

    private static void say(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket client : clients) {
            client.close();
        }
    }
}
