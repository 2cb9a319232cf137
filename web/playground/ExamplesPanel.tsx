import { useGraphiQL, useGraphiQLActions } from '@graphiql/react';
import type { Example } from './examples';
import { EXAMPLES } from './examples';

/** The "Examples" plugin: every ready operation with its question; a click opens it in a new tab. */
export function ExamplesPanel() {
  const { addTab } = useGraphiQLActions();
  const queryEditor = useGraphiQL((s) => s.queryEditor);
  const variableEditor = useGraphiQL((s) => s.variableEditor);
  const open = (ex: Example): void => {
    addTab();
    queryEditor?.setValue(ex.query);
    variableEditor?.setValue(JSON.stringify(ex.variables, null, 2));
  };
  return (
    <div className="dg-examples">
      <div className="graphiql-doc-explorer-title">Examples</div>
      <p className="dg-examples-intro">
        Ready operations for the main questions, with variables from the real seed data. Open one, then run it with the ▶ button (Ctrl+Enter). Link to one with{' '}
        <code>/graphql?example=&lt;id&gt;</code>.
      </p>
      <ul>
        {EXAMPLES.map((ex) => (
          <li key={ex.id}>
            <button type="button" className="dg-example" data-example={ex.id} onClick={() => open(ex)}>
              <span className="dg-example-title">{ex.title}</span>
              <span className="dg-example-description">{ex.description}</span>
              <span className="dg-example-id">?example={ex.id}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function ExamplesIcon() {
  return (
    <svg viewBox="0 0 24 24" width="1em" height="1em" fill="none" stroke="currentColor" strokeWidth="1.5" aria-hidden="true">
      <path d="M4 5h16M4 10h16M4 15h10M4 20h7" strokeLinecap="round" />
    </svg>
  );
}
