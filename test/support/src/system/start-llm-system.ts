import { randomBytes } from 'node:crypto';
import { type LlmSimulator, type LlmSimulatorOptions, startLlmSimulator } from '@ionflux/sandbox';
import { type SystemUnderTest, startSystem } from './start-system.ts';

export interface LlmSystemUnderTest extends SystemUnderTest {
  simulator: LlmSimulator;
  /** The central keys the subgraph was given (and the simulator accepts). */
  centralKeys: { openai: string; anthropic: string; gemini: string };
}

/**
 * The whole system with the sandbox's LLM simulator (on a free port) as OpenAI, Anthropic and Gemini:
 * central keys, base URLs and a generated master key for workspace keys go to every service's env.
 */
export async function startLlmSystem(
  env: Record<string, string> = {},
  simulatorOptions: Partial<LlmSimulatorOptions> = {},
): Promise<LlmSystemUnderTest> {
  const centralKeys = {
    openai: `sk-central-${randomBytes(12).toString('hex')}`,
    anthropic: `sk-ant-central-${randomBytes(12).toString('hex')}`,
    gemini: `AIzaCentral${randomBytes(12).toString('hex')}`,
  };
  const simulator = await startLlmSimulator({ ...simulatorOptions, apiKeys: centralKeys });
  try {
    const system = await startSystem({
      OPENAI_API_KEY: centralKeys.openai,
      ANTHROPIC_API_KEY: centralKeys.anthropic,
      GEMINI_API_KEY: centralKeys.gemini,
      OPENAI_BASE_URL: simulator.openaiBaseUrl,
      ANTHROPIC_BASE_URL: simulator.anthropicBaseUrl,
      GEMINI_BASE_URL: simulator.geminiBaseUrl,
      IONFLUX_MASTER_KEY: `ktest:${randomBytes(32).toString('base64')}`,
      ...env,
    });
    return {
      ...system,
      simulator,
      centralKeys,
      async stop() {
        await system.stop();
        await simulator.close();
      },
    };
  } catch (error) {
    await simulator.close();
    throw error;
  }
}
