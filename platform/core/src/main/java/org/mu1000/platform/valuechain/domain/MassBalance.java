package org.mu1000.platform.valuechain.domain;

import java.math.BigDecimal;
import java.util.List;
import org.mu1000.platform.shared.domain.Violations;

/** A transformation never makes mass: outputs plus the recorded loss equal the inputs consumed. */
public final class MassBalance {
  private MassBalance() {}

  /** The loss in kg (inputs − outputs); refuses outputs heavier than the inputs, or empty sides. */
  public static BigDecimal loss(List<BigDecimal> inputsKg, List<BigDecimal> outputsKg) {
    Violations v = new Violations();
    v.require(!inputsKg.isEmpty(), "inputs", "needs at least one input lot");
    v.require(!outputsKg.isEmpty(), "outputs", "needs at least one output");
    for (int i = 0; i < outputsKg.size(); i++) {
      BigDecimal o = outputsKg.get(i);
      v.require(o != null && o.signum() > 0, "outputs[" + i + "].kg", "must be positive");
    }
    v.throwIfAny();
    BigDecimal in = inputsKg.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal out = outputsKg.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    v.require(out.compareTo(in) <= 0, "outputs",
        "weigh " + out.toPlainString() + " kg, more than the " + in.toPlainString() + " kg of inputs: mass cannot grow");
    v.throwIfAny();
    return in.subtract(out);
  }
}
