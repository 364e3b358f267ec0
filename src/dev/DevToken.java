import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * Prints a bearer token that dev mode and the tests accept, signed with the dev key pair of src/dev/jwt.
 * Run from the repository root with any JDK: java src/dev/DevToken.java editor [subject] [hours]
 * The role is viewer, editor or admin. Production verifies tokens against its own public key, so these are useless there.
 */
public class DevToken {

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || !args[0].matches("viewer|editor|admin")) {
            System.err.println("usage: java src/dev/DevToken.java viewer|editor|admin [subject] [hours]");
            System.exit(2);
        }
        String role = args[0];
        String subject = args.length > 1 ? args[1] : "dev-" + role;
        long hours = args.length > 2 ? Long.parseLong(args[2]) : 12;
        long now = System.currentTimeMillis() / 1000;
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String claims = String.format("{\"iss\":\"attache-dev\",\"sub\":\"%s\",\"upn\":\"%s\",\"groups\":[\"%s\"],"
                + "\"iat\":%d,\"exp\":%d}", subject, subject, role, now, now + hours * 3600);
        String signingInput = base64(header.getBytes(StandardCharsets.UTF_8)) + "."
                + base64(claims.getBytes(StandardCharsets.UTF_8));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(privateKey())));
        rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        System.out.println(signingInput + "." + base64(rsa.sign()));
    }

    private static byte[] privateKey() throws Exception {
        String pem = Files.readString(Path.of("src/dev/jwt/private-key.pem"));
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
