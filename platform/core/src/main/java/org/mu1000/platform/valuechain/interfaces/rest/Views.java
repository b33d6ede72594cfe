package org.mu1000.platform.valuechain.interfaces.rest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.mu1000.platform.shared.rest.JacksonConfig;
import org.mu1000.platform.valuechain.domain.GradingStandard;

/** Requests of the contract as the domain's inputs (the answers are {@link ValueChainMapper}'s). */
public final class Views {
  static final ObjectMapper LENIENT = JacksonConfig.MAPPER.copy()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private Views() {}

  /** A request model of the contract as the domain input record with the same field names. */
  public static <T> T as(Object apiModel, Class<T> type) {
    return LENIENT.convertValue(apiModel, type);
  }

  /** The contract's standard as the domain's: rule operators by symbol. */
  public static GradingStandard standard(org.mu1000.api.model.GradingStandard in) {
    List<GradingStandard.Measure> measures = in.getMeasures() == null ? List.of() : in.getMeasures().stream()
        .map(x -> new GradingStandard.Measure(x.getKey(), x.getLabel(), x.getUnit())).toList();
    List<GradingStandard.Grade> grades = new ArrayList<>();
    if (in.getGrades() != null) {
      for (var g : in.getGrades()) {
        List<GradingStandard.Rule> rules = g.getRules() == null ? List.of() : g.getRules().stream()
            .map(r -> new GradingStandard.Rule(r.getMeasure(), GradingStandard.Op.of(r.getOp().toString()),
                r.getValue())).toList();
        List<GradingStandard.Price> prices = g.getPrices() == null ? List.of() : g.getPrices().stream()
            .map(p -> new GradingStandard.Price(p.getValidFrom(), p.getValidTo(), p.getPerKg())).toList();
        grades.add(new GradingStandard.Grade(g.getCode(), g.getName(), rules, prices));
      }
    }
    return new GradingStandard(null, 0, in.getCommodity(), measures, grades, null, null);
  }
}
