import { diffTable } from './diffTable';
import { field, h, select, setChildren } from './dom';
import { errorView, problemsTable } from './errorView';
import type { PageContext } from './pageContext';
import { IMPORT_REPORTS, type ReportImport } from './queries';

/** The bytes of a file as base64, in chunks (a spread of a large array would overflow the stack). */
export function base64Of(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/**
 * Adoption or use reports from a CSV file: a dry run first (the rows, every problem by line and
 * column, or the diff), then "Commit" sends the same bytes again to write them.
 */
export function importForm(ctx: PageContext, organizations: readonly string[]): HTMLElement {
  const organization = select('csv-organization', organizations.map((o) => [o, o] as const), organizations[0]);
  const kind = select('csv-kind', [['adoption', 'adoption (item,status,date[,services,note])'], ['use', 'use (leika,item[,note])']], 'adoption');
  const file = h('input', { id: 'csv-file', type: 'file', accept: '.csv,text/csv', required: true });
  const dryRun = h('button', { type: 'submit', id: 'csv-dry-run' }, 'Check (dry run)');
  const commit = h('button', { type: 'button', id: 'csv-commit', disabled: true }, 'Commit');
  const out = h('div', { id: 'csv-result', class: 'result', 'aria-live': 'polite' });
  let checked: { base64: string; fileName: string; kind: string; organization: string } | null = null;

  const send = async (dry: boolean): Promise<ReportImport> => {
    if (!checked) throw new Error('Choose a file and check it first.');
    // The import endpoint takes bodies larger than /graphql does (IMPORT_MAX_BYTES, importReports only).
    return (await ctx.write<{ importReports: ReportImport }>(IMPORT_REPORTS, { input: { ...checked, dryRun: dry } }, { import: true })).importReports;
  };
  const invalidate = (): void => {
    checked = null;
    commit.disabled = true;
  };
  for (const el of [organization, kind, file]) el.addEventListener('change', invalidate);

  const form = h(
    'form',
    { id: 'import-form' },
    organizations.length === 0 ? h('p', { class: 'refused', role: 'alert' }, 'Your sign-in names no organisation (the token’s organization claim): the API takes reports only for one’s own organisation.') : null,
    field('Organisation', organization, 'One your sign-in speaks for.'),
    field('Kind', kind),
    field('CSV file', file, 'UTF-8 with a header line. Adoption: item,status,date and optionally services (LeiKa keys separated by spaces or |) and note, e.g. bundid,in-use,2026-11-02 (status planned, piloting, in-use or retired; the date not in the future). Use: leika,item and optionally note.'),
    h('div', { class: 'actions' }, dryRun, commit),
    out,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void (async () => {
      const f = file.files?.[0];
      if (!f) {
        setChildren(out, h('p', { class: 'refused', role: 'alert' }, 'Choose a CSV file first.'));
        return;
      }
      dryRun.disabled = true;
      commit.disabled = true;
      setChildren(out, h('p', { class: 'muted' }, `Checking ${f.name} …`));
      try {
        checked = { base64: base64Of(new Uint8Array(await f.arrayBuffer())), fileName: f.name, kind: kind.value, organization: organization.value };
        const r = await send(true);
        const fine = r.problems.length === 0 && r.rows > 0;
        setChildren(
          out,
          h('p', { role: 'status', id: 'csv-summary' }, `Dry run of ${f.name}: ${r.rows} row${r.rows === 1 ? '' : 's'}, ${r.problems.length} problem${r.problems.length === 1 ? '' : 's'}, ${r.changes} change${r.changes === 1 ? '' : 's'}. Nothing was written.`),
          r.problems.length > 0 ? h('div', { role: 'alert' }, h('p', {}, 'Fix these and check again; a file with any problem is refused as a whole.'), problemsTable(r.problems, 'csv-problems')) : null,
          r.diff.length > 0 ? diffTable(r.diff, 'csv-diff') : null,
          r.changes > r.diff.length ? h('p', { class: 'muted' }, `The first ${r.diff.length} of ${r.changes} changes are shown.`) : null,
          fine ? h('p', {}, 'Commit to write these changes.') : null,
        );
        commit.disabled = !fine;
        if (!fine) checked = null;
      } catch (err) {
        checked = null;
        setChildren(out, errorView(err));
      } finally {
        dryRun.disabled = false;
      }
    })();
  });
  commit.addEventListener('click', () => {
    void (async () => {
      commit.disabled = true;
      dryRun.disabled = true;
      const diff = out.querySelector('#csv-diff');
      setChildren(out, h('p', { class: 'muted' }, 'Writing …'), diff);
      try {
        const r = await send(false);
        const where = r.outcome === 'applied' ? 'in the graph now' : r.outcome === 'submitted' ? 'filed for review' : String(r.outcome);
        setChildren(
          out,
          h('p', { class: 'ok', role: 'status', id: 'csv-outcome', 'data-outcome': r.outcome ?? '' }, `Committed: ${r.rows} row${r.rows === 1 ? '' : 's'}, ${r.changes} change${r.changes === 1 ? '' : 's'}, ${where}${r.proposal ? ` (proposal #${r.proposal.number}, ${r.proposal.id})` : ''}.`),
          r.diff.length > 0 ? diffTable(r.diff, 'csv-diff') : null,
        );
        checked = null;
      } catch (err) {
        setChildren(out, errorView(err), diff);
        commit.disabled = false;
      } finally {
        dryRun.disabled = false;
      }
    })();
  });
  return form;
}
