package org.mu1000.ui.valuechain;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.tenancy.application.TenantService;
import org.mu1000.platform.tenancy.domain.Tenant;
import org.mu1000.platform.traceability.application.QrCodes;
import org.mu1000.platform.traceability.application.TraceService;
import org.mu1000.platform.valuechain.application.LotService;
import org.mu1000.platform.valuechain.application.TransformationService;
import org.mu1000.platform.valuechain.application.WarehouseService;
import org.mu1000.platform.valuechain.application.LotCorrections;
import org.mu1000.platform.valuechain.domain.Lot;
import org.mu1000.platform.valuechain.domain.Transformation;
import org.mu1000.platform.valuechain.domain.Warehouse;
import org.mu1000.ui.shell.MainLayout;
import org.mu1000.ui.shell.Ui;

/** Lots and stock: receive into a warehouse, correct, transform, and each lot's traced history and QR code. */
@Route(value = "lots", layout = MainLayout.class)
@PageTitle("Mu1000 — lots and stock")
@Dependent
public class LotsView extends VerticalLayout {
  private final LotService lots;
  private final LotCorrections corrections;
  private final WarehouseService warehouseService;
  private final TransformationService transformations;
  private final TraceService trace;
  private final Grid<Lot> grid = new Grid<>();
  private final Grid<WarehouseService.StockLine> stock = new Grid<>();
  private final VerticalLayout detail = new VerticalLayout();
  private final Select<Lot.Status> status = new Select<>();
  private final TextField code = new TextField();
  private Tenant tenant;
  private List<Warehouse> warehouses = List.of();

  @Inject
  public LotsView(LotService lots, LotCorrections corrections, WarehouseService warehouseService,
      TransformationService transformations, TraceService trace, TenantService tenants) {
    this.lots = lots;
    this.corrections = corrections;
    this.warehouseService = warehouseService;
    this.transformations = transformations;
    this.trace = trace;
    try {
      tenant = Ui.tenant(tenants);
      warehouses = warehouseService.warehouses(tenant, Ui.caller());
      status.setItems(Lot.Status.values());
      status.setEmptySelectionAllowed(true);
      status.setItemLabelGenerator(s -> s == null ? getTranslation("lot.anyStatus") : getTranslation("lot.status."
          + s.code()));
      status.addValueChangeListener(e -> refresh());
      code.setPlaceholder(getTranslation("lot.code"));
      code.setId("lots-code");
      code.addValueChangeListener(e -> refresh());
      grid.setId("lots-grid");
      grid.setSelectionMode(Grid.SelectionMode.MULTI);
      grid.addColumn(Lot::code).setHeader(getTranslation("lot.code")).setAutoWidth(true);
      grid.addColumn(Lot::commodity).setHeader(getTranslation("lot.commodity")).setAutoWidth(true);
      grid.addColumn(Lot::grade).setHeader(getTranslation("lot.grade"));
      grid.addColumn(l -> Ui.amount(l.kg())).setHeader("kg");
      grid.addColumn(l -> Ui.date(l.harvestDate())).setHeader(getTranslation("lot.harvest"));
      grid.addColumn(l -> getTranslation("lot.status." + l.status().code())).setHeader(getTranslation("lot.status"));
      grid.addColumn(l -> warehouses.stream().filter(w -> w.id().equals(l.warehouseId())).map(Warehouse::name)
          .findFirst().orElse("")).setHeader(getTranslation("lot.warehouse")).setAutoWidth(true);
      grid.addItemClickListener(e -> show(e.getItem()));
      grid.setHeight("22em");
      Select<Warehouse> into = new Select<>();
      into.setId("receive-warehouse");
      into.setItems(warehouses);
      into.setItemLabelGenerator(Warehouse::name);
      into.setPlaceholder(getTranslation("lot.warehouse"));
      Button receive = new Button(getTranslation("lots.receive"), e -> act(() -> warehouseService.receive(tenant,
          Ui.caller(), into.getValue() == null ? "" : into.getValue().id(), selected())));
      receive.setId("lots-receive");
      Button addWarehouse = new Button(getTranslation("lots.addWarehouse"), e -> addWarehouse());
      Button transform = new Button(getTranslation("lots.transform"), e -> transform());
      transform.setId("lots-transform");
      HorizontalLayout filters = new HorizontalLayout(code, status);
      HorizontalLayout actions = new HorizontalLayout(into, receive, transform, addWarehouse);
      actions.setVisible(Ui.caller().mayHandleLots());
      actions.getStyle().set("flex-wrap", "wrap");
      stock.setId("stock-grid");
      stock.addColumn(s -> warehouses.stream().filter(w -> w.id().equals(s.warehouseId())).map(Warehouse::name)
          .findFirst().orElse(s.warehouseId())).setHeader(getTranslation("lot.warehouse")).setAutoWidth(true);
      stock.addColumn(WarehouseService.StockLine::commodity).setHeader(getTranslation("lot.commodity"));
      stock.addColumn(WarehouseService.StockLine::grade).setHeader(getTranslation("lot.grade"));
      stock.addColumn(s -> Ui.amount(s.kg())).setHeader("kg");
      stock.addColumn(WarehouseService.StockLine::lots).setHeader(getTranslation("order.lots"));
      stock.setAllRowsVisible(true);
      add(filters, grid, actions, new H3(getTranslation("lots.stock")), stock, detail);
      refresh();
    } catch (DomainException e) {
      removeAll();
      add(new Paragraph(e.getMessage()));
    }
  }

  private List<String> selected() {
    return grid.getSelectedItems().stream().map(Lot::id).toList();
  }

  private void refresh() {
    grid.setItems(lots.list(tenant, Ui.caller(), new LotService.LotFilter(null, null, null, status.getValue(), null,
        code.getValue().isBlank() ? null : code.getValue().trim().toUpperCase()), 0, 500).items());
    stock.setItems(warehouseService.stock(tenant, Ui.caller(), null));
  }

  private void act(Runnable r) {
    try {
      r.run();
      Ui.ok(getTranslation("action.done"));
      warehouses = warehouseService.warehouses(tenant, Ui.caller());
      refresh();
    } catch (DomainException e) {
      Ui.show(e, Map.of());
    }
  }

  private void addWarehouse() {
    TextField name = new TextField(getTranslation("warehouse.name"));
    TextField region = new TextField(getTranslation("warehouse.region"));
    Ui.formDialog(getTranslation("lots.addWarehouse"), new FormLayout(name, region), Map.of("name", name),
        () -> warehouseService.createWarehouse(tenant, Ui.caller(), new Warehouse(null, name.getValue(), null, null,
            region.getValue(), null, null, 0)), () -> {
              warehouses = warehouseService.warehouses(tenant, Ui.caller());
              getUI().ifPresent(ui -> ui.getPage().reload());
            });
  }

  private void transform() {
    List<String> inputs = selected();
    Select<String> kind = new Select<>();
    kind.setLabel(getTranslation("transform.kind"));
    kind.setItems(Transformation.KINDS);
    kind.setValue("processing");
    TextField commodity = new TextField(getTranslation("lot.commodity"));
    TextField grade = new TextField(getTranslation("lot.grade"));
    BigDecimalField kg = new BigDecimalField(getTranslation("transform.outputKg"));
    grid.getSelectedItems().stream().findFirst().ifPresent(l -> {
      commodity.setValue(l.commodity());
      grade.setValue(l.grade());
    });
    Ui.formDialog(getTranslation("lots.transform"), new FormLayout(kind, commodity, grade, kg),
        Map.of("kind", kind, "outputs", kg, "inputLotIds", commodity),
        () -> transformations.transform(tenant, Ui.caller(), new TransformationService.TransformInput(kind.getValue(), inputs,
            List.of(new TransformationService.OutputSpec(commodity.getValue(), grade.getValue(), kg.getValue())))),
        this::refresh);
  }

  private void show(Lot l) {
    detail.removeAll();
    detail.setId("lot-detail");
    String link = lots.digitalLink(l);
    Image qr = new Image(org.mu1000.ui.components.PlotMap.svgDataUrl(QrCodes.svg(link)), link);
    qr.setWidth("140px");
    Anchor open = new Anchor(link, getTranslation("lot.publicPage"));
    open.setTarget("_blank");
    detail.add(new H3(l.code() + " · " + l.commodity() + " " + l.grade() + " · " + Ui.amount(l.kg()) + " kg"),
        new HorizontalLayout(qr, open));
    if (l.harvest() && Ui.caller().mayHandleLots()) {
      BigDecimalField kg = new BigDecimalField(getTranslation("lot.correctKg"));
      kg.setValue(l.kg());
      TextField reason = new TextField(getTranslation("lot.reason"));
      Button correct = new Button(getTranslation("lot.correct"), e -> Ui.formDialog(getTranslation("lot.correct"),
          new FormLayout(kg, reason), Map.of("kg", kg, "reason", reason), () -> corrections.correct(tenant, Ui.caller(),
              l.id(), new LotCorrections.Correction(kg.getValue(), null, reason.getValue()), l.version()), () -> {
                refresh();
                show(lots.get(tenant, Ui.caller(), l.id()));
              }));
      detail.add(correct);
    }
    var verification = trace.verify(tenant, l.id());
    detail.add(new Paragraph(verification.intact() ? getTranslation("trace.intact") : getTranslation("trace.broken")
        + " — " + verification.reason()));
    UnorderedList history = new UnorderedList();
    history.setId("lot-history");
    List<ListItem> items = new ArrayList<>();
    for (TraceService.Stored s : trace.events(tenant, l.id())) {
      Map<String, Object> e = s.event();
      Object corr = e.get("mu1000:correction");
      items.add(new ListItem(e.get("eventTime") + " · " + e.get("type") + " · " + getTranslation("step."
          + e.get("bizStep")) + (e.get("mu1000:place") == null ? "" : " · " + e.get("mu1000:place"))
          + (corr == null ? "" : " · " + corr) + " · #" + s.hash().substring(0, 10)));
    }
    items.forEach(history::add);
    detail.add(new H3(getTranslation("lot.history")), history);
  }
}
