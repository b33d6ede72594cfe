package org.mu1000.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * An answer checked against the response that {@code openapi.yaml} declares for its operation, strictly: every
 * property the answer has must be declared (recursively), every value must have the declared type, format and
 * enumerated value, required properties must be there, and a write-only one (a secret) must not. A property the contract does not name, a number as a string or a date that is not one is a
 * violation, which is what a client generated from the contract would trip on.
 */
final class Contract {
  private static final JsonNode SPEC = load();

  private Contract() {}

  private static JsonNode load() {
    try (InputStream in = Contract.class.getResourceAsStream("/META-INF/openapi.yaml")) {
      if (in == null) {
        throw new IllegalStateException("openapi.yaml is not on the test class path");
      }
      return new ObjectMapper(new YAMLFactory()).readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The violations of an answer of {@code method path} (the contract's path template) with this status. */
  static List<String> violations(String method, String path, Api.Res answer) {
    JsonNode op = SPEC.path("paths").path(path).path(method.toLowerCase());
    if (op.isMissingNode()) {
      return List.of("the contract has no operation " + method + " " + path);
    }
    JsonNode response = op.path("responses").path(String.valueOf(answer.status()));
    if (response.isMissingNode()) {
      return List.of(method + " " + path + " declares no " + answer.status() + " answer: " + answer);
    }
    response = resolve(response);
    JsonNode schema = response.path("content").path("application/json").path("schema");
    if (schema.isMissingNode()) {
      return List.of(method + " " + path + " " + answer.status() + " declares no JSON body");
    }
    List<String> out = new ArrayList<>();
    check(schema, answer.json(), "$", out);
    return out;
  }

  private static JsonNode resolve(JsonNode schema) {
    JsonNode s = schema;
    while (s.has("$ref")) {
      String ref = s.get("$ref").asText();
      if (!ref.startsWith("#/")) {
        throw new IllegalStateException("only local references are supported: " + ref);
      }
      s = SPEC.at(ref.substring(1));
    }
    return s;
  }

  private static void check(JsonNode declared, JsonNode value, String at, List<String> out) {
    JsonNode schema = resolve(declared);
    if (value == null || value.isNull()) {
      return; // the contract's properties are optional unless required; an absent value is null
    }
    if (schema.has("allOf")) {
      for (JsonNode part : schema.get("allOf")) {
        check(part, value, at, out);
      }
      return;
    }
    if (schema.has("enum")) {
      boolean found = false;
      for (JsonNode e : schema.get("enum")) {
        found |= e.equals(value);
      }
      if (!found) {
        out.add(at + ": " + value + " is not one of " + schema.get("enum"));
      }
    }
    String type = schema.path("type").asText(schema.has("properties") ? "object" : "");
    switch (type) {
      case "object" -> object(schema, value, at, out);
      case "array" -> {
        if (!value.isArray()) {
          out.add(at + ": expected an array, got " + value);
          return;
        }
        for (int i = 0; i < value.size(); i++) {
          check(schema.path("items"), value.get(i), at + "[" + i + "]", out);
        }
      }
      case "string" -> {
        string(schema.path("format").asText(""), value, at, out);
        if (value.isTextual() && schema.has("pattern")
            && !java.util.regex.Pattern.compile(schema.get("pattern").asText()).matcher(value.asText()).find()) {
          out.add(at + ": " + value + " does not match " + schema.get("pattern").asText());
        }
      }
      case "number" -> {
        if (!value.isNumber()) {
          out.add(at + ": expected a number, got " + value);
        }
      }
      case "integer" -> {
        if (!value.isIntegralNumber()) {
          out.add(at + ": expected an integer, got " + value);
        }
      }
      case "boolean" -> {
        if (!value.isBoolean()) {
          out.add(at + ": expected a boolean, got " + value);
        }
      }
      default -> { } // no type: anything
    }
  }

  private static void object(JsonNode schema, JsonNode value, String at, List<String> out) {
    if (!value.isObject()) {
      out.add(at + ": expected an object, got " + value);
      return;
    }
    JsonNode props = schema.path("properties");
    JsonNode extra = schema.path("additionalProperties");
    for (JsonNode r : schema.path("required")) {
      // a required property that is write-only is required in requests only (OpenAPI 3.0)
      boolean writeOnly = resolve(props.path(r.asText())).path("writeOnly").asBoolean(false);
      if (!writeOnly && (!value.has(r.asText()) || value.get(r.asText()).isNull())) {
        out.add(at + ": the required " + r.asText() + " is missing");
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      if (props.has(f.getKey()) && resolve(props.get(f.getKey())).path("writeOnly").asBoolean(false)) {
        out.add(at + ": " + f.getKey() + " is write-only and must never be answered");
      } else if (props.has(f.getKey())) {
        check(props.get(f.getKey()), f.getValue(), at + "." + f.getKey(), out);
      } else if (extra.isObject()) {
        check(extra, f.getValue(), at + "." + f.getKey(), out);
      } else if (!extra.asBoolean(false) && !(props.isMissingNode() && extra.isMissingNode())) {
        out.add(at + ": " + f.getKey() + " is not in the contract");
      }
    }
  }

  private static void string(String format, JsonNode value, String at, List<String> out) {
    if (!value.isTextual()) {
      out.add(at + ": expected a string, got " + value);
      return;
    }
    try {
      switch (format) {
        case "date" -> LocalDate.parse(value.asText());
        case "date-time" -> OffsetDateTime.parse(value.asText());
        default -> { }
      }
    } catch (RuntimeException e) {
      out.add(at + ": " + value + " is not a " + format);
    }
  }
}
