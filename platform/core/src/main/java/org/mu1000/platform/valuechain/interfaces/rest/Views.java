package org.mu1000.platform.valuechain.interfaces.rest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mu1000.platform.impact.domain.Impact;
import org.mu1000.platform.shared.RecordFields;
import org.mu1000.platform.shared.rest.JacksonConfig;
import org.mu1000.platform.tenancy.domain.Tenant;
import org.mu1000.platform.valuechain.application.LotService;
import org.mu1000.platform.valuechain.domain.GradingStandard;
import org.mu1000.platform.valuechain.domain.Lot;
import org.mu1000.platform.valuechain.domain.PurchaseOrder;

/** Domain records in the shapes of the OpenAPI contract (codes in lower case, amounts with their currency). */
public final class Views {
  static final ObjectMapper LENIENT = JacksonConfig.MAPPER.copy()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private Views() {}

  /** A request model of the contract as the domain input record with the same field names. */
  public static <T> T as(Object apiModel, Class<T> type) {
    return LENIENT.convertValue(apiModel, type);
  }

  /** A page of a list as the contract's *Page schemas have it. */
  public static Map<String, Object> page(List<?> items, long total, int page, int size) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("items", items);
    out.put("total", total);
    out.put("page", page);
    out.put("size", size);
    return out;
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> map(Object record) {
    Map<String, Object> m = RecordFields.of(record, false);
    return m != null ? m : LENIENT.convertValue(record, LinkedHashMap.class);
  }

  public static Map<String, Object> lot(Lot l, Tenant t, LotService lots) {
    Map<String, Object> m = map(l);
    m.put("status", l.status().code());
    m.put("gtin", LotService.gtin(l.commodity()));
    m.put("lgtin", LotService.lgtin(l));
    m.put("digitalLink", lots.digitalLink(l));
    m.remove("createdAt");
    m.remove("updatedAt");
    lots.contribution(t, l).ifPresent(c -> {
      m.put("value", money(c.local(), t));
      m.put("valueUsd", Impact.cents(c.usd()));
    });
    return m;
  }

  public static Map<String, Object> money(BigDecimal amount, Tenant t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("amount", amount.setScale(2, java.math.RoundingMode.HALF_EVEN));
    m.put("currency", t.config().currency());
    return m;
  }

  public static Map<String, Object> order(PurchaseOrder o, Tenant t) {
    Map<String, Object> m = map(o);
    m.put("status", o.status().code());
    List<Map<String, Object>> lines = new ArrayList<>();
    BigDecimal total = BigDecimal.ZERO;
    for (PurchaseOrder.Line l : o.lines()) {
      Map<String, Object> x = map(l);
      x.put("currency", t.config().currency());
      lines.add(x);
      total = total.add(l.quantityKg().multiply(l.pricePerKg()));
    }
    m.put("lines", lines);
    m.put("total", money(total, t));
    m.remove("createdAt");
    m.remove("updatedAt");
    return m;
  }

  public static Map<String, Object> standard(GradingStandard s) {
    Map<String, Object> m = map(s);
    List<Map<String, Object>> grades = new ArrayList<>();
    for (GradingStandard.Grade g : s.grades()) {
      Map<String, Object> x = map(g);
      List<Map<String, Object>> rules = new ArrayList<>();
      g.rules().forEach(r -> rules.add(Map.of("measure", r.measure(), "op", r.op().symbol(), "value", r.value())));
      x.put("rules", rules);
      grades.add(x);
    }
    m.put("grades", grades);
    return m;
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
