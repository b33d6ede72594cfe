import '@vaadin/common-frontend/ConnectionIndicator.js';
import '@vaadin/polymer-legacy-adapter/style-modules.js';
import '@vaadin/vaadin-lumo-styles/color-global.js';
import '@vaadin/vaadin-lumo-styles/typography-global.js';
import '@vaadin/vaadin-lumo-styles/sizing.js';
import '@vaadin/vaadin-lumo-styles/spacing.js';
import '@vaadin/vaadin-lumo-styles/style.js';
import '@vaadin/vaadin-lumo-styles/vaadin-iconset.js';
import 'Frontend/generated/jar-resources/ReactRouterOutletElement.tsx';

const loadOnDemand = (key) => {
  const pending = [];
  if (key === '48c9220e23238324cc0b747044a093ece97e98696fcf6359c33f7967c8b2d27e') {
    pending.push(import('./chunks/chunk-e064916015bdf7f99bfa2b4a65bbf5b18e95436373de46773df7b5b73eb8ab02.js'));
  }
  if (key === 'fc52e4a63b04f1e350c637a398780d6a55df7cfdcdb7494ab9afe1e5cb6ef3f6') {
    pending.push(import('./chunks/chunk-d8e78e8786e84246e6db90a019db76fef761463fcd32c8ec096647f44247a75c.js'));
  }
  if (key === '2e292b4dcc0f938b4e406c99e013e6b2b3e8ad2e101709a334ba0695e8b1893a') {
    pending.push(import('./chunks/chunk-b0cc44cbeba5375a563e023ab2a7a942a04d8254b842bde79e503e175ea17b45.js'));
  }
  if (key === '3bd89c550b510f9c2514403f0348071d45b8878a4e54e91059db4fdd560ab23c') {
    pending.push(import('./chunks/chunk-81dc31500e2f8f863d133aacbd4c2a3c3bf84a306ca043b1498c5cd074cc3124.js'));
  }
  if (key === 'dcacf878b9dafaf092330fca44a9dffe5905aa96f91fde5088be5969a55d9163') {
    pending.push(import('./chunks/chunk-b83c36b4b59ecaf33f132dd11bb6a88303e9de9dfc6b9ca5fe40ad81150fff87.js'));
  }
  if (key === 'f0eb0db4bd9579a453fba81ad775e51c1dd70889372ff20ac7101645521492c9') {
    pending.push(import('./chunks/chunk-a9ce86b6b7caaccc5c633ab09fe97bb12a462a1d7425032aa83b7c3756ebe8f1.js'));
  }
  if (key === '27227784618202793950159af3151f47de9e6bedcca22a3d2b75830f58dda6ac') {
    pending.push(import('./chunks/chunk-d8e78e8786e84246e6db90a019db76fef761463fcd32c8ec096647f44247a75c.js'));
  }
  if (key === 'e911b90077029b5095e2056b625e211f7b56a69d3aff43f773b020f8e2dcc934') {
    pending.push(import('./chunks/chunk-81dc31500e2f8f863d133aacbd4c2a3c3bf84a306ca043b1498c5cd074cc3124.js'));
  }
  if (key === 'ecd25640150305ec9f8a3fee513d3a7d161777586240426ba95f4cfa630a72f9') {
    pending.push(import('./chunks/chunk-a9ce86b6b7caaccc5c633ab09fe97bb12a462a1d7425032aa83b7c3756ebe8f1.js'));
  }
  if (key === '7f8f3768cace4f534b9c45a87f2eab8f3bd3de965c2b5c8da2ee9e67ed6d93e6') {
    pending.push(import('./chunks/chunk-2b85016f1cabb717e4158dae3c8677ae41f9291654ee67baa2145b62651a1f1d.js'));
  }
  return Promise.all(pending);
}

window.Vaadin = window.Vaadin || {};
window.Vaadin.Flow = window.Vaadin.Flow || {};
window.Vaadin.Flow.loadOnDemand = loadOnDemand;
window.Vaadin.Flow.resetFocus = () => {
 let ae=document.activeElement;
 while(ae&&ae.shadowRoot) ae = ae.shadowRoot.activeElement;
 return !ae || ae.blur() || ae.focus() || true;
}