/** The landing page at / for browsers: where to go next. Static, no script. */
export function indexHtml(version: string): string {
  const v = version.replace(/[^0-9A-Za-z.+-]/g, '');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>dstack-graph</title>
<link rel="icon" href="data:,">
<style>
body { font: 16px/1.5 system-ui, sans-serif; max-width: 44rem; margin: 3rem auto; padding: 0 1rem; color: #1f2937; }
h1 { font-size: 1.6rem; margin-bottom: 0.2rem; } .v { color: #6b7280; font-size: 0.9rem; }
a.card { display: block; border: 1px solid #d1d5db; border-radius: 8px; padding: 0.9rem 1.1rem; margin: 0.8rem 0; color: inherit; text-decoration: none; }
a.card:hover { border-color: #2563eb; background: #eff6ff; } a.card b { color: #1d4ed8; }
code { background: #f3f4f6; padding: 0 0.25em; border-radius: 3px; }
</style>
</head>
<body>
<h1>dstack-graph</h1>
<div class="v">Knowledge graph of the Deutschland-Stack · version ${v}</div>
<a class="card" href="/graphql"><b>GraphQL playground</b><br>GraphiQL with schema docs, an explorer and ready examples: impact, dependencies, paths, alternatives, compliance, compatibility, adoption, search, subgraph.</a>
<a class="card" href="/explore"><b>Graph explorer</b><br>Search a node, draw its neighbourhood, expand it, and see what a change hits in impact mode.</a>
<a class="card" href="/contribute"><b>Take part</b><br>Inclusion requests and their reasoned decisions, adoption progress per Land; signed in: request inclusions and exceptions, report adoption as CSV, review.</a>
<p>API: <code>POST /graphql</code> with JSON · health: <a href="/healthz">/healthz</a>, <a href="/readyz">/readyz</a></p>
</body>
</html>
`;
}
