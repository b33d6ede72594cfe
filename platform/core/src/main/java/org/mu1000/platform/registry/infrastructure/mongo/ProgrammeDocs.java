package org.mu1000.platform.registry.infrastructure.mongo;

import static org.mu1000.platform.shared.infrastructure.mongo.Docs.dec;

import java.math.BigDecimal;
import org.bson.Document;
import org.mu1000.platform.registry.domain.Programme;
import org.mu1000.platform.shared.infrastructure.mongo.Docs;

/** A programme, with its loan terms, as a document of the registry and back. */
final class ProgrammeDocs {
  private ProgrammeDocs() {}

  static Document programmeDoc(Programme p) {
    return new Document("_id", p.id()).append("name", p.name()).append("commodity", p.commodity())
        .append("seasonStart", Docs.day(p.seasonStart())).append("seasonEnd", Docs.day(p.seasonEnd()))
        .append("targetUsdPerMu", dec(p.targetUsdPerMu())).append("baselineUsdPerMu", dec(p.baselineUsdPerMu()))
        .append("cooperativeFeePercent", dec(p.cooperativeFeePercent()))
        .append("loans", p.loans() == null ? null : new Document("sharePercent", dec(p.loans().sharePercent()))
            .append("annualRatePercent", dec(p.loans().annualRatePercent())).append("interest", p.loans().interest())
            .append("maxTermMonths", p.loans().maxTermMonths()));
  }

  static Programme programmeOf(Document d) {
    BigDecimal target = dec(d, "targetUsdPerMu");
    return new Programme(d.getString("_id"), d.getString("name"), d.getString("commodity"),
        Docs.day(d, "seasonStart"), Docs.day(d, "seasonEnd"), target, dec(d, "baselineUsdPerMu"),
        dec(d, "cooperativeFeePercent"), loansOf(d.get("loans", Document.class)), Docs.version(d));
  }

  private static Programme.LoanTerms loansOf(Document d) {
    return d == null ? null : new Programme.LoanTerms(dec(d, "sharePercent"), dec(d, "annualRatePercent"),
        d.getString("interest"), d.getInteger("maxTermMonths"));
  }
}
