import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.io.BufferedReader;
import java.io.InputStreamReader;

/**
 * Mints benchmark tokens with the dev signing key, as bench/dev-token.sh does, but thousands a second (one JVM,
 * not four openssl processes per token). Reads lines "subject[TAB]rest" on stdin, writes "token[TAB]rest".
 * A subject "service-account-CLIENT" gets a school system's token (azp CLIENT, role school-system), as the dev
 * token route mints them.
 * Usage: java bench/Tokens.java src/dev/dev-signing-key.pem < subjects.tsv > tokens.tsv
 */
public class Tokens {
    public static void main(String[] args) throws Exception {
        String pem = Files.readString(Path.of(args[0])).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"dev\"}".getBytes(StandardCharsets.UTF_8));
        long now = System.currentTimeMillis() / 1000;
        Signature signer = Signature.getInstance("SHA256withRSA");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        StringBuilder out = new StringBuilder();
        for (String line; (line = in.readLine()) != null;) {
            if (line.isBlank()) {
                continue;
            }
            int tab = line.indexOf('\t');
            String subject = tab < 0 ? line : line.substring(0, tab);
            String rest = tab < 0 ? "" : line.substring(tab);
            String system = subject.startsWith("service-account-")
                    ? String.format(",\"azp\":\"%s\",\"groups\":[\"school-system\"]", subject.substring(16)) : "";
            String payload = b64.encodeToString(String.format(
                    "{\"iss\":\"ediary-dev\",\"sub\":\"%s\",\"aud\":\"ediary-api\",\"iat\":%d,\"exp\":%d%s}",
                    subject, now, now + 86400, system).getBytes(StandardCharsets.UTF_8));
            signer.initSign(key);
            signer.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            out.append(header).append('.').append(payload).append('.').append(b64.encodeToString(signer.sign()))
                    .append(rest).append('\n');
        }
        System.out.print(out);
    }
}
