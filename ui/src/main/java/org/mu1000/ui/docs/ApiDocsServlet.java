package org.mu1000.ui.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * A human-readable page of the REST contract, rendered on the server from the same {@code openapi.yaml} that
 * generates the API (no JavaScript, works offline): operations by tag with their parameters and schemas.
 */
@WebServlet("/api-docs")
public class ApiDocsServlet extends HttpServlet {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    JsonNode api;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/openapi.yaml")) {
      if (in == null) {
        res.sendError(404);
        return;
      }
      api = YAML.readTree(in);
    }
    StringBuilder h = new StringBuilder("<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        + "<meta name='viewport' content='width=device-width, initial-scale=1'><title>Mu1000 API</title><style>"
        + "body{font-family:sans-serif;max-width:960px;margin:auto;padding:1em;line-height:1.4}"
        + "code,pre{background:#f3f3f3;padding:0 .2em}.op{border-left:4px solid #4a7c2a;padding:.2em .8em;margin:.6em 0}"
        + ".m{font-weight:bold;display:inline-block;width:4.5em}table{border-collapse:collapse}td,th{padding:.1em .6em;"
        + "border-bottom:1px solid #ddd;text-align:left;vertical-align:top}</style></head><body>");
    h.append("<h1>").append(esc(api.path("info").path("title").asText())).append(" ")
        .append(esc(api.path("info").path("version").asText())).append("</h1><p>")
        .append(esc(api.path("info").path("description").asText())).append("</p><p>Base path <code>/api/v1</code>. ")
        .append("Machine-readable contract: <a href='/openapi'>/openapi</a>.</p>");
    Map<String, StringBuilder> byTag = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = api.path("paths").fields(); paths.hasNext(); ) {
      var p = paths.next();
      for (Iterator<Map.Entry<String, JsonNode>> ops = p.getValue().fields(); ops.hasNext(); ) {
        var op = ops.next();
        if (op.getKey().equals("parameters")) {
          continue;
        }
        String tag = op.getValue().path("tags").path(0).asText("Other");
        StringBuilder b = byTag.computeIfAbsent(tag, t -> new StringBuilder());
        b.append("<div class='op'><span class='m'>").append(op.getKey().toUpperCase()).append("</span><code>")
            .append(esc(p.getKey())).append("</code> <small>").append(esc(op.getValue().path("operationId").asText()))
            .append("</small>");
        if (op.getValue().has("summary")) {
          b.append("<div>").append(esc(op.getValue().path("summary").asText())).append("</div>");
        }
        StringBuilder params = new StringBuilder();
        for (JsonNode prm : op.getValue().path("parameters")) {
          String name = prm.has("$ref") ? prm.path("$ref").asText().replaceAll(".*/", "") : prm.path("name").asText();
          params.append(name).append(prm.path("required").asBoolean() ? "*" : "").append(" ");
        }
        if (params.length() > 0) {
          b.append("<div>query/header: <code>").append(esc(params.toString().trim())).append("</code></div>");
        }
        JsonNode body = op.getValue().path("requestBody").path("content");
        if (body.isObject()) {
          var first = body.fields().next();
          b.append("<div>body: ").append(esc(first.getKey())).append(" ")
              .append(esc(first.getValue().path("schema").path("$ref").asText().replaceAll(".*/", ""))).append("</div>");
        }
        b.append("<div>responses: ").append(esc(String.join(", ", iterable(op.getValue().path("responses")))))
            .append("</div></div>");
      }
    }
    byTag.forEach((tag, ops) -> h.append("<h2>").append(esc(tag)).append("</h2>").append(ops));
    h.append("<h2>Schemas</h2>");
    for (Iterator<Map.Entry<String, JsonNode>> s = api.path("components").path("schemas").fields(); s.hasNext(); ) {
      var e = s.next();
      h.append("<h3 id='").append(esc(e.getKey())).append("'>").append(esc(e.getKey())).append("</h3>");
      if (e.getValue().has("enum")) {
        h.append("<p>one of <code>").append(esc(e.getValue().path("enum").toString())).append("</code></p>");
        continue;
      }
      h.append("<table><tr><th>field</th><th>type</th><th>notes</th></tr>");
      var required = e.getValue().path("required").toString();
      for (Iterator<Map.Entry<String, JsonNode>> f = e.getValue().path("properties").fields(); f.hasNext(); ) {
        var field = f.next();
        JsonNode d = field.getValue();
        String type = d.has("$ref") ? d.path("$ref").asText().replaceAll(".*/", "")
            : d.path("type").asText() + (d.has("items") ? " of " + d.path("items").path("$ref").asText(
                d.path("items").path("type").asText()).replaceAll(".*/", "") : "");
        h.append("<tr><td><code>").append(esc(field.getKey())).append("</code>")
            .append(required.contains("\"" + field.getKey() + "\"") ? " *" : "").append("</td><td>").append(esc(type))
            .append("</td><td>").append(esc(notes(d))).append("</td></tr>");
      }
      h.append("</table>");
    }
    res.setContentType("text/html;charset=UTF-8");
    res.getWriter().write(h.append("</body></html>").toString());
  }

  private static String notes(JsonNode d) {
    StringBuilder n = new StringBuilder();
    for (String k : new String[] {"description", "pattern", "minimum", "maximum", "minLength", "maxLength", "format"}) {
      if (d.has(k)) {
        n.append(k).append(": ").append(d.path(k).asText()).append("; ");
      }
    }
    if (d.path("readOnly").asBoolean()) {
      n.append("read-only; ");
    }
    if (d.path("writeOnly").asBoolean()) {
      n.append("write-only; ");
    }
    return n.toString();
  }

  private static Iterable<String> iterable(JsonNode obj) {
    java.util.List<String> out = new java.util.ArrayList<>();
    obj.fieldNames().forEachRemaining(out::add);
    return out;
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;");
  }
}
