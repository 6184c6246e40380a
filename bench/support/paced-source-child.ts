/**
 * The simulated PBX's paced broadcast (startPacedBroadcast) in its own process, as Asterisk
 * would be: its CPU is not the server's, and the server's CPU is not its.
 */
import { startPacedBroadcast, type PacedBroadcast, type PacedRun } from '@amiable/pbx-sim';
import type { PacedSourceCommand, PacedSourceReply } from './paced-source.ts';

let source: PacedBroadcast | undefined;
let current: PacedRun | undefined;
let cpuMark = process.cpuUsage();

function reply(r: PacedSourceReply): void {
  process.send?.(r);
}

process.on('message', (raw) => {
  const cmd = raw as PacedSourceCommand;
  const go = async (): Promise<void> => {
    if (cmd.type === 'listen') {
      source = await startPacedBroadcast({ transcript: cmd.transcript });
      reply({ type: 'listening', port: source.port, events: source.events.map((e) => [e.name, e.hasActionId]) });
    } else if (cmd.type === 'sessions') {
      reply({ type: 'sessions', sessions: source!.sessions });
    } else if (cmd.type === 'start') {
      cpuMark = process.cpuUsage();
      current = source!.start({ eventsPerSecond: cmd.eventsPerSecond, count: cmd.count, at: cmd.at });
      reply({ type: 'started', startedAt: current.startedAt });
    } else if (cmd.type === 'wait') {
      await current!.done;
      const cpu = process.cpuUsage(cpuMark);
      reply({ type: 'sent', cpuMs: (cpu.user + cpu.system) / 1000 });
    } else if (cmd.type === 'close') {
      await source?.close();
      reply({ type: 'closed' });
    }
  };
  go().catch((err: unknown) => process.send?.({ type: 'error', message: err instanceof Error ? err.message : String(err) }));
});
