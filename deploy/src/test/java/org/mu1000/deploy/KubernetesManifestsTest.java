package org.mu1000.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes manifests of {@code deploy/kubernetes}: every document is a resource of a kind Kubernetes knows with
 * no field it does not (a typo fails the build), every file a kustomization names exists, and every patch of an
 * overlay points at a field its target has.
 */
class KubernetesManifestsTest {
  private static final Path ROOT = Path.of("kubernetes");
  private static final KubernetesSerialization K8S = new KubernetesSerialization();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** Every resource document of a file, as Kubernetes types. */
  static List<HasMetadata> resources(String yaml, String where) {
    List<HasMetadata> out = new ArrayList<>();
    for (String doc : yaml.split("(?m)^---\\s*$")) {
      if (doc.lines().allMatch(l -> l.isBlank() || l.strip().startsWith("#"))) {
        continue;
      }
      Object parsed = K8S.unmarshal(doc);
      if (!(parsed instanceof HasMetadata r) || parsed instanceof GenericKubernetesResource) {
        fail(where + ": not a resource Kubernetes knows: " + doc.lines().filter(l -> l.startsWith("kind:"))
            .findFirst().orElse("(no kind)"));
        return out;
      }
      List<String> unknown = new ArrayList<>();
      unknownFields(r, r.getKind() + " " + r.getMetadata().getName(), unknown, new IdentityHashMap<>());
      assertEquals(List.of(), unknown, where + ": fields Kubernetes does not have");
      out.add(r);
    }
    return out;
  }

  /** Fields the model did not recognise (it keeps them aside as additional properties), by path. */
  private static void unknownFields(Object o, String path, List<String> unknown, Map<Object, Boolean> seen) {
    if (o == null || seen.put(o, true) != null) {
      return;
    }
    if (o instanceof Collection<?> c) {
      int i = 0;
      for (Object e : c) {
        unknownFields(e, path + "[" + i++ + "]", unknown, seen);
      }
      return;
    }
    if (o instanceof Map<?, ?> m) {
      m.forEach((k, v) -> unknownFields(v, path + "." + k, unknown, seen));
      return;
    }
    if (!o.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
      return;
    }
    for (Method g : o.getClass().getMethods()) {
      if (g.getParameterCount() != 0 || !g.getName().startsWith("get") || g.getDeclaringClass() == Object.class) {
        continue;
      }
      try {
        Object v = g.invoke(o);
        if (g.getName().equals("getAdditionalProperties")) {
          if (v instanceof Map<?, ?> extra && !extra.isEmpty()
              && !o.getClass().getSimpleName().equals("GenericKubernetesResource")) {
            extra.keySet().forEach(k -> unknown.add(path + "." + k));
          }
        } else {
          unknownFields(v, path + "." + g.getName().substring(3), unknown, seen);
        }
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static List<Path> files(String glob) throws IOException {
    try (Stream<Path> s = Files.walk(ROOT)) {
      return s.filter(p -> p.getFileSystem().getPathMatcher("glob:" + glob).matches(p.getFileName())).sorted()
          .toList();
    }
  }

  @Test
  void everyManifestIsAKnownResourceWithKnownFields() throws IOException {
    int n = 0;
    for (Path f : files("*.yaml")) {
      if (!f.getFileName().toString().equals("kustomization.yaml")) {
        n += resources(Files.readString(f), f.toString()).size();
      }
    }
    assertTrue(n >= 20, "the base and the overlay hold the whole system: " + n + " resources");
  }

  @Test
  void kustomizationsNameFilesThatExistAndPatchFieldsThatExist() throws IOException {
    Map<String, JsonNode> base = new java.util.HashMap<>();
    for (Path f : files("*.yaml")) {
      if (f.startsWith(ROOT.resolve("base")) && !f.getFileName().toString().equals("kustomization.yaml")) {
        try (var docs = YAML.readerFor(JsonNode.class).<JsonNode>readValues(f.toFile())) {
          docs.forEachRemaining(d -> base.put(d.path("kind").asText() + "/" + d.path("metadata").path("name")
              .asText(), d));
        }
      }
    }
    for (Path k : files("kustomization.yaml")) {
      JsonNode kz = YAML.readTree(k.toFile());
      Path dir = k.getParent();
      kz.path("resources").forEach(r -> assertTrue(Files.exists(dir.resolve(r.asText())), k + ": " + r.asText()));
      kz.path("secretGenerator").forEach(g -> g.path("envs").forEach(e -> assertTrue(Files.exists(dir.resolve(
          e.asText())), k + ": " + e.asText())));
      for (JsonNode p : kz.path("patches")) {
        if (p.has("path")) {
          Path patch = dir.resolve(p.path("path").asText());
          assertTrue(Files.exists(patch), k + ": " + patch);
          for (HasMetadata r : resources(Files.readString(patch), patch.toString())) {
            assertTrue(base.containsKey(r.getKind() + "/" + r.getMetadata().getName()), patch + " patches "
                + r.getKind() + " " + r.getMetadata().getName() + ", which the base does not have");
          }
          continue;
        }
        String target = p.path("target").path("kind").asText() + "/" + p.path("target").path("name").asText();
        JsonNode tree = base.get(target);
        assertTrue(tree != null, k + " patches " + target + ", which the base does not have");
        for (JsonNode op : YAML.readTree(p.path("patch").asText())) {
          assertFalse(tree.at(op.path("path").asText()).isMissingNode(), k + ": " + target + " has no "
              + op.path("path").asText());
        }
      }
    }
  }

  @Test
  void theBaseRunsTheAppClusteredOnAReplicaSetBehindAnHttp11Ingress() throws IOException {
    Map<String, HasMetadata> all = new java.util.HashMap<>();
    for (Path f : files("*.yaml")) {
      if (f.startsWith(ROOT.resolve("base")) && !f.getFileName().toString().equals("kustomization.yaml")) {
        resources(Files.readString(f), f.toString()).forEach(r -> all.put(r.getKind() + "/" + r.getMetadata()
            .getName(), r));
      }
    }
    Deployment app = (Deployment) all.get("Deployment/mu1000");
    assertTrue(app.getSpec().getReplicas() >= 2);
    var container = app.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertEquals("/health/ready", container.getReadinessProbe().getHttpGet().getPath());
    assertEquals("/health/live", container.getLivenessProbe().getHttpGet().getPath());
    assertTrue(String.join(" ", container.getArgs()).contains("--clusterMode kubernetes:"), "Payara's data grid");
    assertTrue(container.getResources().getRequests().containsKey("memory"));
    assertEquals(3, ((StatefulSet) all.get("StatefulSet/mongodb")).getSpec().getReplicas());
    Deployment keycloak = (Deployment) all.get("Deployment/keycloak");
    assertEquals(List.of("start"), keycloak.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs(),
        "Keycloak in production mode");
    Ingress ingress = (Ingress) all.get("Ingress/mu1000");
    assertEquals("1.1", ingress.getMetadata().getAnnotations().get("nginx.ingress.kubernetes.io/proxy-http-version"));
    assertTrue(all.containsKey("StatefulSet/mqtt") && all.containsKey("StatefulSet/postgres"));
  }
}
