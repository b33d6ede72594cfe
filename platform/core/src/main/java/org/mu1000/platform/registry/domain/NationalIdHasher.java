package org.mu1000.platform.registry.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.spec.KeySpec;
import java.util.HexFormat;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * National ids are never stored: only a salted PBKDF2 hash (salt = tenant pepper + the tenant id, so equal ids in two
 * tenants hash apart) and the last four characters, which staff need to tell people apart.
 */
public final class NationalIdHasher {
  private final byte[] salt;

  public NationalIdHasher(String pepper, String tenantId) {
    this.salt = (pepper + ":" + tenantId).getBytes(StandardCharsets.UTF_8);
  }

  public String hash(String nationalId) {
    try {
      KeySpec spec = new PBEKeySpec(normalise(nationalId).toCharArray(), salt, 10_000, 256);
      byte[] h = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
      return "pbkdf2-sha256:" + HexFormat.of().formatHex(h);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String last4(String nationalId) {
    String n = normalise(nationalId);
    return n.substring(Math.max(0, n.length() - 4));
  }

  static String normalise(String id) {
    return id.replaceAll("[\\s-]", "").toUpperCase();
  }
}
