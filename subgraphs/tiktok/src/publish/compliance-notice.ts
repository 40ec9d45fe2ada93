/**
 * Spec 3.4: carried by every publish result, so whoever shows a result shows it too. The wording names
 * TikTok's own documents; IONFLUX does not judge content itself, TikTok moderates it.
 */
export const TIKTOK_COMPLIANCE_NOTICE =
  'Content posted to TikTok must follow TikTok’s Community Guidelines and Terms of Service ' +
  '(https://www.tiktok.com/community-guidelines). You are responsible for what you post: do not publish ' +
  'prohibited content. TikTok moderates every post and may refuse or remove content that breaks its rules; ' +
  'a refused post is reported as POLICY_VIOLATION and is not retried.';
