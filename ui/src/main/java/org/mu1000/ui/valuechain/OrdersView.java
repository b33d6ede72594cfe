package org.mu1000.ui.valuechain;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mu1000.platform.finance.application.PaymentService;
import org.mu1000.platform.registry.application.FarmerService;
import org.mu1000.platform.registry.application.OrganisationService;
import org.mu1000.platform.registry.domain.Programme;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.tenancy.application.TenantService;
import org.mu1000.platform.tenancy.domain.Tenant;
import org.mu1000.platform.valuechain.application.LotService;
import org.mu1000.platform.valuechain.application.ShipmentService;
import org.mu1000.platform.valuechain.application.OrderService;
import org.mu1000.platform.valuechain.domain.Lot;
import org.mu1000.platform.valuechain.domain.PurchaseOrder;
import org.mu1000.platform.valuechain.domain.Shipment;
import org.mu1000.ui.shell.MainLayout;
import org.mu1000.ui.shell.Ui;

/** Buyers' orders: place and confirm, plan production to farmers' quotas, follow delivery, allocate and ship lots. */
@Route(value = "orders", layout = MainLayout.class)
@PageTitle("Mu1000 — orders")
@Dependent
public class OrdersView extends VerticalLayout {
  private final OrderService orders;
  private final LotService lots;
  private final ShipmentService shipments;
  private final FarmerService farmers;
  private final PaymentService payments;
  private final VerticalLayout detail = new VerticalLayout();
  private final Grid<PurchaseOrder> grid = new Grid<>();
  private Tenant tenant;
  private Map<String, String> coopNames = new HashMap<>();

  @Inject
  public OrdersView(OrderService orders, LotService lots, ShipmentService shipments, FarmerService farmers,
      OrganisationService orgs, TenantService tenants, PaymentService payments) {
    this.payments = payments;
    this.orders = orders;
    this.lots = lots;
    this.shipments = shipments;
    this.farmers = farmers;
    try {
      tenant = Ui.tenant(tenants);
      orgs.cooperatives(tenant, Ui.caller()).forEach(c -> coopNames.put(c.id(), c.name()));
      grid.setId("orders-grid");
      grid.addColumn(PurchaseOrder::number).setHeader(getTranslation("order.number")).setAutoWidth(true);
      grid.addColumn(o -> o.buyer().name()).setHeader(getTranslation("order.buyer")).setAutoWidth(true);
      grid.addColumn(o -> o.lines().stream().map(l -> Ui.amount(l.quantityKg()) + " kg "
          + l.commodity() + " " + l.grade()).reduce((a, b) -> a + "; " + b).orElse("")).setHeader(
              getTranslation("order.lines"));
      grid.addColumn(o -> getTranslation("order.status." + o.status().code())).setHeader(
          getTranslation("order.status"));
      grid.setAllRowsVisible(true);
      grid.addSelectionListener(e -> e.getFirstSelectedItem().ifPresent(this::open));
      Button add = new Button(getTranslation("orders.add"), e -> create(orgs.programmes(tenant, Ui.caller())));
      add.setId("orders-add");
      add.setVisible(Ui.caller().mayTrade());
      add(add, grid, detail);
      refresh();
    } catch (DomainException e) {
      removeAll();
      add(new Paragraph(e.getMessage()));
    }
  }

  private void refresh() {
    grid.setItems(orders.list(tenant, Ui.caller(), null, null, 0, 200).items());
  }

  private void create(List<Programme> programmes) {
    TextField number = new TextField(getTranslation("order.number"));
    number.setId("order-number");
    TextField buyer = new TextField(getTranslation("order.buyer"));
    buyer.setId("order-buyer");
    TextField country = new TextField(getTranslation("order.country"));
    Select<Programme> programme = new Select<>();
    programme.setLabel(getTranslation("order.programme"));
    programme.setItems(programmes);
    programme.setItemLabelGenerator(Programme::name);
    if (!programmes.isEmpty()) {
      programme.setValue(programmes.get(0));
    }
    TextField grade = new TextField(getTranslation("order.grade"));
    grade.setId("order-grade");
    BigDecimalField kg = new BigDecimalField(getTranslation("order.kg"));
    kg.setId("order-kg");
    BigDecimalField price = new BigDecimalField(getTranslation("order.price", tenant.config().currency()));
    price.setId("order-price");
    DatePicker from = new DatePicker(getTranslation("order.from"));
    from.setValue(LocalDate.now());
    DatePicker to = new DatePicker(getTranslation("order.to"));
    Ui.formDialog(getTranslation("orders.add"), new FormLayout(number, buyer, country, programme, grade, kg, price,
        from, to), Map.of("number", number, "buyer", buyer, "programmeId", programme, "lines", kg),
        () -> orders.create(tenant, Ui.caller(), new PurchaseOrder(null, number.getValue(), programme.getValue() == null
            ? null : programme.getValue().id(), new PurchaseOrder.Buyer(buyer.getValue(), country.getValue()
                .isBlank() ? null : country.getValue().trim().toUpperCase(), true, null),
            List.of(new PurchaseOrder.Line(null, programme.getValue() == null ? null
                : programme.getValue().commodity(), grade.getValue(), kg.getValue(), price.getValue(), from.getValue(),
                to.getValue())), null, null, null, 0)), this::refresh);
  }

  private void open(PurchaseOrder o) {
    detail.removeAll();
    detail.setId("order-detail");
    detail.add(new H3(o.number() + " · " + o.buyer().name() + " · " + getTranslation("order.status."
        + o.status().code())));
    HorizontalLayout actions = new HorizontalLayout();
    if (o.status() == PurchaseOrder.Status.DRAFT && Ui.caller().mayTrade()) {
      Button confirm = new Button(getTranslation("order.confirm"), e -> act(() -> orders.transition(tenant,
          Ui.caller(), o.id(), PurchaseOrder.Status.CONFIRMED, o.version()), o.id()));
      confirm.setId("order-confirm");
      actions.add(confirm);
    }
    if ((o.status() == PurchaseOrder.Status.CONFIRMED || o.status() == PurchaseOrder.Status.IN_DELIVERY)
        && Ui.caller().mayAdministerTenant()) {
      BigDecimalField yield = new BigDecimalField(getTranslation("order.yield"));
      yield.setId("order-yield");
      Button plan = new Button(getTranslation("order.plan"), e -> act(() -> orders.plan(tenant, Ui.caller(), o.id(),
          yield.getValue()), o.id()));
      plan.setId("order-plan");
      actions.add(yield, plan);
      actions.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
    }
    detail.add(actions);
    try {
      OrderService.OrderProgress summary = orders.summary(tenant, Ui.caller(), o.id());
      List<OrderService.Progress> progress = summary.farmers();
      detail.add(new H3(getTranslation("order.progress")));
      Paragraph total = new Paragraph(getTranslation("order.total", Ui.amount(summary.deliveredKg()),
          Ui.amount(summary.quotaKg())));
      total.setId("order-total");
      detail.add(total, bar(summary.deliveredKg(), summary.quotaKg()));
      Grid<OrderService.Progress> cg = new Grid<>();
      cg.setId("order-coop-progress");
      cg.addColumn(OrderService.Progress::lineId).setHeader(getTranslation("order.line")).setAutoWidth(true);
      cg.addColumn(p -> coopNames.getOrDefault(p.cooperativeId(), p.cooperativeId())).setHeader(
          getTranslation("farmer.cooperative")).setAutoWidth(true);
      cg.addColumn(p -> Ui.amount(p.quotaKg())).setHeader(getTranslation("order.quota"));
      cg.addColumn(p -> Ui.amount(p.deliveredKg())).setHeader(
          getTranslation("order.delivered"));
      cg.addComponentColumn(p -> bar(p.deliveredKg(), p.quotaKg())).setHeader("%");
      cg.setItems(summary.cooperatives());
      cg.setAllRowsVisible(true);
      detail.add(cg);
      Grid<OrderService.Progress> pg = new Grid<>();
      pg.setId("order-progress");
      pg.addColumn(OrderService.Progress::lineId).setHeader(getTranslation("order.line")).setAutoWidth(true);
      pg.addColumn(p -> coopNames.getOrDefault(p.cooperativeId(), p.cooperativeId())).setHeader(
          getTranslation("farmer.cooperative")).setAutoWidth(true);
      pg.addColumn(p -> farmerName(p.farmerId())).setHeader(getTranslation("order.farmer")).setAutoWidth(true);
      pg.addColumn(p -> Ui.amount(p.quotaKg())).setHeader(getTranslation("order.quota"));
      pg.addColumn(p -> Ui.amount(p.deliveredKg())).setHeader(
          getTranslation("order.delivered"));
      pg.addComponentColumn(p -> bar(p.deliveredKg(), p.quotaKg())).setHeader("%");
      pg.setItems(progress);
      pg.setAllRowsVisible(progress.size() <= 30);
      detail.add(pg);
    } catch (DomainException noPlan) {
      detail.add(new Paragraph(getTranslation("order.noPlan")));
    }
    if (o.status() == PurchaseOrder.Status.CONFIRMED || o.status() == PurchaseOrder.Status.IN_DELIVERY) {
      allocation(o);
    }
    shipments(o);
  }

  private static ProgressBar bar(BigDecimal delivered, BigDecimal quota) {
    double share = quota.signum() == 0 ? 0 : delivered.divide(quota, 4, RoundingMode.HALF_EVEN).min(BigDecimal.ONE)
        .doubleValue();
    ProgressBar b = new ProgressBar(0, 1, share);
    b.setWidth("8em");
    return b;
  }

  private String farmerName(String id) {
    try {
      var f = farmers.get(tenant, Ui.caller(), id);
      return f.familyName() + " " + f.givenName();
    } catch (DomainException e) {
      return id;
    }
  }

  private void allocation(PurchaseOrder o) {
    if (!Ui.caller().mayHandleLots()) {
      return;
    }
    detail.add(new H3(getTranslation("order.allocate")));
    for (PurchaseOrder.Line line : o.lines()) {
      Grid<Lot> stored = new Grid<>();
      stored.setId("allocate-" + line.id());
      stored.setSelectionMode(Grid.SelectionMode.MULTI);
      stored.addColumn(Lot::code).setHeader(getTranslation("lot.code")).setAutoWidth(true);
      stored.addColumn(l -> Ui.amount(l.kg())).setHeader("kg");
      stored.addColumn(Lot::grade).setHeader(getTranslation("lot.grade"));
      stored.addColumn(l -> l.orderId() == null ? "" : getTranslation("lot.allocated")).setHeader("");
      List<Lot> candidates = lots.list(tenant, Ui.caller(), new LotService.LotFilter(null, null, null,
          Lot.Status.STORED, null, null), 0, 500).items().stream().filter(l -> l.commodity().equals(line.commodity())
              && l.grade().equals(line.grade()) && (l.orderId() == null || l.orderId().equals(o.id()))).toList();
      stored.setItems(candidates);
      stored.setAllRowsVisible(true);
      Button allocate = new Button(getTranslation("order.allocateSelected"), e -> act(() -> shipments.allocate(tenant,
          Ui.caller(), o.id(), line.id(), stored.getSelectedItems().stream().filter(l -> l.orderId() == null)
              .map(Lot::id).toList()), o.id()));
      allocate.setId("allocate-button-" + line.id());
      TextField destination = new TextField(getTranslation("order.destination"));
      destination.setId("ship-destination-" + line.id());
      Button ship = new Button(getTranslation("order.ship"), e -> act(() -> shipments.ship(tenant, Ui.caller(), o.id(),
          stored.getSelectedItems().stream().filter(l -> o.id().equals(l.orderId())).map(Lot::id).toList(),
          destination.getValue()), o.id()));
      ship.setId("ship-button-" + line.id());
      HorizontalLayout bar = new HorizontalLayout(allocate, destination, ship);
      bar.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
      detail.add(new Paragraph(line.id() + ": " + Ui.amount(line.quantityKg()) + " kg "
          + line.commodity() + " " + line.grade() + " @ " + Ui.amount(line.pricePerKg()) + " "
          + tenant.config().currency() + "/kg"), stored, bar);
    }
  }

  private void shipments(PurchaseOrder o) {
    List<Shipment> list = shipments.shipments(tenant, Ui.caller(), o.id());
    if (list.isEmpty()) {
      return;
    }
    detail.add(new H3(getTranslation("order.shipments")));
    Grid<Shipment> sg = new Grid<>();
    sg.setId("shipments-grid");
    sg.addColumn(Shipment::sscc).setHeader("SSCC").setAutoWidth(true);
    sg.addColumn(Shipment::destination).setHeader(getTranslation("order.destination"));
    sg.addColumn(s -> s.lotIds().size()).setHeader(getTranslation("order.lots"));
    sg.addColumn(s -> getTranslation("shipment." + s.status())).setHeader(getTranslation("order.status"));
    boolean money = Ui.caller().mayRecordPayments();
    if (money) {
      sg.addColumn(s -> Ui.amount(payments.payments(tenant, Ui.caller(), s.id()).stream().map(p -> p.amount())
          .reduce(BigDecimal.ZERO, BigDecimal::add)) + " " + tenant.config().currency())
          .setHeader(getTranslation("shipment.paid"));
    }
    sg.addComponentColumn(s -> {
      Button b = new Button(getTranslation("shipment.confirm"), e -> act(() -> shipments.confirmDelivery(tenant,
          Ui.caller(), s.id(), s.version()), o.id()));
      b.setVisible("shipped".equals(s.status()) && Ui.caller().mayConfirmDelivery());
      HorizontalLayout h = new HorizontalLayout(b);
      if (money && ("shipped".equals(s.status()) || "delivered".equals(s.status()))) {
        Button record = new Button(getTranslation("shipment.recordPayment"), e -> paymentDialog(o, s, false));
        record.setId("record-payment-" + s.id());
        Button ask = new Button(getTranslation("shipment.requestPayment"), e -> paymentDialog(o, s, true));
        ask.setId("request-payment-" + s.id());
        h.add(record, ask);
      }
      return h;
    }).setAutoWidth(true);
    sg.setItems(list);
    sg.setAllRowsVisible(true);
    detail.add(sg);
  }

  /** The buyer's payment for a shipment: entered by hand, or asked of the buyer through the mobile-money provider. */
  private void paymentDialog(PurchaseOrder o, Shipment s, boolean ask) {
    BigDecimalField amount = new BigDecimalField(getTranslation("shipment.amount", tenant.config().currency()));
    amount.setId("payment-amount");
    TextField second = new TextField(getTranslation(ask ? "shipment.payerMsisdn" : "shipment.reference"));
    second.setId(ask ? "payment-msisdn" : "payment-reference");
    DatePicker paidOn = new DatePicker(getTranslation("shipment.paidOn"));
    paidOn.setVisible(!ask);
    FormLayout form = new FormLayout(amount, second, paidOn);
    Map<String, com.vaadin.flow.component.Component> fields = Map.of("amount", amount, ask ? "payerMsisdn"
        : "reference", second, "paidOn", paidOn);
    Ui.formDialog(getTranslation(ask ? "shipment.requestPayment" : "shipment.recordPayment") + " — " + s.sscc(), form,
        fields, () -> {
          if (ask) {
            payments.requestPayment(tenant, Ui.caller(), s.id(), amount.getValue(), tenant.config().currency(),
                second.getValue());
          } else {
            payments.record(tenant, Ui.caller(), s.id(), new PaymentService.PaymentInput(amount.getValue(),
                tenant.config().currency(), second.getValue(), paidOn.getValue()));
          }
        }, () -> {
          Ui.ok(getTranslation(ask ? "shipment.paymentRequested" : "shipment.paymentRecorded"));
          open(orders.get(tenant, Ui.caller(), o.id()));
        });
  }

  private void act(Runnable action, String orderId) {
    try {
      action.run();
      Ui.ok(getTranslation("action.done"));
      refresh();
      open(orders.get(tenant, Ui.caller(), orderId));
    } catch (DomainException e) {
      Ui.show(e, Map.of());
    }
  }
}
