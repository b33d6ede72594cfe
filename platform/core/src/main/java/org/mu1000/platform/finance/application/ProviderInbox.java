package org.mu1000.platform.finance.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.mu1000.platform.finance.domain.FinanceStore;
import org.mu1000.platform.finance.domain.ProviderMessage;
import org.mu1000.platform.tenancy.domain.Tenant;

/**
 * Where providers' asynchronous answers wait for the route that asked (in the tenant's store, so an answer that
 * reaches another instance is read all the same). The latest answer under a key replaces the one before.
 */
@ApplicationScoped
public class ProviderInbox {
  private Ledger ledger;

  protected ProviderInbox() {}

  @Inject
  public ProviderInbox(Ledger ledger) {
    this.ledger = ledger;
  }

  public void put(Tenant t, String key, String body, boolean error) {
    ledger.store(t).put(FinanceStore.INBOX, key, new ProviderMessage(key, body, error, Instant.now(), 0),
        ProviderMessage.class, ProviderMessage::version);
  }

  /** The latest message under {@code key}. */
  public Optional<ProviderMessage> find(Tenant t, String key) {
    return ledger.store(t).find(FinanceStore.INBOX, key, ProviderMessage.class);
  }

  /** The answer under {@code key} received at or after {@code since}, waited for up to {@code within}. */
  public Optional<ProviderMessage> await(Tenant t, String key, Instant since, Duration within) {
    long end = System.nanoTime() + within.toNanos();
    FinanceStore store = ledger.store(t);
    while (true) {
      Optional<ProviderMessage> m = store.find(FinanceStore.INBOX, key, ProviderMessage.class)
          .filter(x -> !x.receivedAt().isBefore(since));
      if (m.isPresent() || System.nanoTime() > end) {
        return m;
      }
      try {
        Thread.sleep(25);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    }
  }
}
