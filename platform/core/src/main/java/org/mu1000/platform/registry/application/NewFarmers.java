package org.mu1000.platform.registry.application;

import java.util.List;
import org.mu1000.platform.registry.domain.Farmer;
import org.mu1000.platform.registry.domain.Plot;
import org.mu1000.platform.registry.domain.RegistryEvent;
import org.mu1000.platform.shared.domain.Batch;
import org.mu1000.platform.tenancy.domain.Tenant;

/**
 * New farmers and their plots about to be written in one batch (an import writes a chunk of its rows so), fired
 * before the batch is sent. Where a single change fires a {@link RegistryEvent} once it is written, an observer of
 * this adds its own writes (derived figures, outbox entries) to {@code batch}, so that they are written with the
 * farmers or not at all, and adds to {@code afterwards} what must wait until they are written. {@code events} are
 * the changes as single writes would have announced them. The same batch may be written again (with the same
 * {@code key}) after an interruption: what an observer adds must then change nothing the first attempt wrote.
 */
public record NewFarmers(Tenant tenant, String key, Batch batch, List<Farmer> farmers, List<Plot> plots,
    List<RegistryEvent> events, List<Runnable> afterwards) {}
