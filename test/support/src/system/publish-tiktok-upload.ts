import { randomBytes } from 'node:crypto';
import { postGraphQL } from '../http/graphql-client.ts';

const PUBLISH = `mutation ($input: PublishTikTokVideoInput!) { publishTikTokVideo(input: $input) { jobId } }`;

/**
 * Uploads `size` random bytes through the gateway (`POST /uploads/tiktok` with the caller's JWT) and
 * publishes them on a TikTok connection of that workspace, as a client does. Resolves the publish's job
 * id and the upload's id as soon as the job is queued (it runs on, and TikTok's `post.publish.*` webhooks
 * about it follow when the simulator has a webhook URL).
 */
export async function publishTikTokUpload(input: {
  gatewayUrl: string;
  token: string;
  connectionId: string;
  title: string;
  /** @default 32 KiB */
  size?: number;
  /** @default 'SELF_ONLY' */
  privacyLevel?: string;
}): Promise<{ jobId: string; uploadId: string }> {
  const uploaded = await fetch(`${input.gatewayUrl}/uploads/tiktok`, {
    method: 'POST',
    headers: { authorization: `Bearer ${input.token}`, 'content-type': 'video/mp4' },
    body: Uint8Array.from(randomBytes(input.size ?? 32 * 1024)),
  });
  if (uploaded.status !== 201) throw new Error(`the upload route answered ${uploaded.status}`);
  const { uploadId } = (await uploaded.json()) as { uploadId: string };
  const published = await postGraphQL<{ publishTikTokVideo: { jobId: string } }>(input.gatewayUrl, PUBLISH, {
    token: input.token,
    variables: {
      input: {
        connectionId: input.connectionId,
        uploadId,
        title: input.title,
        privacyLevel: input.privacyLevel ?? 'SELF_ONLY',
      },
    },
  });
  const jobId = published.body.data?.publishTikTokVideo.jobId;
  if (!jobId) throw new Error(`publishTikTokVideo failed: ${JSON.stringify(published.body.errors)}`);
  return { jobId, uploadId };
}
