package org.mu1000.platform.shared.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.math.BigDecimal;
import org.mu1000.platform.shared.domain.Numbers;

/** Every decimal of a request is held to {@link Numbers} as it is read, so an unstorable value never reaches a service. */
final class BoundedDecimals extends StdScalarDeserializer<BigDecimal> {
  private static final int LONGEST_TEXT = 60;

  BoundedDecimals() {
    super(BigDecimal.class);
  }

  static SimpleModule module() {
    return new SimpleModule("bounded-decimals").addDeserializer(BigDecimal.class, new BoundedDecimals());
  }

  @Override
  public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    BigDecimal v;
    if (p.hasToken(JsonToken.VALUE_NUMBER_INT) || p.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
      v = p.getDecimalValue();
    } else if (p.hasToken(JsonToken.VALUE_STRING)) {
      String text = p.getText().trim();
      if (text.length() > LONGEST_TEXT) {
        throw JsonMappingException.from(p, Numbers.RULE);
      }
      try {
        v = new BigDecimal(text);
      } catch (NumberFormatException e) {
        throw JsonMappingException.from(p, "must be a number, not '" + Numbers.quote(text) + "'");
      }
    } else {
      return (BigDecimal) ctxt.handleUnexpectedToken(BigDecimal.class, p);
    }
    if (Numbers.problem(v).isPresent()) {
      throw JsonMappingException.from(p, Numbers.RULE);
    }
    return v;
  }
}
