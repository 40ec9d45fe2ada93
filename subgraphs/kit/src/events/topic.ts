/** Longer topics would crowd the payload out of NOTIFY's 8000 bytes; no real topic comes close. */
export const MAX_TOPIC_LENGTH = 500;

export function assertTopic(topic: string): void {
  if (topic.length === 0 || topic.length > MAX_TOPIC_LENGTH) {
    throw new Error(`an event topic must have 1 to ${MAX_TOPIC_LENGTH} characters`);
  }
}
