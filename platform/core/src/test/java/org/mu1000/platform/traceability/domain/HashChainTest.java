package org.mu1000.platform.traceability.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mu1000.platform.traceability.domain.HashChain.Link;

class HashChainTest {
  static List<Link> chain(String lot, String... bodies) {
    List<Link> out = new ArrayList<>();
    String prev = HashChain.GENESIS;
    for (int i = 0; i < bodies.length; i++) {
      Map<String, String> p = Map.of(lot, prev, "other", HashChain.GENESIS);
      String h = HashChain.hash(bodies[i], p);
      out.add(new Link("e" + i, bodies[i], p, h));
      prev = h;
    }
    return out;
  }

  @Test
  void intactChainVerifies() {
    assertTrue(HashChain.verify("L", chain("L", "{\"a\":1}", "{\"b\":2}", "{\"c\":3}")).isEmpty());
  }

  @Test
  void alteredBodyIsTheFirstBrokenLink() {
    List<Link> c = chain("L", "{\"a\":1}", "{\"b\":2}", "{\"c\":3}");
    Link e1 = c.get(1);
    c.set(1, new Link(e1.eventId(), "{\"b\":3}", e1.previous(), e1.hash()));
    HashChain.Break b = HashChain.verify("L", c).orElseThrow();
    assertEquals(1, b.position());
    assertEquals("e1", b.eventId());
    assertTrue(b.reason().contains("altered"));
  }

  @Test
  void removedOrReorderedEventBreaksTheNextLink() {
    List<Link> c = chain("L", "{\"a\":1}", "{\"b\":2}", "{\"c\":3}");
    c.remove(1);
    HashChain.Break b = HashChain.verify("L", c).orElseThrow();
    assertEquals("e2", b.eventId());
    assertTrue(b.reason().contains("link"));
  }

  @Test
  void rehashingAnAlteredEventStillBreaksItsSuccessor() {
    List<Link> c = chain("L", "{\"a\":1}", "{\"b\":2}", "{\"c\":3}");
    Link e1 = c.get(1);
    c.set(1, new Link(e1.eventId(), "{\"b\":9}", e1.previous(), HashChain.hash("{\"b\":9}", e1.previous())));
    assertEquals("e2", HashChain.verify("L", c).orElseThrow().eventId());
  }

  @Test
  void gtinCheckDigitsAndDigitalLinks() {
    assertEquals("00614141123452", Gs1.gtin14("0", "0614141", "12345"));
    assertTrue(Gs1.validGtin("00614141123452"));
    assertTrue(!Gs1.validGtin("00614141123453"));
    assertEquals("urn:epc:class:lgtin:0614141.012345.LOT1", Gs1.lgtin("00614141123452", 7, "LOT1"));
    assertEquals("https://x.org/01/00614141123452/10/LOT1", Gs1.digitalLink("https://x.org/", "00614141123452",
        "LOT1"));
  }
}
