import 'graphiql/style.css';
import '@graphiql/plugin-explorer/style.css';
import './playground.css';
import { explorerPlugin } from '@graphiql/plugin-explorer';
import type { GraphiQLPlugin } from '@graphiql/react';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { createRoot } from 'react-dom/client';
import { readPageConfig } from '../shared/pageConfig';
import { ExamplesIcon, ExamplesPanel } from './ExamplesPanel';
import { EXAMPLES, exampleById } from './examples';
import { setupWorkers } from './setupWorkers';

const config = readPageConfig();
setupWorkers();

// Same-origin requests only; the fetcher sends JSON, which Apollo's CSRF check accepts.
const fetcher = createGraphiQLFetcher({ url: config.endpoint });

const examplesPlugin: GraphiQLPlugin = { title: 'Examples', icon: ExamplesIcon, content: ExamplesPanel };
const plugins = [examplesPlugin, explorerPlugin()];

// /graphql?example=<id> opens that example; ?query=...&variables=... opens a given operation.
const params = new URLSearchParams(window.location.search);
const first = EXAMPLES[0];
// A first visit (no tabs stored yet) opens the first example, variables included.
const firstVisit = ((): boolean => {
  try {
    return window.localStorage.getItem('graphiql:tabState') === null;
  } catch {
    return true;
  }
})();
const linked = exampleById(params.get('example') ?? '') ?? (firstVisit && !params.has('query') ? first : undefined);
const initialQuery = linked?.query ?? params.get('query') ?? undefined;
const initialVariables = linked ? JSON.stringify(linked.variables, null, 2) : (params.get('variables') ?? undefined);

const root = document.getElementById('root');
if (!root) throw new Error('the page has no #root element');
createRoot(root).render(
  <GraphiQL
    fetcher={fetcher}
    plugins={plugins}
    visiblePlugin={params.has('example') || params.has('query') ? undefined : examplesPlugin}
    defaultTabs={first ? [{ query: first.query, variables: JSON.stringify(first.variables, null, 2) }] : undefined}
    {...(initialQuery !== undefined ? { initialQuery } : {})}
    {...(initialVariables !== undefined ? { initialVariables } : {})}
    defaultEditorToolsVisibility="variables"
    shouldPersistHeaders={false}
  >
    <GraphiQL.Logo>
      <a className="dg-logo" href="/">
        dstack-graph
      </a>{' '}
      <span className="dg-version">{config.version}</span> · <a href="/explore">Explorer</a>
    </GraphiQL.Logo>
  </GraphiQL>,
);
