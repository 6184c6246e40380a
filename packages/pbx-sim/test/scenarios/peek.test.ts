import { it } from 'vitest';
import { runScenario } from '/work/main/packages/pbx-sim/test/support/scenario-driver.ts';
import { loadTrace, sequences, responses } from '/work/main/packages/pbx-sim/test/support/trace.ts';
it('peek', async () => {
  const s = process.env.SCEN ?? 'attended-transfer';
  const run = await runScenario(s);
  const sim = sequences(run.main, new Set());
  const rec = sequences(loadTrace(s).messages, new Set());
  for (const k of ['channel:PJSIP/1001#0', 'bridge#0']) console.log(k, '\nREC', (rec.get(k)??[]).join(' ').slice(0,600), '\nSIM', (sim.get(k)??[]).join(' ').slice(0,600));
  console.log('RESP REC', responses(loadTrace(s).messages).join(' | '));
  console.log('RESP SIM', responses(run.main).join(' | '));
  await run.close();
});
