package org.mu1000.platform.finance.application;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Providers such as MTN MoMo do not sign their callbacks, so the address each transfer gives for its callback is
 * signed instead: HMAC-SHA256 over tenant and payout with the tenant's callback token. A callback that does not carry
 * its transfer's signature is refused, and one transfer's address is no use for another.
 */
public final class CallbackSignatures {
  private CallbackSignatures() {}

  public static String sign(String secret, String tenant, String payoutId) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal((tenant + "/" + payoutId).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public static boolean verify(String secret, String tenant, String payoutId, String signature) {
    return secret != null && signature != null && MessageDigest.isEqual(sign(secret, tenant, payoutId)
        .getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8));
  }
}
