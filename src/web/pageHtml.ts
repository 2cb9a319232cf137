/** What a page needs to start: its bundles and the settings it reads from #page-config. */
export interface PageSpec {
  readonly title: string;
  readonly script: string;
  readonly style: string;
  readonly config: Record<string, unknown>;
}

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** JSON that is safe inside a <script> element (no "</script>", no HTML comment openers). */
const scriptJson = (v: unknown): string => JSON.stringify(v).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');

/** The HTML shell of a page: no inline script (the CSP forbids it), everything from /assets. */
export function pageHtml(spec: PageSpec): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(spec.title)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${escapeHtml(spec.style)}">
<script id="page-config" type="application/json">${scriptJson(spec.config)}</script>
<script defer src="${escapeHtml(spec.script)}"></script>
</head>
<body>
<div id="root"><noscript>This page needs JavaScript. The GraphQL API itself answers POST requests at /graphql.</noscript></div>
</body>
</html>
`;
}
