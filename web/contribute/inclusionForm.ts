import { criterionSlug, SELF_LEVELS } from './criteria';
import { field, h, select, splitList } from './dom';
import type { PageContext } from './pageContext';
import { REQUEST_INCLUSION } from './queries';
import { ok, runAction } from './runAction';

/** The fields of a new item's profile (NewItemInput). */
function newItemFields(): { box: HTMLFieldSetElement; read: () => Record<string, unknown> } {
  const id = h('input', { id: 'inc-new-id', type: 'text', placeholder: 'lower case, digits and -', pattern: '[a-z0-9][a-z0-9-]*', spellcheck: 'false' });
  const label = select('inc-new-label', [['Component', 'Component'], ['Standard', 'Standard']], 'Component');
  const name = h('input', { id: 'inc-new-name', type: 'text' });
  const kind = h('input', { id: 'inc-new-kind', type: 'text', value: 'product', list: 'inc-new-kinds' });
  const kinds = h('datalist', { id: 'inc-new-kinds' }, ...['basisdienst', 'product', 'platform', 'register', 'online-service', 'infrastructure', 'technology', 'XÖV', 'IETF', 'W3C', 'ISO'].map((k) => h('option', { value: k })));
  const license = h('input', { id: 'inc-new-license', type: 'text', placeholder: 'EUPL-1.2' });
  const steward = h('input', { id: 'inc-new-steward', type: 'text' });
  const layer = h('input', { id: 'inc-new-layer', type: 'text', placeholder: 'layer:…', spellcheck: 'false' });
  const models = h('input', { id: 'inc-new-models', type: 'text', placeholder: 'self-hosted, central-service', spellcheck: 'false' });
  const url = h('input', { id: 'inc-new-url', type: 'url', placeholder: 'https://…' });
  const description = h('textarea', { id: 'inc-new-description', rows: 2 });
  const box = h(
    'fieldset',
    { id: 'inc-new-item', class: 'grid' },
    h('legend', {}, 'The new item'),
    field('Id', id),
    field('Label', label),
    field('Name', name),
    field('Kind or family', kind, 'A component’s kind or a standard’s family.'),
    kinds,
    field('Licence (SPDX)', license),
    field('Steward', steward),
    field('Layer (id)', layer),
    field('Operating models', models, 'Comma separated: self-hosted, public-it-provider, commercial-saas, central-service.'),
    field('Address', url),
    field('Description', description),
  );
  const opt = (v: string): string | null => (v.trim() === '' ? null : v.trim());
  const read = (): Record<string, unknown> => ({
    id: id.value.trim(),
    label: label.value,
    name: name.value.trim(),
    kind: kind.value.trim(),
    license: opt(license.value),
    steward: opt(steward.value),
    layer: opt(layer.value),
    operatingModels: splitList(models.value),
    url: opt(url.value),
    description: opt(description.value),
  });
  return { box, read };
}

/** A request to include an item in a stack, with a self-assessment on each of the six D-Stack criteria. */
export function inclusionForm(ctx: PageContext): HTMLElement {
  const existing = h('input', { type: 'radio', name: 'inc-mode', id: 'inc-mode-existing', value: 'existing', checked: true });
  const fresh = h('input', { type: 'radio', name: 'inc-mode', id: 'inc-mode-new', value: 'new' });
  const item = h('input', { id: 'inc-item', type: 'text', placeholder: 'an id in the graph, e.g. opendesk', spellcheck: 'false' });
  const itemField = field('Item (id)', item);
  const newItem = newItemFields();
  const stack = h('input', { id: 'inc-stack', type: 'text', value: 'stack:germany', required: true, spellcheck: 'false' });
  const summary = h('textarea', { id: 'inc-summary', rows: 3, required: true });
  const criteria = ctx.criteria().map((c) => {
    const slug = criterionSlug(c.id);
    const level = select(`inc-level-${slug}`, SELF_LEVELS, 'unknown');
    const reasoning = h('textarea', { id: `inc-reasoning-${slug}`, rows: 2, required: true });
    const sources = h('input', { id: `inc-sources-${slug}`, type: 'text', placeholder: 'links or registry ids, comma separated', spellcheck: 'false' });
    const box = h('fieldset', { class: 'criterion', 'data-criterion': c.id }, h('legend', {}, c.name), field('Level', level), field('Reasoning', reasoning), field('Sources', sources));
    return { box, read: () => ({ criterion: c.id, level: level.value, reasoning: reasoning.value, sources: splitList(sources.value) }) };
  });
  const submit = h('button', { type: 'submit', id: 'inc-submit' }, 'Submit the request');
  const out = h('div', { id: 'inc-result', class: 'result', 'aria-live': 'polite' });
  const sync = (): void => {
    itemField.hidden = !existing.checked;
    newItem.box.hidden = existing.checked;
  };
  existing.addEventListener('change', sync);
  fresh.addEventListener('change', sync);
  sync();
  const form = h(
    'form',
    { id: 'inclusion-form' },
    h('fieldset', { class: 'choice' }, h('legend', {}, 'Which item'), h('label', {}, existing, ' an item in the graph'), h('label', {}, fresh, ' a new item')),
    itemField,
    newItem.box,
    field('Stack', stack),
    field('Summary', summary, 'Why the item belongs in the stack.'),
    h('h4', {}, 'Self-assessment on the D-Stack criteria'),
    ...criteria.map((c) => c.box),
    h('div', { class: 'actions' }, submit),
    out,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void runAction(submit, out, async () => {
      const input = {
        ...(existing.checked ? { item: item.value.trim() } : { newItem: newItem.read() }),
        stack: stack.value.trim() || 'stack:germany',
        summary: summary.value,
        selfAssessment: criteria.map((c) => c.read()),
      };
      const { requestInclusion: r } = await ctx.write<{ requestInclusion: { id: string; number: number; status: string; itemName: string } }>(REQUEST_INCLUSION, { input });
      return ok(`Inclusion request #${r.number} for ${r.itemName} (${r.id}) is ${r.status}: reviewers decide; the public list shows it.`);
    });
  });
  return form;
}
