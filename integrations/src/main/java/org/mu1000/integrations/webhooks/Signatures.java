package org.mu1000.integrations.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook signatures: {@code X-Mu1000-Signature: sha256=<hex>} is HMAC-SHA256 with the subscription's secret over
 * {@code <X-Mu1000-Timestamp>.<body>}, so a receiver can reject both forged and replayed deliveries.
 */
public final class Signatures {
  public static final String SIGNATURE = "X-Mu1000-Signature";
  public static final String TIMESTAMP = "X-Mu1000-Timestamp";
  public static final String EVENT = "X-Mu1000-Event";
  public static final String DELIVERY = "X-Mu1000-Delivery";

  private Signatures() {}

  public static String sign(String secret, String timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] h = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
      return "sha256=" + HexFormat.of().formatHex(h);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Constant-time comparison, as a receiver should do it. */
  public static boolean verify(String secret, String timestamp, String body, String signature) {
    if (signature == null || timestamp == null) {
      return false;
    }
    return MessageDigest.isEqual(sign(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII),
        signature.getBytes(StandardCharsets.US_ASCII));
  }
}
