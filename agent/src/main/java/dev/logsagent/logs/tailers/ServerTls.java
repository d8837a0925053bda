package dev.logsagent.logs.tailers;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.net.Socket;

/**
 * The server side of TLS for accepted connections.
 *
 * @param clientCertificateRequired a client without a certificate signed by a trusted CA is refused
 */
public record ServerTls(SSLContext context, boolean clientCertificateRequired) {

    /**
     * Layers TLS over an accepted connection; the handshake happens on the connection's own thread. Closing
     * {@code raw} also ends the TLS socket, which is how a reader blocked in it is stopped.
     */
    public SSLSocket wrap(Socket raw) throws IOException {
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(raw, null, true);
        socket.setUseClientMode(false);
        socket.setNeedClientAuth(clientCertificateRequired);
        return socket;
    }
}
