/**
 * Regenerates src/events/recorded-events.ts. Run from the repository root after the simulator's
 * shape table changes (npx tsx packages/pbx-sim/scripts/extract-event-shapes.ts):
 *
 *   npx tsx packages/ami/scripts/generate-event-types.ts
 */
import { writeFileSync } from 'node:fs';
import { RECORDED_EVENT_SHAPES } from '../../pbx-sim/src/generated/recorded-event-shapes.ts';
import { renderEventTypes } from './event-types.ts';

const out = new URL('../src/events/recorded-events.ts', import.meta.url);
writeFileSync(out, renderEventTypes(RECORDED_EVENT_SHAPES));
process.stdout.write(`wrote ${out.pathname} (${Object.keys(RECORDED_EVENT_SHAPES).length} events)\n`);
