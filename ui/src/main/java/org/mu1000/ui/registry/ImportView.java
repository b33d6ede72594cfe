package org.mu1000.ui.registry;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.receivers.MemoryBuffer;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.IOException;
import org.mu1000.platform.registry.application.OrganisationService;
import org.mu1000.platform.registry.domain.Cooperative;
import org.mu1000.platform.registry.application.importing.ImportRows;
import org.mu1000.platform.registry.application.importing.ImportService;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.tenancy.application.TenantService;
import org.mu1000.platform.tenancy.domain.Tenant;
import org.mu1000.ui.shell.MainLayout;
import org.mu1000.ui.shell.Ui;

/** The import wizard: choose a cooperative, upload CSV/XLSX, read the dry run's problems, then commit. */
@Route(value = "import", layout = MainLayout.class)
@PageTitle("Mu1000 — import farmers")
@Dependent
public class ImportView extends VerticalLayout {
  private final ImportService imports;
  private final ProgressBar progress = new ProgressBar();
  private final Span status = new Span();
  private final Grid<ImportRows.Problem> problems = new Grid<>(ImportRows.Problem.class, false);
  private final Button commit = new Button();
  private Tenant tenant;
  private String jobId;

  @Inject
  public ImportView(ImportService imports, OrganisationService orgs, TenantService tenants) {
    this.imports = imports;
    try {
      tenant = Ui.tenant(tenants);
    } catch (DomainException e) {
      add(new Paragraph(e.getMessage()));
      return;
    }
    add(new Paragraph(getTranslation("import.help", String.join(", ", ImportRows.COLUMNS))));
    ComboBox<Cooperative> coop = new ComboBox<>(getTranslation("farmer.cooperative"));
    coop.setItems(orgs.cooperatives(tenant, Ui.caller()));
    coop.setItemLabelGenerator(Cooperative::name);
    coop.setId("import-coop");
    MemoryBuffer buffer = new MemoryBuffer();
    Upload upload = new Upload(buffer);
    upload.setId("import-upload");
    upload.setAcceptedFileTypes(".csv", ".xlsx");
    upload.setMaxFileSize(30 * 1024 * 1024);
    upload.addSucceededListener(e -> {
      if (coop.getValue() == null) {
        Ui.error(getTranslation("import.chooseCoop"));
        return;
      }
      String name = e.getFileName();
      String format = name.toLowerCase().endsWith(".xlsx") ? "xlsx" : "csv";
      try {
        var job = imports.upload(tenant, Ui.caller(), coop.getValue().id(), format, name,
            buffer.getInputStream().readAllBytes());
        jobId = job.id();
        show(job);
      } catch (DomainException ex) {
        Ui.show(ex, java.util.Map.of());
      } catch (IOException ex) {
        Ui.error(ex.getMessage());
      }
    });
    commit.setText(getTranslation("import.commit"));
    commit.setId("import-commit");
    commit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    commit.setEnabled(false);
    commit.addClickListener(e -> {
      try {
        show(imports.commit(tenant, Ui.caller(), jobId));
      } catch (DomainException ex) {
        Ui.error(ex.getMessage());
      }
    });
    status.setId("import-status");
    problems.setId("import-problems");
    problems.addColumn(ImportRows.Problem::row).setHeader(getTranslation("import.row")).setWidth("6em").setFlexGrow(0);
    problems.addColumn(ImportRows.Problem::column).setHeader(getTranslation("import.column")).setAutoWidth(true);
    problems.addColumn(ImportRows.Problem::message).setHeader(getTranslation("import.message")).setFlexGrow(1);
    progress.setVisible(false);
    add(coop, upload, progress, status, commit, problems);
  }

  @Override
  protected void onAttach(AttachEvent e) {
    e.getUI().setPollInterval(1000);
    e.getUI().addPollListener(p -> {
      if (jobId != null) {
        show(imports.job(tenant, Ui.caller(), jobId));
      }
    });
  }

  @Override
  protected void onDetach(DetachEvent e) {
    e.getUI().setPollInterval(-1);
  }

  private void show(ImportService.Job job) {
    progress.setVisible(true);
    progress.setValue(job.totalRows() == 0 ? 0 : Math.min(1.0, (double) job.processedRows() / job.totalRows()));
    progress.setIndeterminate(job.totalRows() == 0 && job.status().endsWith("ing"));
    status.setText(getTranslation("import.status." + job.status(), job.processedRows(), job.totalRows(),
        job.farmersCreated(), job.farmersUpdated(), job.plotsWritten(), job.problems().size()));
    commit.setEnabled("validated".equals(job.status()));
    problems.setItems(job.problems());
  }
}
