package org.kpi.notify.channels;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An SMTP peer that answers like a real relay refusing recipients: {@code RCPT TO} a mailbox
 * starting with {@code unknown} gets {@code 550}, one starting with {@code busy} gets {@code 451},
 * any other is accepted. It can stop listening (and drop its connections) to stand for a relay
 * that is down.
 */
public final class ScriptedSmtp implements AutoCloseable {

    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket listener;

    public ScriptedSmtp() throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        port = listener.getLocalPort();
        accept(listener);
    }

    public int port() {
        return port;
    }

    /** Closes the listening socket and every connection: connecting is refused until {@link #listen()}. */
    public synchronized void down() throws IOException {
        listener.close();
        for (Socket socket : open) {
            socket.close();
        }
        open.clear();
    }

    /** Listens again on the same port. */
    public synchronized void listen() throws IOException {
        ServerSocket again = new ServerSocket();
        again.setReuseAddress(true);
        again.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 50);
        listener = again;
        accept(again);
    }

    private void accept(ServerSocket server) {
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    open.add(socket);
                    Thread session = new Thread(() -> converse(socket), "scripted-smtp-session");
                    session.setDaemon(true);
                    session.start();
                } catch (IOException e) {
                    return;
                }
            }
        }, "scripted-smtp-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void converse(Socket socket) {
        try (socket;
             BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
             OutputStream out = socket.getOutputStream()) {
            reply(out, "220 scripted.example ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.toUpperCase(Locale.ROOT);
                if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                    reply(out, "250 scripted.example");
                } else if (command.startsWith("RCPT TO:")) {
                    String mailbox = command.substring("RCPT TO:".length()).replace("<", "").trim();
                    if (mailbox.startsWith("UNKNOWN")) {
                        reply(out, "550 5.1.1 Recipient address rejected: User unknown");
                    } else if (mailbox.startsWith("BUSY")) {
                        reply(out, "451 4.3.0 Temporary local problem, try again later");
                    } else {
                        reply(out, "250 2.1.5 OK");
                    }
                } else if (command.equals("DATA")) {
                    reply(out, "354 End data with <CR><LF>.<CR><LF>");
                    while ((line = in.readLine()) != null && !line.equals(".")) {
                        // the message itself is not kept
                    }
                    reply(out, "250 2.0.0 Queued");
                } else if (command.equals("QUIT")) {
                    reply(out, "221 2.0.0 Bye");
                    return;
                } else {
                    reply(out, "250 OK");
                }
            }
        } catch (IOException e) {
            // the client or down() closed the connection
        } finally {
            open.remove(socket);
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        down();
    }
}
