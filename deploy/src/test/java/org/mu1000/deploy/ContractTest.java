package org.mu1000.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract check itself: what it must catch, and what it must let pass. */
class ContractTest {
  private static List<String> lot(String body) {
    return Contract.violations("GET", "/tenants/{tenant}/lots/{id}", new Api.Res(200, "application/json", null, body,
        null));
  }

  @Test
  void aConformingAnswerPasses() {
    assertEquals(List.of(), lot("{\"id\":\"lt1\",\"kg\":12.5,\"status\":\"collected\",\"harvestDate\":\"2026-05-10\","
        + "\"measurements\":{\"ripe\":96},\"value\":{\"amount\":1.25,\"currency\":\"RWF\"},\"version\":1}"));
  }

  @Test
  void anUndeclaredPropertyAWrongTypeAnUnknownCodeAndABadDateAreCaught() {
    List<String> v = lot("{\"id\":\"lt1\",\"createdAt\":\"x\",\"kg\":\"12.5\",\"status\":\"lost\","
        + "\"harvestDate\":\"10/05/2026\",\"measurements\":{\"ripe\":\"high\"},\"value\":{\"cents\":1,"
        + "\"currency\":\"rwf\"}}");
    assertTrue(v.stream().anyMatch(s -> s.contains("createdAt is not in the contract")), v.toString());
    assertTrue(v.stream().anyMatch(s -> s.contains("$.kg: expected a number")), v.toString());
    assertTrue(v.stream().anyMatch(s -> s.contains("$.status") && s.contains("not one of")), v.toString());
    assertTrue(v.stream().anyMatch(s -> s.contains("$.harvestDate") && s.contains("not a date")), v.toString());
    assertTrue(v.stream().anyMatch(s -> s.contains("$.measurements.ripe: expected a number")), v.toString());
    assertTrue(v.stream().anyMatch(s -> s.contains("$.value: cents is not in the contract")), v.toString());
    assertTrue(v.stream().anyMatch(s -> s.contains("$.value: the required amount is missing")), v.toString());
    assertTrue(v.stream().anyMatch(s -> s.contains("$.value.currency") && s.contains("does not match")),
        v.toString());
  }

  @Test
  void aSecretInAnAnswerIsCaughtAndItsAbsenceIsNot() {
    String path = "/tenants/{tenant}/webhooks";
    String ok = "{\"id\":\"wh1\",\"url\":\"https://x.org/h\",\"eventTypes\":[\"farmer.created\"],\"active\":true}";
    assertEquals(List.of(), Contract.violations("POST", path, new Api.Res(201, "application/json", null, ok, null)));
    String leaked = ok.replace("}", ",\"secret\":\"sixteen-chars-secret\"}");
    assertEquals(List.of("$: secret is write-only and must never be answered"), Contract.violations("POST", path,
        new Api.Res(201, "application/json", null, leaked, null)));
  }

  @Test
  void anUndeclaredStatusIsCaught() {
    assertTrue(lot("{}").isEmpty());
    assertEquals(1, Contract.violations("GET", "/tenants/{tenant}/lots/{id}", new Api.Res(299, "application/json",
        null, "{}", null)).size());
  }
}
