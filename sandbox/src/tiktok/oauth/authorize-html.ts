import type { AuthorizeRequest } from './authorize-request.ts';

const SCOPE_TEXT: Record<string, string> = {
  'user.info.basic': 'Read your profile info (avatar, display name)',
  'user.info.profile': 'Read your profile details (bio, profile link, verification)',
  'user.info.stats': 'Read your follower, following, likes and video counts',
  'video.list': 'Read your public videos',
  'video.upload': 'Upload content to TikTok as drafts',
  'video.publish': 'Post content directly to your TikTok profile',
};

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem}
button{font-size:1rem;padding:.6rem 1.4rem;margin-right:.5rem}.approve{background:#fe2c55;color:#fff;border:0}</style>
</head><body>${body}</body></html>`;
}

/** The consent page; hidden inputs carry the authorize parameters back on submit. */
export function renderAuthorizePage(
  request: AuthorizeRequest,
  query: Record<string, unknown>,
  usernames: readonly string[],
  defaultUsername: string,
): string {
  const hidden = [
    'client_key',
    'scope',
    'response_type',
    'redirect_uri',
    'state',
    'code_challenge',
    'code_challenge_method',
  ]
    .filter((name) => typeof query[name] === 'string')
    .map((name) => `<input type="hidden" name="${name}" value="${escapeHtml(String(query[name]))}">`)
    .join('');
  const options = usernames
    .map(
      (name) =>
        `<option value="${escapeHtml(name)}"${name === defaultUsername ? ' selected' : ''}>@${escapeHtml(name)}</option>`,
    )
    .join('');
  const scopes = request.scopes
    .map((scope) => `<li>${escapeHtml(SCOPE_TEXT[scope] ?? scope)} <code>${escapeHtml(scope)}</code></li>`)
    .join('');
  return page(
    'Authorize app · TikTok (sandbox)',
    `<h1>TikTok sandbox</h1><p>The app <strong>${escapeHtml(request.clientKey)}</strong> would like to:</p><ul>${scopes}</ul>
<form method="post" action="/v2/auth/authorize/">${hidden}
<label>Continue as <select name="username">${options}</select></label>
<p><button class="approve" type="submit" name="decision" value="approve">Approve</button>
<button type="submit" name="decision" value="deny">Deny</button></p></form>`,
  );
}

export function renderErrorPage(error: string, description: string): string {
  return page(
    'Authorization error · TikTok (sandbox)',
    `<h1>Something went wrong</h1><p><code>${escapeHtml(error)}</code>: ${escapeHtml(description)}</p>`,
  );
}
