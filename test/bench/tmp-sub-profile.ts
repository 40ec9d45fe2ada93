import { runScenario } from './subscriptions-bench.ts';

const result = await runScenario('user', [{ rate: 200, seconds: 8 }]);
console.log(JSON.stringify(result.phases));
