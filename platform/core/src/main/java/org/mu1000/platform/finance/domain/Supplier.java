package org.mu1000.platform.finance.domain;

import java.util.List;
import org.mu1000.platform.shared.domain.Texts;
import org.mu1000.platform.shared.domain.Violations;

/** A registered input supplier (seedlings, fertiliser, ...): input loans are paid to it, never to the farmer. */
public record Supplier(String id, String name, String msisdn, String bankAccount, List<String> inputs, long version) {
  public Supplier {
    inputs = inputs == null ? List.of() : List.copyOf(inputs);
  }

  public void validate() {
    Violations v = new Violations();
    v.require(name != null && !name.isBlank(), "name", "is required");
    Texts.check(v, "name", name);
    v.require(msisdn == null || msisdn.matches("\\+[1-9][0-9]{7,14}"), "msisdn", "must be E.164, e.g. +250788123456");
    v.require(msisdn != null || (bankAccount != null && !bankAccount.isBlank()), "msisdn",
        "a supplier needs a mobile-money number or a bank account to be paid");
    for (int i = 0; i < inputs.size(); i++) {
      Texts.check(v, "inputs[" + i + "]", inputs.get(i));
    }
    v.throwIfAny();
  }
}
