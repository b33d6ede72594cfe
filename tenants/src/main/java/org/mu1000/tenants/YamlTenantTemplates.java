package org.mu1000.tenants;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mu1000.platform.tenancy.application.TenantTemplates;
import org.mu1000.platform.tenancy.domain.AreaUnit;
import org.mu1000.platform.tenancy.domain.ProviderConfig;
import org.mu1000.platform.kernel.FxRate;
import org.mu1000.platform.tenancy.domain.TenantConfig;

/** Reads the country templates shipped on the classpath under {@code templates/}. */
@ApplicationScoped
public class YamlTenantTemplates implements TenantTemplates {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()).registerModule(new JavaTimeModule());

  private final List<TemplateFile> files = load();

  static List<TemplateFile> load() {
    List<TemplateFile> out = new ArrayList<>();
    for (String id : resource("templates/templates.txt").split("\\s+")) {
      if (!id.isBlank()) {
        try {
          out.add(YAML.readValue(resource("templates/" + id + "/tenant.yaml"), TemplateFile.class));
        } catch (IOException e) {
          throw new UncheckedIOException("template " + id + " cannot be read", e);
        }
      }
    }
    return out;
  }

  private static String resource(String path) {
    try (InputStream in = YamlTenantTemplates.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public List<TenantConfig> list() {
    return files.stream().map(YamlTenantTemplates::config).toList();
  }

  @Override
  public Optional<TenantConfig> find(String id) {
    return file(id).map(YamlTenantTemplates::config);
  }

  public Optional<TemplateFile> file(String id) {
    return files.stream().filter(f -> f.id().equals(id)).findFirst();
  }

  static TenantConfig config(TemplateFile f) {
    return new TenantConfig(f.id(), f.name(), f.country(), f.currency(), AreaUnit.of(f.areaUnit()), f.languages(),
        f.timezone(), f.povertyLine(),
        f.fxRates() == null ? List.of() : f.fxRates().stream().map(r -> new FxRate(r.date(), r.rate())).toList(), null,
        null, f.providers() == null ? null : f.providers().stream().map(p -> new ProviderConfig(p.family(),
            p.provider(), p.settings(), p.secrets())).toList());
  }
}
