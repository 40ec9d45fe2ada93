import type { CompletionRequest } from './llm-adapter.ts';

/** Limits that differ per provider, checked by {@link validateCommon}. */
export interface ProviderLimits {
  name: string;
  maxTemperature: number;
  /** Most stop sequences the provider accepts. */
  maxStopSequences: number;
  requiresMaxTokens: boolean;
}

/** The checks every provider shares, worded with the provider's own limits. */
export function validateCommon(request: CompletionRequest, limits: ProviderLimits): string[] {
  const problems: string[] = [];
  if (request.prompt.trim() === '') problems.push('prompt must not be empty');
  if (request.model.trim() === '') problems.push('model must not be empty');
  if (request.maxTokens === undefined && limits.requiresMaxTokens) {
    problems.push(`${limits.name} needs parameters.maxTokens`);
  }
  if (request.maxTokens !== undefined && (!Number.isInteger(request.maxTokens) || request.maxTokens < 1)) {
    problems.push('parameters.maxTokens must be a whole number of at least 1');
  }
  if (
    request.temperature !== undefined &&
    (request.temperature < 0 || request.temperature > limits.maxTemperature)
  ) {
    problems.push(`parameters.temperature must be between 0 and ${limits.maxTemperature} for ${limits.name}`);
  }
  if (request.topP !== undefined && (request.topP < 0 || request.topP > 1)) {
    problems.push('parameters.topP must be between 0 and 1');
  }
  if (request.stopSequences.length > limits.maxStopSequences) {
    problems.push(`${limits.name} accepts at most ${limits.maxStopSequences} stop sequences`);
  }
  if (request.stopSequences.some((sequence) => sequence === '')) {
    problems.push('parameters.stopSequences must not contain an empty string');
  }
  return problems;
}
