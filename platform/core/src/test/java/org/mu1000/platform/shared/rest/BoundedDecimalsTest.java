package org.mu1000.platform.shared.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mu1000.platform.shared.domain.Numbers;

class BoundedDecimalsTest {
  record Lot(BigDecimal kg, Map<String, BigDecimal> measurements) {}

  private static Lot read(String json) throws Exception {
    return JacksonConfig.MAPPER.readValue(json, Lot.class);
  }

  @Test
  void numbersWithinTheRuleAreReadExactly() throws Exception {
    assertEquals(new BigDecimal("999999999999999.99999999"), read("{\"kg\":999999999999999.99999999}").kg());
    assertEquals(new BigDecimal("12.5"), read("{\"kg\":\"12.5\"}").kg());
    assertEquals(new BigDecimal("-3"), read("{\"measurements\":{\"moisture\":-3}}").measurements().get("moisture"));
  }

  @Test
  void unstorableNumbersAreRefusedWithTheirPath() {
    for (String v : new String[] {"1e308", "1E+7000", "1E-7000", "1000000000000000", "0.000000001",
        "12345678901234567890123456789012345"}) {
      JsonMappingException e = assertThrows(JsonMappingException.class, () -> read("{\"kg\":" + v + "}"), v);
      assertEquals("kg", e.getPath().get(0).getFieldName(), v);
      assertEquals(Numbers.RULE, e.getOriginalMessage());
    }
    JsonMappingException nested = assertThrows(JsonMappingException.class,
        () -> read("{\"measurements\":{\"moisture\":1E+2000000}}"));
    assertEquals("moisture", nested.getPath().get(1).getFieldName());
    JsonMappingException text = assertThrows(JsonMappingException.class,
        () -> read("{\"kg\":\"" + "9".repeat(5000) + "\"}"));
    assertTrue(text.getOriginalMessage().length() < 200);
  }

  @Test
  void quotesAreCutShort() {
    assertEquals("abc", Numbers.quote("abc"));
    String q = Numbers.quote("x".repeat(10_000));
    assertTrue(q.length() < 80 && q.endsWith("(10000 characters)"), q);
  }
}
