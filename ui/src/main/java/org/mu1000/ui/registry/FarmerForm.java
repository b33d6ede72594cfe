package org.mu1000.ui.registry;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mu1000.platform.registry.application.FarmerInput;
import org.mu1000.platform.registry.domain.Cooperative;
import org.mu1000.platform.registry.domain.Farmer;
import org.mu1000.platform.kernel.Money;
import org.mu1000.platform.registry.domain.Programme;
import org.mu1000.platform.registry.domain.Sex;

/** A farmer's fields. It only reads and fills values: the service checks them, with the API's rules. */
public class FarmerForm extends FormLayout {
  final TextField externalId = new TextField();
  final TextField givenName = new TextField();
  final TextField familyName = new TextField();
  final Select<Sex> sex = new Select<>();
  final IntegerField birthYear = new IntegerField();
  final IntegerField householdSize = new IntegerField();
  final TextField msisdn = new TextField();
  final TextField nationalId = new TextField();
  final ComboBox<Cooperative> cooperative = new ComboBox<>();
  final MultiSelectComboBox<Programme> programmes = new MultiSelectComboBox<>();
  final BigDecimalField income = new BigDecimalField();
  final Checkbox consent = new Checkbox();
  final DatePicker consentDate = new DatePicker();
  private final String currency;

  public FarmerForm(List<Cooperative> coops, List<Programme> progs, String currency) {
    this.currency = currency;
    externalId.setLabel(getTranslation("farmer.externalId"));
    givenName.setLabel(getTranslation("farmer.givenName"));
    givenName.setId("farmer-given-name");
    familyName.setLabel(getTranslation("farmer.familyName"));
    familyName.setId("farmer-family-name");
    sex.setLabel(getTranslation("farmer.sex"));
    sex.setId("farmer-sex");
    sex.setItems(Sex.values());
    sex.setItemLabelGenerator(x -> getTranslation("sex." + x.code()));
    birthYear.setLabel(getTranslation("farmer.birthYear"));
    householdSize.setLabel(getTranslation("farmer.householdSize"));
    msisdn.setLabel(getTranslation("farmer.msisdn"));
    msisdn.setId("farmer-msisdn");
    msisdn.setHelperText("+250788123456");
    nationalId.setLabel(getTranslation("farmer.nationalId"));
    nationalId.setHelperText(getTranslation("farmer.nationalId.help"));
    cooperative.setLabel(getTranslation("farmer.cooperative"));
    cooperative.setId("farmer-coop");
    cooperative.setItems(coops);
    cooperative.setItemLabelGenerator(Cooperative::name);
    if (coops.size() == 1) {
      cooperative.setValue(coops.get(0));
    }
    programmes.setLabel(getTranslation("farmer.programmes"));
    programmes.setItems(progs);
    programmes.setItemLabelGenerator(Programme::name);
    income.setLabel(getTranslation("farmer.income", currency));
    consent.setLabel(getTranslation("farmer.consent"));
    consentDate.setLabel(getTranslation("farmer.consentDate"));
    add(givenName, familyName, sex, birthYear, householdSize, msisdn, nationalId, cooperative, programmes, income,
        consent, consentDate, externalId);
    setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("500px", 2));
  }

  public void fill(Farmer f, List<Cooperative> coops, List<Programme> progs) {
    externalId.setValue(f.externalId() == null ? "" : f.externalId());
    givenName.setValue(f.givenName());
    familyName.setValue(f.familyName());
    sex.setValue(f.sex());
    birthYear.setValue(f.birthYear());
    householdSize.setValue(f.householdSize());
    msisdn.setValue(f.msisdn() == null ? "" : f.msisdn());
    nationalId.setPlaceholder(f.nationalIdLast4() == null ? "" : "…" + f.nationalIdLast4());
    coops.stream().filter(c -> c.id().equals(f.cooperativeId())).findFirst().ifPresent(cooperative::setValue);
    programmes.setValue(new HashSet<>(progs.stream().filter(p -> f.programmeIds().contains(p.id())).toList()));
    income.setValue(f.baselineAnnualIncome() == null ? null : f.baselineAnnualIncome().amount());
    consent.setValue(Boolean.TRUE.equals(f.consentGiven()));
    consentDate.setValue(f.consentDate());
  }

  public FarmerInput input() {
    return new FarmerInput(blank(externalId.getValue()), givenName.getValue(), familyName.getValue(), sex.getValue(),
        birthYear.getValue(), householdSize.getValue(), blank(msisdn.getValue()), blank(nationalId.getValue()),
        cooperative.getValue() == null ? null : cooperative.getValue().id(),
        programmes.getValue().stream().map(Programme::id).toList(),
        income.getValue() == null ? null : new Money(income.getValue(), currency),
        consent.getValue(), consentDate.getValue());
  }

  /** Fields by the names the service's violations use. */
  public Map<String, Component> fields() {
    Map<String, Component> m = new LinkedHashMap<>();
    m.put("externalId", externalId);
    m.put("givenName", givenName);
    m.put("familyName", familyName);
    m.put("sex", sex);
    m.put("birthYear", birthYear);
    m.put("householdSize", householdSize);
    m.put("msisdn", msisdn);
    m.put("nationalId", nationalId);
    m.put("cooperativeId", cooperative);
    m.put("programmeIds", programmes);
    m.put("baselineAnnualIncome", income);
    m.put("consent", consentDate);
    return m;
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
