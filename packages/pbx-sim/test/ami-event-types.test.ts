import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderEventTypes } from '../../ami/scripts/event-types.ts';
import { RECORDED_EVENT_SHAPES } from '../src/generated/recorded-event-shapes.ts';

// The typed events of @amiable/ami are generated from this package's recorded shape table; the
// table lives here, so the check that the two agree lives here too (dependencies point down).
const generated = new URL('../../ami/src/events/recorded-events.ts', import.meta.url);

describe('typed AMI events', () => {
  it('match the recorded event shapes (regenerate with packages/ami/scripts/generate-event-types.ts)', () => {
    expect(readFileSync(generated, 'utf8')).toBe(renderEventTypes(RECORDED_EVENT_SHAPES));
  });

  it('make a header required only when every recorded shape of the event carries it', () => {
    const text = renderEventTypes({ X: [{ fields: 'A,B' }, { fields: 'A,C' }] });
    expect(text).toContain('  X: {\n    A: string;\n    B?: string;\n    C?: string;\n  };\n');
  });
});
