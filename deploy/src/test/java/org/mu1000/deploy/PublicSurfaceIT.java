package org.mu1000.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mu1000.deploy.Fixture.RW_ADMIN;
import static org.mu1000.deploy.Fixture.RW_COOP;
import static org.mu1000.deploy.Fixture.RW_COOP_ID;
import static org.mu1000.deploy.Fixture.assertProblem;
import static org.mu1000.deploy.Fixture.farmer;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/** What anyone can reach, and the answers to malformed requests: refused in the API's own words, never leaked. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PublicSurfaceIT {
  @ArquillianResource
  URL url;

  Api api;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @BeforeEach
  void setUp() {
    api = new Api(Deployments.base(url));
    Fixture.tenants(api);
  }

  @Test
  @Order(1)
  void queryParametersThatCannotBeReadAre400WithTheirName() {
    for (String[] c : new String[][] {{"page=abc", "page"}, {"size=x", "size"}, {"sex=martian", "sex"},
        {"page=-1", "page"}, {"size=0", "size"}}) {
      Api.Res r = api.get(RW_ADMIN, "tenants/rwanda/farmers?" + c[0]);
      assertProblem(r, 400);
      assertTrue(r.body().contains("\"" + c[1]), c[0] + ": " + r.body());
    }
    assertProblem(api.get(RW_ADMIN, "tenants/rwanda/lots?status=nonsense"), 400);
    JsonNode far = api.get(RW_ADMIN, "tenants/rwanda/farmers?page=2147483647&size=500").json();
    assertEquals(0, far.path("items").size(), "a page past the end is empty, not the first: " + far);
    assertTrue(far.path("total").asLong() > 0);
    assertEquals(0, api.get(RW_ADMIN, "tenants/rwanda/lots?page=2147483647&size=500").json().path("items").size());

    String family = "[Br(a)ck.t*" + UUID.randomUUID().toString().substring(0, 5);
    assertEquals(201, api.post(RW_COOP, "tenants/rwanda/farmers", farmer("Ann", family, RW_COOP_ID)).status());
    Api.Res literal = api.get(RW_ADMIN, "tenants/rwanda/farmers?namePrefix=" + Api.enc(family.substring(0, 9)));
    assertEquals(200, literal.status(), literal.toString());
    assertEquals(1, literal.json().path("total").asInt(), literal.body());
    Api.Res bracket = api.get(RW_ADMIN, "tenants/rwanda/farmers?namePrefix=" + Api.enc("[x"));
    assertEquals(200, bracket.status(), bracket.toString());
    assertEquals(0, bracket.json().path("total").asInt());
  }

  @Test
  @Order(2)
  void anEmptyContentTypeIsAProblemNotAnHtmlPage() throws Exception {
    URI base = Deployments.base(url);
    String token = Api.token(RW_ADMIN);
    String body = "{}";
    try (Socket s = new Socket(base.getHost(), base.getPort())) {
      OutputStream out = s.getOutputStream();
      out.write(("POST /api/v1/tenants/rwanda/farmers HTTP/1.1\r\nHost: " + base.getHost() + "\r\n"
          + "Authorization: Bearer " + token + "\r\nContent-Type: \r\nContent-Length: " + body.length()
          + "\r\nConnection: close\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String answer = read(s.getInputStream());
      assertTrue(answer.startsWith("HTTP/1.1 415"), answer);
      assertTrue(answer.toLowerCase().contains("content-type: application/problem+json"), answer);
      assertTrue(!answer.contains("<html") && !answer.contains("<HTML"), answer);
    }
  }

  @Test
  @Order(3)
  void metricsAreNotPublic() throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(Deployments.base(url)
        .resolve("metrics")).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertNotEquals(200, r.statusCode(), "the server's metrics are not for anyone: " + r.body().substring(0,
        Math.min(200, r.body().length())));
    assertTrue(!r.body().contains("# TYPE"), "no metrics in the answer");
  }

  @Test
  @Order(4)
  void anUnknownLotAndALotUnderAnotherGtinAnswerAlike() {
    JsonNode lot = api.get(RW_ADMIN, "tenants/rwanda/lots?size=1").json().path("items").get(0);
    String gtin = lot.path("gtin").asText();
    String code = lot.path("code").asText();
    assertEquals(200, api.get(null, "trace/" + gtin + "/" + code).status());
    String wrongGtin = gtin.equals("09999999999999") ? "09999999999998" : "09999999999999";
    Api.Res wrong = api.get(null, "trace/" + wrongGtin + "/" + code);
    Api.Res unknown = api.get(null, "trace/" + gtin + "/NO-SUCH-LOT");
    assertProblem(wrong, 404);
    assertProblem(unknown, 404);
    assertEquals(unknown.body().replace(gtin + "/NO-SUCH-LOT", "?"), wrong.body().replace(wrongGtin + "/" + code, "?"));
  }

  @Test
  @Order(99)
  void thePublicTraceApiHasARateLimitPerAddress() {
    Api.Res limited = null;
    for (int i = 0; i < 400 && limited == null; i++) {
      Api.Res r = api.get(null, "trace/09999999999999/LOT-" + i);
      if (r.status() == 429) {
        limited = r;
      } else {
        assertEquals(404, r.status(), r.toString());
      }
    }
    assertTrue(limited != null, "a client that asks too often is slowed down");
    assertProblem(limited, 429);
  }

  private static String read(InputStream in) throws Exception {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    in.transferTo(b);
    return b.toString(StandardCharsets.UTF_8);
  }
}
