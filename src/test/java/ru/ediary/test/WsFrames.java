package ru.ediary.test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A graphql-transport-ws client connection: collects whole text frames, answers pings. */
public final class WsFrames implements WebSocket.Listener {

    private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    private WsFrames() {
    }

    public static WsFrames connect(URI uri) throws Exception {
        WsFrames frames = new WsFrames();
        frames.socket = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("graphql-transport-ws")
                .buildAsync(uri, frames).get(10, TimeUnit.SECONDS);
        return frames;
    }

    public WebSocket socket() {
        return socket;
    }

    public void send(String text) {
        socket.sendText(text, true).join();
    }

    /** The next frame, "closed ..." when the server closed, or null when nothing came within 10 s. */
    public String next() throws InterruptedException {
        return messages.poll(10, TimeUnit.SECONDS);
    }

    public void close() {
        socket.abort();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String message = partial.toString();
            partial.setLength(0);
            if (message.contains("\"ping\"")) {
                webSocket.sendText("{\"type\":\"pong\"}", true);
            } else {
                messages.add(message);
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        messages.add("closed " + statusCode + " " + reason);
        return null;
    }
}
