import {
  PLAYGROUND_CONFIG_ELEMENT_ID,
  PLAYGROUND_ROOT_ELEMENT_ID,
  type PlaygroundConfig,
} from './playground-config.ts';

/**
 * The playground page. It carries no inline script (the CSP allows only `script-src 'self'`): the app is a
 * module script from the assets, and its configuration is JSON in a non-executable script element.
 */
export function renderPlaygroundHtml(page: {
  scriptUrl: string;
  styleUrl: string;
  config: PlaygroundConfig;
}): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>IONFLUX GraphQL playground</title>
<link rel="stylesheet" href="${escapeHtmlAttribute(page.styleUrl)}">
<script type="application/json" id="${PLAYGROUND_CONFIG_ELEMENT_ID}">${serializeJsonForHtml(page.config)}</script>
<script type="module" src="${escapeHtmlAttribute(page.scriptUrl)}"></script>
</head>
<body>
<div id="${PLAYGROUND_ROOT_ELEMENT_ID}"></div>
<noscript>The IONFLUX GraphQL playground needs JavaScript.</noscript>
</body>
</html>
`;
}

/**
 * JSON that cannot end its `<script>` element or open a comment: `<`, `>` and `&` become `\u` escapes,
 * which JSON.parse reads back unchanged. U+2028/2029 are escaped for older JavaScript parsers.
 */
export function serializeJsonForHtml(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (char) => {
    return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

function escapeHtmlAttribute(value: string): string {
  return value.replace(/[&"<>]/g, (char) => `&#${char.charCodeAt(0)};`);
}
